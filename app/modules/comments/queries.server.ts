import { sql } from "kysely";
import type { Db } from "~db/database.server";
import type { CommentStatus, Lang, Localized } from "~db/schema";

export interface CommentView {
  id: string;
  blockId: string | null;
  body: string;
  lang: Lang;
  status: CommentStatus;
  statusReason: string | null;
  author: { name: string; organization: { slug: string; name: Localized } | null };
  createdAt: Date;
  editedAt: Date | null;
  parentId: string | null;
  /** The W3C selector an annotation was made with (on its own version's block), else null. */
  selector: { blockId: string; start: number; end: number; exact: string; prefix: string; suffix: string; lang: Lang } | null;
  supportCount: number;
}

function commentsQuery(db: Db) {
  return db
    .selectFrom("comments as cm")
    .innerJoin("users as u", "u.id", "cm.author_id")
    .leftJoin("organizations as o", "o.id", "cm.organization_id")
    .select([
      "cm.id",
      "cm.block_id",
      "cm.body",
      "cm.lang",
      "cm.status",
      "cm.status_reason",
      "cm.created_at",
      "cm.edited_at",
      "cm.parent_id",
      "cm.anchor_lang",
      "cm.anchor_start",
      "cm.anchor_end",
      "cm.anchor_exact",
      "cm.anchor_prefix",
      "cm.anchor_suffix",
      // Kept by a trigger of comment_supports (ADR 0061).
      "cm.support_count",
      "u.name as author_name",
      "o.slug as org_slug",
      "o.name as org_name",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof commentsQuery>["execute"]>>[number];

function toView(r: Row): CommentView {
  const hidden = r.status !== "visible";
  return {
    id: r.id,
    blockId: r.block_id,
    // What a moderator hid or an author withdrew is not shown, only that it was and why.
    body: hidden ? "" : r.body,
    lang: r.lang,
    status: r.status,
    statusReason: r.status_reason,
    author: {
      name: hidden ? "" : r.author_name,
      organization: !hidden && r.org_slug && r.org_name ? { slug: r.org_slug, name: r.org_name } : null,
    },
    createdAt: new Date(r.created_at),
    editedAt: r.edited_at ? new Date(r.edited_at) : null,
    parentId: r.parent_id,
    selector:
      r.anchor_exact !== null && r.block_id && r.anchor_start !== null && r.anchor_end !== null && r.anchor_lang
        ? { blockId: r.block_id, start: r.anchor_start, end: r.anchor_end, exact: hidden ? "" : r.anchor_exact, prefix: hidden ? "" : (r.anchor_prefix ?? ""), suffix: hidden ? "" : (r.anchor_suffix ?? ""), lang: r.anchor_lang }
        : null,
    supportCount: Number(r.support_count ?? 0),
  };
}

export { commentsQuery, toView };

export interface BlockThreadPreview {
  /** The first comments of each thread, keyed by block id ("general" for the whole draft). */
  threads: Map<string, CommentView[]>;
  /** All top-level comments (hidden included, as placeholders) per thread. */
  totals: Map<string, number>;
}

import { GENERAL } from "./threads";
export { GENERAL };

/**
 * The latest `perThread` comments of the threads of a consultation (shown oldest first): a
 * comment just posted is always on the page it returns to. `only` limits it to some threads
 * (block ids, GENERAL for the whole draft), so a page reads only what it shows. Each thread
 * reads its latest comments from an index; its total is a maintained counter (ADR 0061).
 */
export async function previewThreads(db: Db, consultationId: string, versionId: string, perThread = 5, only?: string[]): Promise<BlockThreadPreview> {
  if (only && only.length === 0) return { threads: new Map(), totals: new Map() };
  const general = !only || only.includes(GENERAL);
  // Without `only`: every block of the version someone commented on.
  const blockIds = only
    ? only.filter((id) => id !== GENERAL)
    : (await db.selectFrom("block_stats").select("block_id").where("version_id", "=", versionId).where("own_top_level", ">", 0).execute()).map((r) => r.block_id);
  const limit = Number.isFinite(perThread) ? Math.max(0, Math.floor(perThread)) : null;
  const latest = <Q extends { limit(n: number): Q }>(query: Q) => (limit === null ? query : query.limit(limit));
  const [generalIds, blockRows] = await Promise.all([
    general
      ? latest(
          db
            .selectFrom("comments")
            .select("id")
            .where("consultation_id", "=", consultationId)
            .where("block_id", "is", null)
            .where("parent_id", "is", null)
            .orderBy("created_at", "desc")
            .orderBy("id", "desc"),
        ).execute()
      : [],
    blockIds.length
      ? db
          .selectFrom("blocks as b")
          .innerJoinLateral(
            (eb) =>
              latest(
                eb
                  .selectFrom("comments as c")
                  .select("c.id")
                  .whereRef("c.block_id", "=", "b.id")
                  .where("c.consultation_id", "=", consultationId)
                  .where("c.version_id", "=", versionId)
                  .where("c.parent_id", "is", null)
                  .orderBy("c.created_at", "desc")
                  .orderBy("c.id", "desc"),
              ).as("l"),
            (join) => join.onTrue(),
          )
          .select("l.id")
          .where("b.version_id", "=", versionId)
          .where("b.id", "in", blockIds)
          .execute()
      : [],
  ]);
  const ids = [...generalIds, ...blockRows].map((r) => r.id);
  const threads = new Map<string, CommentView[]>();
  const totals = new Map<string, number>();
  if (ids.length === 0) return { threads, totals };
  const [rows, generalTotal, blockTotals] = await Promise.all([
    commentsQuery(db).where("cm.id", "in", ids).orderBy("cm.created_at").orderBy("cm.id").execute(),
    general ? db.selectFrom("consultation_stats").select("general_top_level as n").where("consultation_id", "=", consultationId).executeTakeFirst() : undefined,
    blockIds.length ? db.selectFrom("block_stats").select(["block_id", "own_top_level as n"]).where("block_id", "in", blockIds).execute() : [],
  ]);
  const totalOf = new Map<string, number>(blockTotals.map((r) => [r.block_id, r.n]));
  totalOf.set(GENERAL, generalTotal?.n ?? 0);
  for (const row of rows) {
    const key = row.block_id ?? GENERAL;
    if (!threads.has(key)) threads.set(key, []);
    threads.get(key)!.push(toView(row));
    totals.set(key, totalOf.get(key) ?? 0);
  }
  return { threads, totals };
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } | undefined {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (Number.isNaN(createdAt.getTime()) || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id ?? "")) return undefined;
  return { createdAt, id };
}

export interface ListCommentsOptions {
  limit: number;
  cursor?: { createdAt: Date; id: string };
  /** A block id, GENERAL for comments on the whole draft, or undefined for all. */
  thread?: string;
  publicOnly: boolean;
  /** Leave replies out (they are shown under their comment). */
  topLevel?: boolean;
}

/** Keyset pagination by (created_at, id): stable under concurrent inserts, fast on deep pages. */
export async function listComments(db: Db, consultationId: string, options: ListCommentsOptions): Promise<Page<CommentView>> {
  let query = commentsQuery(db).where("cm.consultation_id", "=", consultationId);
  if (options.publicOnly) query = query.where("cm.status", "=", "visible");
  if (options.topLevel) query = query.where("cm.parent_id", "is", null);
  if (options.thread === GENERAL) query = query.where("cm.block_id", "is", null);
  else if (options.thread) query = query.where("cm.block_id", "=", options.thread);
  if (options.cursor) {
    const { createdAt, id } = options.cursor;
    query = query.where((eb) => eb.or([eb("cm.created_at", ">", createdAt), eb.and([eb("cm.created_at", "=", createdAt), eb("cm.id", ">", id)])]));
  }
  const rows = await query.orderBy("cm.created_at").orderBy("cm.id").limit(options.limit + 1).execute();
  const items = rows.slice(0, options.limit).map(toView);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > options.limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

/** One comment with its consultation, for its own page; undefined when unknown. */
export async function findCommentDetail(db: Db, commentId: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(commentId)) return undefined;
  const row = await commentsQuery(db)
    .innerJoin("consultations as c", "c.id", "cm.consultation_id")
    .leftJoin("blocks as b", "b.id", "cm.block_id")
    .select(["cm.author_id", "c.slug", "c.title", "c.published_at", sql<boolean>`now() >= c.opens_at and now() < c.closes_at and c.report_published_at is null`.as("open"), "b.label as block_label", "b.lineage_key"])
    .where("cm.id", "=", commentId)
    .executeTakeFirst();
  if (!row || !row.published_at) return undefined;
  const revisions = await db.selectFrom("comment_revisions").select(["body", "written_at", "replaced_at"]).where("comment_id", "=", commentId).orderBy("replaced_at").execute();
  return {
    comment: toView(row),
    authorId: row.author_id,
    consultation: { slug: row.slug, title: row.title as Localized, open: row.open },
    block: row.lineage_key ? { key: row.lineage_key, label: row.block_label as Localized | null } : null,
    // Earlier texts stay public: a changed comment must not rewrite what was said.
    revisions: row.status === "visible" ? revisions.map((r) => ({ body: r.body, writtenAt: new Date(r.written_at), replacedAt: new Date(r.replaced_at) })) : [],
  };
}
