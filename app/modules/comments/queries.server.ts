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
      (eb) => eb.selectFrom("comment_supports as cs").select(eb.fn.countAll<string>().as("n")).whereRef("cs.comment_id", "=", "cm.id").as("support_count"),
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
  /** All comments (hidden included, as placeholders) per thread. */
  totals: Map<string, number>;
}

import { GENERAL } from "./threads";
export { GENERAL };

/**
 * The latest `perThread` comments of the threads of a consultation (shown oldest first), in one
 * query: a comment just posted is always on the page it returns to. `only` limits it to some
 * threads (block ids, GENERAL for the whole draft), so a page ranks only what it shows.
 */
export async function previewThreads(db: Db, consultationId: string, versionId: string, perThread = 5, only?: string[]): Promise<BlockThreadPreview> {
  if (only && only.length === 0) return { threads: new Map(), totals: new Map() };
  const blockIds = only?.filter((id) => id !== GENERAL) ?? [];
  const general = !only || only.includes(GENERAL);
  const ranked = db
    .selectFrom("comments as c2")
    .select([
      "c2.id",
      sql<number>`row_number() over (partition by c2.block_id order by c2.created_at desc, c2.id desc)`.as("rn"),
      sql<string>`count(*) over (partition by c2.block_id)`.as("total"),
    ])
    .where("c2.consultation_id", "=", consultationId)
    .where("c2.parent_id", "is", null)
    .where((eb) =>
      only
        ? eb.or([...(general ? [eb("c2.block_id", "is", null)] : []), ...(blockIds.length ? [eb.and([eb("c2.version_id", "=", versionId), eb("c2.block_id", "in", blockIds)])] : [])])
        : eb.or([eb("c2.block_id", "is", null), eb("c2.version_id", "=", versionId)]),
    )
    .as("ranked");
  const rows = await commentsQuery(db)
    .innerJoin(ranked, "ranked.id", "cm.id")
    .select(["ranked.total"])
    .where("ranked.rn", "<=", perThread)
    .orderBy("cm.created_at")
    .orderBy("cm.id")
    .execute();
  const threads = new Map<string, CommentView[]>();
  const totals = new Map<string, number>();
  for (const row of rows) {
    const key = row.block_id ?? GENERAL;
    if (!threads.has(key)) threads.set(key, []);
    threads.get(key)!.push(toView(row));
    totals.set(key, Number(row.total));
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

export async function countComments(db: Db, consultationId: string, thread?: string): Promise<number> {
  let query = db.selectFrom("comments").select(db.fn.countAll<string>().as("n")).where("consultation_id", "=", consultationId);
  if (thread === GENERAL) query = query.where("block_id", "is", null);
  else if (thread) query = query.where("block_id", "=", thread);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
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
