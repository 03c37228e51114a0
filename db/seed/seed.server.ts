/**
 * The demo: organisations, one account per role, and consultations in every state, all
 * trilingual (content in demo-content.ts). Loaded on an empty embedded database by `npm start`,
 * and on PostgreSQL only by `npm run db:seed -- --demo`.
 */
import { sql } from "kysely";
import { hashPassword } from "~/modules/accounts/password.server";
import { isValidBin } from "~/modules/accounts/accounts.schema";
import type { Config } from "~/utils/env.server";
import type { Db, Engine } from "../database.server";
import { demoConsultations, demoOrganizations, demoUsers } from "./demo-content";
import { seedDemoLots } from "./demo-lots";
import { seedDemoResponses } from "./demo-responses";
import { seedDemoSearch } from "./demo-search";
import { seedDemoAnnotations } from "./demo-annotations";

export const DEMO_PASSWORD = "kenes-demo-2026";

export async function shouldSeedDemo(db: Db, config: Config, engine: Engine): Promise<boolean> {
  if (config.demo === "off") return false;
  if (engine === "postgres" && config.demo !== "on") return false;
  const row = await db.selectFrom("users").select(db.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

/** The demo BINs carry a correct check digit, as real ones do. */
function withCheckDigit(bin: string): string {
  for (let eleventh = Number(bin[10]); eleventh < Number(bin[10]) + 10; eleventh++) {
    const base = bin.slice(0, 10) + String(eleventh % 10);
    for (let d = 0; d <= 9; d++) if (isValidBin(base + d)) return base + d;
  }
  throw new Error(`no valid check digit for ${bin}`);
}

const DAY = 86_400_000;

export async function seedDemo(db: Db, now: Date = new Date()): Promise<string> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom("consultations").select("id").where("slug", "in", demoConsultations.map((c) => c.slug)).executeTakeFirst();
    if (existing) return "skipped (demo consultations already exist)";

    const orgIds = new Map<string, string>();
    for (const org of demoOrganizations) {
      const row = await trx
        .insertInto("organizations")
        .values({ slug: org.slug, kind: org.kind, name: JSON.stringify(org.name), bin: withCheckDigit(org.bin) })
        .onConflict((oc) => oc.column("slug").doUpdateSet({ name: JSON.stringify(org.name) }))
        .returning("id")
        .executeTakeFirstOrThrow();
      orgIds.set(org.key, row.id);
    }

    const userIds = new Map<string, string>();
    for (const user of demoUsers) {
      const found = await trx.selectFrom("users").select("id").where(sql`lower(email)`, "=", user.email.toLowerCase()).executeTakeFirst();
      const id =
        found?.id ??
        (
          await trx
            .insertInto("users")
            .values({
              email: user.email.toLowerCase(),
              password_hash: passwordHash,
              name: user.name,
              role: user.role,
              organization_id: user.organization ? orgIds.get(user.organization)! : null,
            })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id;
      userIds.set(user.key, id);
    }
    const staffId = userIds.get("staff") ?? null;

    let blockCount = 0;
    let commentCount = 0;
    for (const c of demoConsultations) {
      const opensAt = new Date(now.getTime() + c.opensInDays * DAY);
      opensAt.setUTCHours(19, 0, 0, 0); // midnight in Kazakhstan (UTC+5)
      const closesAt = new Date(opensAt.getTime() + c.periodDays * DAY - 1);
      const publishedAt = new Date(Math.min(opensAt.getTime(), now.getTime()) - 2 * DAY);
      const consultation = await trx
        .insertInto("consultations")
        .values({
          slug: c.slug,
          type: c.type,
          organization_id: orgIds.get(c.organization)!,
          title: JSON.stringify(c.title),
          summary: JSON.stringify(c.summary),
          explanatory_note: JSON.stringify(c.explanatoryNote),
          opens_at: opensAt,
          closes_at: closesAt,
          short_period_justification: c.shortPeriodJustification ? JSON.stringify(c.shortPeriodJustification) : null,
          published_at: publishedAt,
          created_by: staffId,
          created_at: publishedAt,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const version = await trx
        .insertInto("document_versions")
        .values({ consultation_id: consultation.id, number: 1, created_by: staffId, created_at: publishedAt, published_at: publishedAt })
        .returning("id")
        .executeTakeFirstOrThrow();
      const blockIds = new Map<string, string>();
      const rows = await trx
        .insertInto("blocks")
        .values(
          c.blocks.map((b, i) => ({
            version_id: version.id,
            position: i + 1,
            lineage_key: b.key,
            kind: b.kind,
            label: b.label ? JSON.stringify(b.label) : null,
            text: JSON.stringify(b.text),
          })),
        )
        .returning(["id", "lineage_key"])
        .execute();
      for (const r of rows) blockIds.set(r.lineage_key, r.id);
      blockCount += rows.length;

      const comments = c.comments.map((comment, i) => {
        const authorKey = comment.author;
        const author = demoUsers.find((u) => u.key === authorKey);
        if (!author) throw new Error(`demo comment by unknown user ${authorKey}`);
        if (comment.blockKey && !blockIds.has(comment.blockKey)) throw new Error(`demo comment on unknown block ${c.slug}/${comment.blockKey}`);
        // Spread over the period, never in the future; minutes apart keep the order stable.
        const at = Math.min(opensAt.getTime() + comment.daysAfterOpen * DAY + (i + 1) * 7 * 60_000, now.getTime() - (c.comments.length - i) * 60_000);
        return {
          consultation_id: consultation.id,
          version_id: version.id,
          block_id: comment.blockKey ? blockIds.get(comment.blockKey)! : null,
          author_id: userIds.get(authorKey)!,
          organization_id: author.organization ? orgIds.get(author.organization)! : null,
          body: comment.body,
          lang: comment.lang,
          idempotency_key: `demo-${c.slug}-${i}`,
          created_at: new Date(at),
        };
      });
      if (comments.length) await trx.insertInto("comments").values(comments).execute();
      commentCount += comments.length;
    }
    commentCount += await seedDemoAnnotations(trx, now);
    await seedDemoLots(trx, now);
    const responses = await seedDemoResponses(trx, now);
    await seedDemoSearch(trx, now);
    return `${demoOrganizations.length} organisations, ${demoUsers.length} accounts, ${demoConsultations.length} consultations, ${blockCount} blocks, ${commentCount} comments; ${responses}`;
  });
}
