import { sql } from "kysely";
import type { Db } from "~db/database.server";
import type { Lang, Localized } from "~db/schema";
import { enqueueOutbox } from "~/modules/outbox/outbox.server";
import { pickLocalized } from "~/utils/i18n";
import { contextAround, verifySelector, type SelectorError } from "./anchor";

export interface PostCommentInput {
  consultationId: string;
  blockId: string | null;
  body: string;
  lang: Lang;
  authorId: string;
  organizationId: string | null;
  /** One per rendered form: a double click or a resent form posts the same key. */
  idempotencyKey: string;
  /**
   * Makes the comment an annotation on words of the block. start/end may be null (a form
   * filled without JavaScript): the quote is then looked up in the block's text.
   */
  selector?: AnnotationSelectorInput | null;
  /** Makes it a reply; a reply to a reply is filed under the first comment (one level). */
  parentId?: string | null;
  /** Asked at posting time: exports name the author "Participant N", not by name. */
  pseudonymous?: boolean;
}

export interface AnnotationSelectorInput {
  start: number | null;
  end: number | null;
  exact: string;
  prefix: string;
  suffix: string;
}

export type PostCommentError =
  | "errors.consultation_planned"
  | "errors.consultation_closed"
  | "errors.consultation_not_found"
  | "errors.block_unknown"
  | "errors.parent_unknown"
  | "errors.anchor_block_required"
  | "errors.anchor_ambiguous"
  | SelectorError;
export type PostCommentResult = { ok: true; id: string; duplicate: boolean } | { ok: false; error: PostCommentError; field: "form" | "blockId" | "exact" };

/** Finds where a quote typed without JavaScript sits: unique, or made unique by its context. */
function locateQuote(text: string, selector: AnnotationSelectorInput): { start: number; end: number } | "errors.anchor_mismatch" | "errors.anchor_ambiguous" {
  const hits: number[] = [];
  for (let i = text.indexOf(selector.exact); i >= 0 && selector.exact !== ""; i = text.indexOf(selector.exact, i + 1)) hits.push(i);
  if (hits.length === 0) return "errors.anchor_mismatch";
  const fitting = hits.filter((i) => text.slice(0, i).endsWith(selector.prefix) && text.slice(i + selector.exact.length).startsWith(selector.suffix));
  if (fitting.length !== 1 && hits.length !== 1) return "errors.anchor_ambiguous";
  const at = fitting.length === 1 ? fitting[0] : hits[0];
  return { start: at, end: at + selector.exact.length };
}

// A consultation's comment window, for the table or alias `c`: one definition for every check here.
const notYetOpen = (c: string) => sql<boolean>`now() < ${sql.ref(`${c}.opens_at`)}`;
const alreadyClosed = (c: string) => sql<boolean>`(now() >= ${sql.ref(`${c}.closes_at`)} or ${sql.ref(`${c}.report_published_at`)} is not null)`;

type Anchor = { anchor_lang: Lang; anchor_start: number; anchor_end: number; anchor_exact: string; anchor_prefix: string; anchor_suffix: string };

/**
 * The checks of a new comment that need this process: the consultation is open, the block is
 * on the version readers see, the parent is visible, and the quote of an annotation is on the
 * block (its offsets and context come from the stored text). Read outside any transaction; the
 * insert re-checks what can change meanwhile (insertChecked). Also says why an insert that
 * inserted nothing was refused.
 */
async function checkComment(db: Db, input: PostCommentInput): Promise<{ ok: true; anchor: Anchor | undefined } | Extract<PostCommentResult, { ok: false }>> {
  const consultation = await db
    .selectFrom("consultations")
    .select(["id", notYetOpen("consultations").as("before"), alreadyClosed("consultations").as("after")])
    .where("id", "=", input.consultationId)
    .where("published_at", "is not", null)
    .executeTakeFirst();
  if (!consultation) return { ok: false, error: "errors.consultation_not_found", field: "form" };
  if (consultation.before) return { ok: false, error: "errors.consultation_planned", field: "form" };
  if (consultation.after) return { ok: false, error: "errors.consultation_closed", field: "form" };
  if (input.parentId) {
    const parent = await db.selectFrom("comments").select("status").where("id", "=", input.parentId).where("consultation_id", "=", input.consultationId).executeTakeFirst();
    if (!parent || parent.status !== "visible") return { ok: false, error: "errors.parent_unknown", field: "form" };
    return { ok: true, anchor: undefined };
  }
  if (!input.blockId) {
    if (input.selector) return { ok: false, error: "errors.anchor_block_required", field: "blockId" };
    return { ok: true, anchor: undefined };
  }
  // Comments go to the version readers see now: the latest published one.
  const block = await db
    .selectFrom("blocks")
    .select(["id", "text"])
    .where("id", "=", input.blockId)
    .where("version_id", "=", (eb) =>
      eb.selectFrom("document_versions").select("id").where("consultation_id", "=", input.consultationId).where("published_at", "is not", null).orderBy("number", "desc").limit(1),
    )
    .executeTakeFirst();
  if (!block) return { ok: false, error: "errors.block_unknown", field: "blockId" };
  if (!input.selector) return { ok: true, anchor: undefined };
  // The quote is checked against the text the reader saw: the page language or its fallback.
  const shown = pickLocalized(block.text as Localized, input.lang);
  const text = shown.text;
  let span: { start: number; end: number };
  if (input.selector.start === null || input.selector.end === null) {
    const located = locateQuote(text, input.selector);
    if (typeof located === "string") return { ok: false, error: located, field: "exact" };
    span = located;
  } else span = { start: input.selector.start, end: input.selector.end };
  const problem = verifySelector(text, { ...input.selector, ...span });
  if (problem) return { ok: false, error: problem, field: "exact" };
  // Context is taken from the stored text, not from the form: it is what re-anchoring needs.
  const context = contextAround(text, span.start, span.end);
  return {
    ok: true,
    anchor: {
      anchor_lang: shown.fallbackFrom ?? input.lang,
      anchor_start: span.start,
      anchor_end: span.end,
      anchor_exact: input.selector.exact,
      anchor_prefix: context.prefix,
      anchor_suffix: context.suffix,
    },
  };
}

/**
 * The comment and its outbox event in one statement outside an explicit transaction, so it
 * commits in the same round trip (issue 11, point 8): its triggers take the consultation's
 * counter rows (ADR 0060, 0061), and a transaction holding them while this process sends the
 * next statement or the COMMIT would make every post on the consultation wait for our event
 * loop. The statement places the comment itself and inserts it only if the consultation is
 * open: a top-level comment on the latest published version (its block must be on it), a
 * reply where its thread lives (under the first comment, on its block and version, even an
 * older one) while the comment it answers is visible.
 * Returns the new id, or undefined when nothing was inserted (a duplicate key or a failed check).
 */
async function insertChecked(db: Db, input: PostCommentInput, anchor: Anchor | undefined): Promise<string | undefined> {
  const open = sql`exists (select 1 from consultations where id = ${input.consultationId}::uuid and published_at is not null
    and not ${notYetOpen("consultations")} and not ${alreadyClosed("consultations")})`;
  const values = sql`${input.consultationId}::uuid, ${input.authorId}::uuid, ${input.organizationId}::uuid, ${input.body}::text, ${input.lang}::text,
      ${input.idempotencyKey}::text, ${input.pseudonymous ?? false}::boolean, ${anchor?.anchor_lang ?? null}::text, ${anchor?.anchor_start ?? null}::integer,
      ${anchor?.anchor_end ?? null}::integer, ${anchor?.anchor_exact ?? null}::text, ${anchor?.anchor_prefix ?? null}::text, ${anchor?.anchor_suffix ?? null}::text`;
  const row = input.parentId
    ? sql`select coalesce(p.parent_id, p.id), p.version_id, p.block_id, ${values}
        from comments p where p.id = ${input.parentId}::uuid and p.consultation_id = ${input.consultationId}::uuid and p.status = 'visible' and ${open}`
    : sql`select null::uuid, v.id, ${input.blockId}::uuid, ${values}
        from (select id from document_versions where consultation_id = ${input.consultationId}::uuid and published_at is not null order by number desc limit 1) v
        where ${open} and (${input.blockId}::uuid is null or exists (select 1 from blocks b where b.id = ${input.blockId}::uuid and b.version_id = v.id))`;
  const inserted = await db
    .with("c", (qb) =>
      qb
        .insertInto("comments")
        .columns([
          "parent_id",
          "version_id",
          "block_id",
          "consultation_id",
          "author_id",
          "organization_id",
          "body",
          "lang",
          "idempotency_key",
          "pseudonymous",
          "anchor_lang",
          "anchor_start",
          "anchor_end",
          "anchor_exact",
          "anchor_prefix",
          "anchor_suffix",
        ])
        .expression(row)
        .onConflict((oc) => oc.columns(["author_id", "idempotency_key"]).doNothing())
        .returning(["id", "parent_id"]),
    )
    .with("o", (qb) =>
      qb
        .insertInto("outbox")
        .columns(["topic", "payload", "available_at"])
        .expression((eb) =>
          eb
            .selectFrom("c")
            .select([
              sql<string>`'comment.created'`.as("topic"),
              sql<string>`jsonb_strip_nulls(jsonb_build_object('commentId', c.id, 'parentId', c.parent_id, 'annotation', ${!!anchor}::boolean))`.as("payload"),
              sql<Date>`${new Date()}::timestamptz`.as("available_at"),
            ]),
        ),
    )
    .selectFrom("c")
    .select("id")
    .executeTakeFirst();
  return inserted?.id;
}

/** Stores a comment exactly as submitted, only while the consultation is open, once per idempotency key. */
export async function postComment(db: Db, input: PostCommentInput): Promise<PostCommentResult> {
  // Most comments need no read before the insert: it checks and places them itself. An
  // annotation's quote is checked here first; an insert that inserted nothing was a double
  // submit, or a check failed (the checks then say which), or something changed between the
  // checks and the insert (the consultation closed, a new version): check again.
  let anchor: Anchor | undefined;
  if (input.selector) {
    const checked = await checkComment(db, input);
    if (!checked.ok) return checked;
    anchor = checked.anchor;
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const id = await insertChecked(db, input, anchor);
    if (id) return { ok: true, id, duplicate: false };
    const existing = await db.selectFrom("comments").select("id").where("author_id", "=", input.authorId).where("idempotency_key", "=", input.idempotencyKey).executeTakeFirst();
    if (existing) return { ok: true, id: existing.id, duplicate: true };
    const checked = await checkComment(db, input);
    if (!checked.ok) return checked;
    anchor = checked.anchor;
  }
  throw new Error("postComment: the consultation kept changing while the comment was checked");
}

export type SupportResult = { ok: true; count: number } | { ok: false; error: "errors.not_found" | "errors.consultation_closed" | "errors.consultation_planned" };

/** A signed-in user's +1 on a comment (once per user), or taking it back; only while open. */
export async function setSupport(db: Db, input: { commentId: string; userId: string; support: boolean }): Promise<SupportResult> {
  return db.transaction().execute(async (trx) => {
    const comment = await trx
      .selectFrom("comments as cm")
      .innerJoin("consultations as c", "c.id", "cm.consultation_id")
      .select(["cm.id", "cm.status", notYetOpen("c").as("before"), alreadyClosed("c").as("after")])
      .where("cm.id", "=", input.commentId)
      .executeTakeFirst();
    if (!comment || comment.status !== "visible") return { ok: false, error: "errors.not_found" } as const;
    if (comment.before) return { ok: false, error: "errors.consultation_planned" } as const;
    if (comment.after) return { ok: false, error: "errors.consultation_closed" } as const;
    if (input.support) {
      await trx.insertInto("comment_supports").values({ comment_id: comment.id, user_id: input.userId }).onConflict((oc) => oc.columns(["comment_id", "user_id"]).doNothing()).execute();
    } else {
      await trx.deleteFrom("comment_supports").where("comment_id", "=", comment.id).where("user_id", "=", input.userId).execute();
    }
    // The count is kept by a trigger of comment_supports, in this transaction (ADR 0061).
    const row = await trx.selectFrom("comments").select("support_count").where("id", "=", comment.id).executeTakeFirstOrThrow();
    return { ok: true, count: row.support_count } as const;
  });
}

export type EditResult = { ok: true } | { ok: false; error: "errors.not_found" | "errors.not_author" | "errors.consultation_closed" };

/** Changes a comment's text while the consultation is open; the earlier text is kept in its history. */
export async function editComment(db: Db, input: { commentId: string; authorId: string; body: string }): Promise<EditResult> {
  // A path id that is not a UUID names no comment (PostgreSQL would refuse to compare it: a 500).
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(input.commentId)) return { ok: false, error: "errors.not_found" };
  return db.transaction().execute(async (trx) => {
    const comment = await trx
      .selectFrom("comments as cm")
      .innerJoin("consultations as c", "c.id", "cm.consultation_id")
      .select(["cm.id", "cm.author_id", "cm.body", "cm.created_at", "cm.edited_at", "cm.status", sql<boolean>`not ${alreadyClosed("c")}`.as("open")])
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
  // A path id that is not a UUID names no comment (PostgreSQL would refuse to compare it: a 500).
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(input.commentId)) return { ok: false, error: "errors.not_found" };
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
