import { sql } from "kysely";
import type { Db } from "~db/database.server";
import type { Lang } from "~db/schema";
import { enqueueOutbox } from "~/modules/outbox/outbox.server";

export interface PostCommentInput {
  consultationId: string;
  blockId: string | null;
  body: string;
  lang: Lang;
  authorId: string;
  organizationId: string | null;
  /** One per rendered form: a double click or a resent form posts the same key. */
  idempotencyKey: string;
  /** Asked at posting time: exports name the author "Participant N", not by name. */
  pseudonymous?: boolean;
}

export type PostCommentError = "errors.consultation_planned" | "errors.consultation_closed" | "errors.consultation_not_found" | "errors.block_unknown";
export type PostCommentResult = { ok: true; id: string; duplicate: boolean } | { ok: false; error: PostCommentError; field: "form" | "blockId" };

/** Stores a comment exactly as submitted, only while the consultation is open, once per idempotency key. */
export async function postComment(db: Db, input: PostCommentInput): Promise<PostCommentResult> {
  return db.transaction().execute(async (trx) => {
    const consultation = await trx
      .selectFrom("consultations")
      .select(["id", sql<boolean>`now() < opens_at`.as("before"), sql<boolean>`now() >= closes_at or report_published_at is not null`.as("after")])
      .where("id", "=", input.consultationId)
      .where("published_at", "is not", null)
      .executeTakeFirst();
    if (!consultation) return { ok: false, error: "errors.consultation_not_found", field: "form" } as const;
    if (consultation.before) return { ok: false, error: "errors.consultation_planned", field: "form" } as const;
    if (consultation.after) return { ok: false, error: "errors.consultation_closed", field: "form" } as const;

    // Comments go to the version readers see now: the latest published one.
    const version = await trx
      .selectFrom("document_versions")
      .select("id")
      .where("consultation_id", "=", input.consultationId)
      .where("published_at", "is not", null)
      .orderBy("number", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    if (input.blockId) {
      const block = await trx.selectFrom("blocks").select("id").where("id", "=", input.blockId).where("version_id", "=", version.id).executeTakeFirst();
      if (!block) return { ok: false, error: "errors.block_unknown", field: "blockId" } as const;
    }
    const inserted = await trx
      .insertInto("comments")
      .values({
        consultation_id: input.consultationId,
        version_id: version.id,
        block_id: input.blockId,
        author_id: input.authorId,
        organization_id: input.organizationId,
        body: input.body,
        lang: input.lang,
        idempotency_key: input.idempotencyKey,
        pseudonymous: input.pseudonymous ?? false,
      })
      .onConflict((oc) => oc.columns(["author_id", "idempotency_key"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) {
      const existing = await trx
        .selectFrom("comments")
        .select("id")
        .where("author_id", "=", input.authorId)
        .where("idempotency_key", "=", input.idempotencyKey)
        .executeTakeFirstOrThrow();
      return { ok: true, id: existing.id, duplicate: true } as const;
    }
    await enqueueOutbox(trx, "comment.created", { commentId: inserted.id });
    return { ok: true, id: inserted.id, duplicate: false } as const;
  });
}

export type EditResult = { ok: true } | { ok: false; error: "errors.not_found" | "errors.not_author" | "errors.consultation_closed" };

/** Changes a comment's text while the consultation is open; the earlier text is kept in its history. */
export async function editComment(db: Db, input: { commentId: string; authorId: string; body: string }): Promise<EditResult> {
  return db.transaction().execute(async (trx) => {
    const comment = await trx
      .selectFrom("comments as cm")
      .innerJoin("consultations as c", "c.id", "cm.consultation_id")
      .select(["cm.id", "cm.author_id", "cm.body", "cm.created_at", "cm.edited_at", "cm.status", sql<boolean>`now() < c.closes_at and c.report_published_at is null`.as("open")])
      .where("cm.id", "=", input.commentId)
      .forUpdate()
      .executeTakeFirst();
    if (!comment || comment.status !== "visible") return { ok: false, error: "errors.not_found" } as const;
    if (comment.author_id !== input.authorId) return { ok: false, error: "errors.not_author" } as const;
    if (!comment.open) return { ok: false, error: "errors.consultation_closed" } as const;
    if (comment.body === input.body) return { ok: true } as const;
    await trx
      .insertInto("comment_revisions")
      .values({ comment_id: comment.id, body: comment.body, written_at: comment.edited_at ?? comment.created_at })
      .execute();
    await trx.updateTable("comments").set({ body: input.body, edited_at: new Date() }).where("id", "=", comment.id).execute();
    await enqueueOutbox(trx, "comment.updated", { commentId: comment.id });
    return { ok: true } as const;
  });
}

/** The author takes a comment back: it stays in the database, marked withdrawn with the reason. */
export async function withdrawComment(db: Db, input: { commentId: string; authorId: string; reason: string }): Promise<EditResult> {
  return db.transaction().execute(async (trx) => {
    const comment = await trx.selectFrom("comments").select(["id", "author_id", "status"]).where("id", "=", input.commentId).forUpdate().executeTakeFirst();
    if (!comment || comment.status !== "visible") return { ok: false, error: "errors.not_found" } as const;
    if (comment.author_id !== input.authorId) return { ok: false, error: "errors.not_author" } as const;
    await trx
      .updateTable("comments")
      .set({ status: "withdrawn", status_reason: input.reason, status_changed_at: new Date(), status_changed_by: input.authorId })
      .where("id", "=", comment.id)
      .execute();
    await enqueueOutbox(trx, "comment.removed", { commentId: comment.id });
    return { ok: true } as const;
  });
}
