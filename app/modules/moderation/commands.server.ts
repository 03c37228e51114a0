import type { Db } from "~db/database.server";
import { canModerate, type Actor } from "~/modules/accounts/permissions";
import { recordAudit } from "~/modules/audit/audit.server";
import { enqueueOutbox } from "~/modules/outbox/outbox.server";

export type ModerationError = "errors.forbidden" | "errors.not_found" | "errors.reason_required" | "errors.already_flagged" | "errors.not_hidden";
export type ModerationResult = { ok: true } | { ok: false; error: ModerationError };

export const REASON_MAX_CHARS = 1000;

/** A posted id that is not a UUID names no comment (PostgreSQL would refuse to compare it: a 500). */
const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** A signed-in user asks moderators to look at a comment; once per user while the flag is open. */
export async function flagComment(db: Db, input: { actor: Actor; commentId: string; reason: string }): Promise<ModerationResult> {
  const reason = input.reason.trim();
  if (!reason || reason.length > REASON_MAX_CHARS) return { ok: false, error: "errors.reason_required" };
  if (!isUuid(input.commentId)) return { ok: false, error: "errors.not_found" };
  return db.transaction().execute(async (trx) => {
    const comment = await trx.selectFrom("comments").select(["id", "status"]).where("id", "=", input.commentId).executeTakeFirst();
    if (!comment || comment.status === "withdrawn") return { ok: false, error: "errors.not_found" } as const;
    const inserted = await trx
      .insertInto("comment_flags")
      .values({ comment_id: comment.id, flagged_by: input.actor.id, reason })
      .onConflict((oc) => oc.columns(["comment_id", "flagged_by"]).where("resolved_at", "is", null).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) return { ok: false, error: "errors.already_flagged" } as const;
    await recordAudit(trx, { actorId: input.actor.id, action: "comment.flagged", subject: `comment:${comment.id}`, data: { reason } });
    return { ok: true } as const;
  });
}

/** A moderator hides a comment with a public reason; the text stays stored and the comment counted. */
export async function hideComment(db: Db, input: { actor: Actor; commentId: string; reason: string }): Promise<ModerationResult> {
  if (!canModerate(input.actor)) return { ok: false, error: "errors.forbidden" };
  const reason = input.reason.trim();
  if (!reason || reason.length > REASON_MAX_CHARS) return { ok: false, error: "errors.reason_required" };
  if (!isUuid(input.commentId)) return { ok: false, error: "errors.not_found" };
  return db.transaction().execute(async (trx) => {
    const comment = await trx.selectFrom("comments").select(["id", "status"]).where("id", "=", input.commentId).forUpdate().executeTakeFirst();
    if (!comment || comment.status !== "visible") return { ok: false, error: "errors.not_found" } as const;
    const now = new Date();
    await trx.updateTable("comments").set({ status: "hidden", status_reason: reason, status_changed_at: now, status_changed_by: input.actor.id }).where("id", "=", comment.id).execute();
    await trx
      .updateTable("comment_flags")
      .set({ resolved_at: now, resolved_by: input.actor.id, resolution: "hidden" })
      .where("comment_id", "=", comment.id)
      .where("resolved_at", "is", null)
      .execute();
    await enqueueOutbox(trx, "comment.removed", { commentId: comment.id });
    await recordAudit(trx, { actorId: input.actor.id, action: "comment.hidden", subject: `comment:${comment.id}`, data: { reason } });
    return { ok: true } as const;
  });
}

/** A moderator shows a hidden comment again; the earlier hiding stays in the audit log. */
export async function restoreComment(db: Db, input: { actor: Actor; commentId: string; reason: string }): Promise<ModerationResult> {
  if (!canModerate(input.actor)) return { ok: false, error: "errors.forbidden" };
  const reason = input.reason.trim();
  if (reason.length > REASON_MAX_CHARS) return { ok: false, error: "errors.reason_required" };
  if (!isUuid(input.commentId)) return { ok: false, error: "errors.not_found" };
  return db.transaction().execute(async (trx) => {
    const comment = await trx.selectFrom("comments").select(["id", "status", "status_reason"]).where("id", "=", input.commentId).forUpdate().executeTakeFirst();
    if (!comment) return { ok: false, error: "errors.not_found" } as const;
    if (comment.status !== "hidden") return { ok: false, error: "errors.not_hidden" } as const;
    await trx.updateTable("comments").set({ status: "visible", status_reason: null, status_changed_at: new Date(), status_changed_by: input.actor.id }).where("id", "=", comment.id).execute();
    await enqueueOutbox(trx, "comment.updated", { commentId: comment.id });
    await recordAudit(trx, { actorId: input.actor.id, action: "comment.restored", subject: `comment:${comment.id}`, data: { reason, hiddenReason: comment.status_reason } });
    return { ok: true } as const;
  });
}

/** A moderator looked and found nothing to hide: the open flags are closed. */
export async function dismissFlags(db: Db, input: { actor: Actor; commentId: string }): Promise<ModerationResult> {
  if (!canModerate(input.actor)) return { ok: false, error: "errors.forbidden" };
  if (!isUuid(input.commentId)) return { ok: false, error: "errors.not_found" };
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .updateTable("comment_flags")
      .set({ resolved_at: new Date(), resolved_by: input.actor.id, resolution: "dismissed" })
      .where("comment_id", "=", input.commentId)
      .where("resolved_at", "is", null)
      .returning("id")
      .execute();
    if (!rows.length) return { ok: false, error: "errors.not_found" } as const;
    await recordAudit(trx, { actorId: input.actor.id, action: "comment.flags_dismissed", subject: `comment:${input.commentId}`, data: { flags: rows.length } });
    return { ok: true } as const;
  });
}
