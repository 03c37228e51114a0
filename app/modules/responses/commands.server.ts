import { sql } from "kysely";
import type { Db } from "~db/database.server";
import type { Localized, ResponseStatus } from "~db/schema";
import type { Actor } from "~/modules/accounts/permissions";
import { recordAudit } from "~/modules/audit/audit.server";
import { enqueueOutbox } from "~/modules/outbox/outbox.server";
import { canAnswer } from "./permissions";
import { requiresJustification } from "./response.schema";

export type AnswerError = "errors.forbidden" | "errors.consultation_not_found" | "errors.comment_not_in_consultation" | "errors.justification_required" | "errors.no_comments_selected";
export type CommandResult<E extends string = string> = { ok: true; count: number } | { ok: false; error: E };

async function lockConsultation(trx: Db, consultationId: string) {
  return trx
    .selectFrom("consultations")
    .select(["id", "organization_id", "published_at", "report_published_at", "closes_at"])
    .where("id", "=", consultationId)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Gives one answer to one or many comments of a consultation (each keeps its own row). The answer
 * is a draft until published. Only staff of the responsible body may answer.
 */
export async function answerComments(
  db: Db,
  input: { actor: Actor; consultationId: string; commentIds: string[]; status: ResponseStatus; justification: Localized; groupKey?: string | null; changeBlockKey?: string | null },
): Promise<CommandResult<AnswerError>> {
  const ids = [...new Set(input.commentIds)];
  if (ids.length === 0) return { ok: false, error: "errors.no_comments_selected" };
  if (requiresJustification(input.status) && !input.justification.kk.trim() && !input.justification.ru.trim()) return { ok: false, error: "errors.justification_required" };
  return db.transaction().execute(async (trx) => {
    const c = await lockConsultation(trx, input.consultationId);
    if (!c || !c.published_at) return { ok: false, error: "errors.consultation_not_found" } as const;
    if (!canAnswer(input.actor, { organizationId: c.organization_id })) return { ok: false, error: "errors.forbidden" } as const;
    const found = await trx.selectFrom("comments").select("id").where("id", "in", ids).where("consultation_id", "=", c.id).execute();
    if (found.length !== ids.length) return { ok: false, error: "errors.comment_not_in_consultation" } as const;
    const justification = JSON.stringify({ kk: input.justification.kk.trim(), ru: input.justification.ru.trim(), en: input.justification.en.trim() });
    const now = new Date();
    for (let i = 0; i < ids.length; i += 500) {
      await trx
        .insertInto("comment_responses")
        .values(
          ids.slice(i, i + 500).map((id) => ({
            comment_id: id,
            consultation_id: c.id,
            status: input.status,
            justification,
            group_key: input.groupKey ?? null,
            responded_by: input.actor.id,
            responded_at: now,
          })),
        )
        .onConflict((oc) =>
          oc.column("comment_id").doUpdateSet({
            status: input.status,
            justification,
            group_key: input.groupKey ?? null,
            responded_by: input.actor.id,
            responded_at: now,
          }),
        )
        .execute();
    }
    if (input.changeBlockKey) {
      await trx
        .insertInto("comment_change_links")
        .values(ids.map((id) => ({ comment_id: id, consultation_id: c.id, block_key: input.changeBlockKey!, created_by: input.actor.id })))
        .onConflict((oc) => oc.columns(["comment_id", "block_key"]).doNothing())
        .execute();
    }
    await recordAudit(trx, {
      actorId: input.actor.id,
      action: "response.drafted",
      subject: `consultation:${c.id}`,
      data: { commentIds: ids, status: input.status, groupKey: input.groupKey ?? null, changeBlockKey: input.changeBlockKey ?? null },
    });
    return { ok: true, count: ids.length } as const;
  });
}

export type PublishError = "errors.forbidden" | "errors.consultation_not_found" | "errors.report_published_use_revision";

/**
 * Makes draft answers public (the given comments', or every pending one). Inside an open
 * transaction (report publication) it runs there; the commenters are told through the outbox.
 */
export async function publishResponsesIn(trx: Db, input: { actorId: string; consultationId: string; commentIds?: string[] }): Promise<string[]> {
  let query = trx
    .updateTable("comment_responses")
    .set({
      published_status: sql`status`,
      published_justification: sql`justification`,
      published_by: input.actorId,
      published_at: new Date(),
      first_published_at: sql`coalesce(first_published_at, now())`,
    })
    .where("consultation_id", "=", input.consultationId)
    .where(sql<boolean>`(published_at is null or published_status is distinct from status or published_justification is distinct from justification)`);
  if (input.commentIds) {
    if (input.commentIds.length === 0) return [];
    query = query.where("comment_id", "in", input.commentIds);
  }
  const rows = await query.returning("comment_id").execute();
  const ids = rows.map((r) => r.comment_id);
  for (const id of ids) await enqueueOutbox(trx, "notify.response_published", { commentId: id });
  return ids;
}

/** Publishes answers one by one (or all pending) before the report; after it, corrections go through a report revision. */
export async function publishResponses(db: Db, input: { actor: Actor; consultationId: string; commentIds?: string[] }): Promise<CommandResult<PublishError>> {
  return db.transaction().execute(async (trx) => {
    const c = await lockConsultation(trx, input.consultationId);
    if (!c || !c.published_at) return { ok: false, error: "errors.consultation_not_found" } as const;
    if (!canAnswer(input.actor, { organizationId: c.organization_id })) return { ok: false, error: "errors.forbidden" } as const;
    // Keeps the published report and the public answers the same thing.
    if (c.report_published_at) return { ok: false, error: "errors.report_published_use_revision" } as const;
    const ids = await publishResponsesIn(trx, { actorId: input.actor.id, consultationId: c.id, commentIds: input.commentIds });
    if (ids.length) await recordAudit(trx, { actorId: input.actor.id, action: "response.published", subject: `consultation:${c.id}`, data: { commentIds: ids } });
    return { ok: true, count: ids.length } as const;
  });
}

export async function createTemplate(
  db: Db,
  input: { actor: Actor; organizationId: string; title: string; status: ResponseStatus; justification: Localized },
): Promise<{ ok: true; id: string } | { ok: false; error: "errors.forbidden" }> {
  if (!canAnswer(input.actor, { organizationId: input.organizationId })) return { ok: false, error: "errors.forbidden" };
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("response_templates")
      .values({ organization_id: input.organizationId, title: input.title, status: input.status, justification: JSON.stringify(input.justification), created_by: input.actor.id })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: input.actor.id, action: "response_template.created", subject: `template:${row.id}`, data: { title: input.title } });
    return { ok: true, id: row.id } as const;
  });
}

export async function archiveTemplate(db: Db, input: { actor: Actor; templateId: string }): Promise<{ ok: boolean }> {
  // A posted id that is not a UUID names no template (PostgreSQL would refuse to compare it: a 500).
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(input.templateId)) return { ok: false };
  return db.transaction().execute(async (trx) => {
    const t = await trx.selectFrom("response_templates").select(["id", "organization_id"]).where("id", "=", input.templateId).executeTakeFirst();
    if (!t || !canAnswer(input.actor, { organizationId: t.organization_id })) return { ok: false };
    await trx.updateTable("response_templates").set({ archived_at: new Date() }).where("id", "=", t.id).execute();
    await recordAudit(trx, { actorId: input.actor.id, action: "response_template.archived", subject: `template:${t.id}`, data: {} });
    return { ok: true };
  });
}
