import { sql } from "kysely";
import type { Db } from "~db/database.server";
import type { Localized } from "~db/schema";
import type { Actor } from "~/modules/accounts/permissions";
import { recordAudit } from "~/modules/audit/audit.server";
import { enqueueOutbox } from "~/modules/outbox/outbox.server";
import { publishResponsesIn } from "~/modules/responses/commands.server";
import { canAnswer } from "~/modules/responses/permissions";
import { reconcileSimilarity } from "~/modules/responses/similarity-store.server";
import { buildReport } from "./queries.server";

export type PublishReportError =
  | "errors.forbidden"
  | "errors.consultation_not_found"
  | "errors.consultation_not_closed"
  | "errors.unanswered_comments"
  | "errors.change_log_required";

export type PublishReportResult = { ok: true; revision: number } | { ok: false; error: PublishReportError; unanswered?: number };

/**
 * Publishes the report (revision 1) or a correction (revision n + 1, with a change log): every
 * draft answer becomes public, and the report as it stands is frozen in an immutable revision.
 * Refused while any visible comment has no answer.
 */
export async function publishReport(db: Db, input: { actor: Actor; consultationId: string; changeLog?: Localized | null }): Promise<PublishReportResult> {
  return db.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom("consultations")
      .select(["id", "organization_id", "published_at", "report_published_at", sql<boolean>`now() >= closes_at`.as("closed")])
      .where("id", "=", input.consultationId)
      .forUpdate()
      .executeTakeFirst();
    if (!c || !c.published_at) return { ok: false, error: "errors.consultation_not_found" } as const;
    if (!canAnswer(input.actor, { organizationId: c.organization_id })) return { ok: false, error: "errors.forbidden" } as const;
    if (!c.closed) return { ok: false, error: "errors.consultation_not_closed" } as const;
    const unanswered = await trx
      .selectFrom("comments as cm")
      .leftJoin("comment_responses as r", "r.comment_id", "cm.id")
      .select(trx.fn.countAll<string>().as("n"))
      .where("cm.consultation_id", "=", c.id)
      .where("cm.status", "=", "visible")
      .where("r.comment_id", "is", null)
      .executeTakeFirstOrThrow();
    if (Number(unanswered.n) > 0) return { ok: false, error: "errors.unanswered_comments", unanswered: Number(unanswered.n) } as const;
    const last = await trx.selectFrom("report_revisions").select("revision").where("consultation_id", "=", c.id).orderBy("revision", "desc").limit(1).executeTakeFirst();
    const revision = (last?.revision ?? 0) + 1;
    const changeLog = input.changeLog ?? null;
    if (revision > 1 && (!changeLog || (!changeLog.kk.trim() && !changeLog.ru.trim()))) return { ok: false, error: "errors.change_log_required" } as const;

    // The revision freezes the similar-comment groups: bring them up to date first (the worker may
    // be a moment behind a last hiding). Taken before any write, so the similarity lock comes
    // before the change counter's, in the order the worker takes them.
    await reconcileSimilarity(trx, c.id);
    const published = await publishResponsesIn(trx, { actorId: input.actor.id, consultationId: c.id });
    const snapshot = await buildReport(trx, c.id);
    await trx
      .insertInto("report_revisions")
      .values({ consultation_id: c.id, revision, change_log: changeLog ? JSON.stringify(changeLog) : null, snapshot: JSON.stringify(snapshot), published_by: input.actor.id })
      .execute();
    if (!c.report_published_at) await trx.updateTable("consultations").set({ report_published_at: new Date(), updated_at: new Date() }).where("id", "=", c.id).execute();
    await enqueueOutbox(trx, "notify.report_published", { consultationId: c.id, revision });
    await recordAudit(trx, {
      actorId: input.actor.id,
      action: revision === 1 ? "report.published" : "report.revised",
      subject: `consultation:${c.id}`,
      data: { revision, answersPublished: published.length, summary: snapshot.summary },
    });
    return { ok: true, revision } as const;
  });
}
