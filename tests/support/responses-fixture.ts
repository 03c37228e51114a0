/** A small world for answer/report tests: two bodies, one account per role, a closed consultation with comments. */
import type { Db } from "~db/database.server";
import type { Role } from "~db/schema";
import type { Actor } from "~/modules/accounts/permissions";

const DAY = 86_400_000;
let counter = 0;

export async function makeOrg(db: Db, slug: string, kind: "government_body" | "ngo" = "government_body") {
  return db.insertInto("organizations").values({ slug, kind, name: JSON.stringify({ kk: `${slug} kk`, ru: `${slug} ru`, en: `${slug} en` }) }).returning("id").executeTakeFirstOrThrow();
}

export async function makeUser(db: Db, role: Role, organizationId: string | null = null): Promise<Actor & { email: string }> {
  const email = `${role}-${++counter}-${Math.random().toString(36).slice(2, 8)}@test.kz`;
  const row = await db.insertInto("users").values({ email, password_hash: "x", name: `${role} ${counter}`, role, organization_id: organizationId }).returning("id").executeTakeFirstOrThrow();
  return { id: row.id, role, organizationId, email };
}

/** A published consultation whose period ended `closedDaysAgo` days ago (negative: still open). */
export async function makeConsultation(
  db: Db,
  input: { slug: string; organizationId: string; closedDaysAgo?: number; periodDays?: number; type?: "grant_rules" | "lot_specification" | "regulation"; now?: Date },
) {
  const now = input.now ?? new Date();
  const closesAt = new Date(now.getTime() - (input.closedDaysAgo ?? 5) * DAY);
  const opensAt = new Date(closesAt.getTime() - (input.periodDays ?? 30) * DAY);
  const title = JSON.stringify({ kk: `${input.slug} кк`, ru: `${input.slug} ру`, en: input.slug });
  const c = await db
    .insertInto("consultations")
    .values({ slug: input.slug, type: input.type ?? "grant_rules", organization_id: input.organizationId, title, summary: title, explanatory_note: title, opens_at: opensAt, closes_at: closesAt, published_at: opensAt })
    .returning("id")
    .executeTakeFirstOrThrow();
  const v = await db.insertInto("document_versions").values({ consultation_id: c.id, number: 1, published_at: opensAt }).returning("id").executeTakeFirstOrThrow();
  const blocks = await db
    .insertInto("blocks")
    .values([
      { version_id: v.id, position: 1, lineage_key: "art-1", kind: "article", label: JSON.stringify({ kk: "1-бап", ru: "Статья 1", en: "Article 1" }), text: JSON.stringify({ kk: "Мәтін", ru: "Текст", en: "Text" }) },
      { version_id: v.id, position: 2, lineage_key: "p-1-1", kind: "paragraph", label: JSON.stringify({ kk: "1.", ru: "1.", en: "1." }), text: JSON.stringify({ kk: "Тармақ", ru: "Пункт", en: "Item" }) },
      { version_id: v.id, position: 3, lineage_key: "art-2", kind: "article", label: JSON.stringify({ kk: "2-бап", ru: "Статья 2", en: "Article 2" }), text: JSON.stringify({ kk: "Екі", ru: "Два", en: "Two" }) },
    ])
    .returning(["id", "lineage_key"])
    .execute();
  return { id: c.id, versionId: v.id, opensAt, closesAt, blocks: Object.fromEntries(blocks.map((b) => [b.lineage_key, b.id])) as Record<string, string> };
}

export async function makeComments(
  db: Db,
  consultation: { id: string; versionId: string; opensAt: Date },
  comments: { authorId: string; body: string; blockId?: string | null; organizationId?: string | null; pseudonymous?: boolean }[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < comments.length; i += 500) {
    const rows = await db
      .insertInto("comments")
      .values(
        comments.slice(i, i + 500).map((c, j) => ({
          consultation_id: consultation.id,
          version_id: consultation.versionId,
          block_id: c.blockId ?? null,
          author_id: c.authorId,
          organization_id: c.organizationId ?? null,
          body: c.body,
          lang: "ru" as const,
          idempotency_key: `k-${i + j}-${Math.random().toString(36).slice(2)}`,
          created_at: new Date(consultation.opensAt.getTime() + (i + j + 1) * 1000),
          pseudonymous: c.pseudonymous ?? false,
        })),
      )
      .returning("id")
      .execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}
