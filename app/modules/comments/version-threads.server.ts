/**
 * The comments a version of the draft shows, block by block: those made on it and those
 * carried onto it at publication (re-anchored annotations, comments following their block),
 * plus the orphaned ones, each with replies and support counts.
 *
 * A block can hold thousands of comments, so the page does not load them all: one light query
 * per source (own, carried) gives every top-level comment's id, block, time and span — enough
 * to count them and highlight every annotation — and only the latest `perBlock` of each block
 * (and every orphan) are then loaded in full, with their replies and the user's supports.
 */
import { sql } from "kysely";
import type { Db } from "~db/database.server";
import type { AnchorStatus, Lang } from "~db/schema";
import { commentsQuery, toView, type CommentView } from "./queries.server";

export type Placement = "own" | Exclude<AnchorStatus, "original">;

export interface PlacedComment {
  view: CommentView;
  /** 'own' when made on this version. */
  placement: Placement;
  /** The block of this version it belongs to (null when orphaned). */
  blockId: string | null;
  /** Where the quote sits in this version's block text (annotations only). */
  span: { start: number; end: number; exact: string; lang: Lang } | null;
  replies: CommentView[];
  supportedByMe: boolean;
}

/** A top-level comment chosen to be shown in full (the latest of its block, or an orphan). */
interface ShownAnchor {
  id: string;
  blockId: string | null;
  placement: Placement;
  span: { start: number; end: number; lang: Lang } | null;
}

/** Where a visible annotation sits in the version's block text (for its highlight). */
export interface AnnotationSpan {
  id: string;
  start: number;
  end: number;
  lang: Lang;
}

export interface BlockSummary {
  /** All top-level comments placed on the block (hidden and withdrawn included, as placeholders). */
  total: number;
  /** Of them, visible ones (what the table of contents counts). */
  visible: number;
  annotations: number;
  /** Every highlightable annotation span of the block, its comment shown in full or not. */
  spans: AnnotationSpan[];
}

export interface VersionThreads {
  /** The latest comments of each block (oldest first), loaded in full. */
  byBlock: Map<string, PlacedComment[]>;
  summaries: Map<string, BlockSummary>;
  orphaned: PlacedComment[];
  /** Ids (comments and replies) the signed-in user supports. */
  mySupports: Set<string>;
}

const CHUNK = 1000;

async function chunked<T>(ids: string[], run: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await run(ids.slice(i, i + CHUNK))));
  return out;
}

/**
 * Every top-level comment placed on the version, as one row set: those made on it ('own') and
 * those carried onto it (comment_anchors). A carried annotation has a span only where it was
 * placed exactly or fuzzily; an orphan has no block.
 */
/** Which blocks' comments to read: some blocks, only the orphans (no block), or all (undefined). */
export type BlockFilter = string[] | "orphans" | undefined;

function placedComments(db: Db, consultationId: string, versionId: string, blockIds?: BlockFilter) {
  const hasSelector = (c: string) => sql<boolean>`(${sql.ref(`${c}.anchor_exact`)} is not null and ${sql.ref(`${c}.anchor_start`)} is not null and ${sql.ref(`${c}.anchor_end`)} is not null and ${sql.ref(`${c}.anchor_lang`)} is not null and ${sql.ref(`${c}.block_id`)} is not null and ${sql.ref(`${c}.status`)} = 'visible')`;
  let own = db
    .selectFrom("comments as c")
    .select(["c.id", "c.block_id", "c.created_at", sql<string>`'own'::text`.as("placement"), "c.status", hasSelector("c").as("annotation"), hasSelector("c").as("highlight"), "c.anchor_start", "c.anchor_end", "c.anchor_lang"])
    .where("c.consultation_id", "=", consultationId)
    .where("c.version_id", "=", versionId)
    .where("c.block_id", "is not", null)
    .where("c.parent_id", "is", null);
  let carried = db
    .selectFrom("comment_anchors as a")
    .innerJoin("comments as c", "c.id", "a.comment_id")
    .select([
      "c.id",
      "a.block_id",
      "c.created_at",
      sql<string>`a.status::text`.as("placement"),
      "c.status",
      hasSelector("c").as("annotation"),
      // Highlighted only where its quote was found again.
      sql<boolean>`(${hasSelector("c")} and a.status in ('exact', 'fuzzy') and a.anchor_start is not null and a.anchor_end is not null)`.as("highlight"),
      "a.anchor_start",
      "a.anchor_end",
      "c.anchor_lang",
    ])
    .where("a.version_id", "=", versionId);
  if (blockIds === "orphans") {
    // Only carried comments can be orphans: a comment made on the version has its block.
    own = own.where(sql<boolean>`false`);
    carried = carried.where("a.block_id", "is", null);
  } else if (blockIds) {
    own = own.where("c.block_id", "in", blockIds);
    carried = carried.where("a.block_id", "in", blockIds);
  }
  return own.unionAll(carried);
}

/**
 * What the page needs to know of every top-level comment of the version, without loading them:
 * per block its counts (maintained counters, ADR 0061) and every annotation span, and which
 * comments to show in full — the latest `perBlock` of each block (a comment just posted is
 * always shown) and every orphan.
 */
async function summarizeVersion(db: Db, consultationId: string, versionId: string, perBlock: number, blockIds?: BlockFilter) {
  if (Array.isArray(blockIds) && blockIds.length === 0) return { summaries: new Map<string, BlockSummary>(), shown: [] as ShownAnchor[] };
  const limit = Number.isFinite(perBlock) ? Math.max(0, Math.floor(perBlock)) : Number.MAX_SAFE_INTEGER;
  let counts = db.selectFrom("block_stats").select(["block_id", "placed_total", "placed_visible", "placed_annotations"]).where("version_id", "=", versionId);
  if (blockIds === "orphans") counts = counts.where(sql<boolean>`false`);
  else if (blockIds) counts = counts.where("block_id", "in", blockIds);
  // One pass: each row is shown (the latest `limit` of its block, or an orphan), highlighted, or both.
  const [stats, rows] = await Promise.all([
    counts.execute(),
    db
      .with("placed", () => placedComments(db, consultationId, versionId, blockIds))
      .with("ranked", (qc) =>
        qc
          .selectFrom("placed")
          .select([
            "id",
            "block_id",
            "placement",
            "highlight",
            "anchor_start",
            "anchor_end",
            "anchor_lang",
            "created_at",
            sql<number>`row_number() over (partition by block_id order by created_at desc, id desc)`.as("rn"),
          ]),
      )
      .selectFrom("ranked")
      .selectAll()
      .where((eb) => eb.or([eb("block_id", "is", null), eb("rn", "<=", limit), eb("highlight", "=", true)]))
      // Oldest first, as the threads read.
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
  ]);
  const summaries = new Map<string, BlockSummary>();
  for (const s of stats) summaries.set(s.block_id, { total: s.placed_total, visible: s.placed_visible, annotations: s.placed_annotations, spans: [] });
  const shown: ShownAnchor[] = [];
  for (const r of rows) {
    const span = r.highlight ? { start: r.anchor_start!, end: r.anchor_end!, lang: r.anchor_lang! } : null;
    if (span && r.block_id) {
      if (!summaries.has(r.block_id)) summaries.set(r.block_id, { total: 0, visible: 0, annotations: 0, spans: [] });
      summaries.get(r.block_id)!.spans.push({ id: r.id, ...span });
    }
    if (!r.block_id || Number(r.rn) <= limit) shown.push({ id: r.id, blockId: r.block_id, placement: r.placement as Placement, span });
  }
  return { summaries, shown };
}

export async function listVersionThreads(db: Db, consultationId: string, versionId: string, userId: string | null, perBlock = Number.POSITIVE_INFINITY, blockIds?: BlockFilter): Promise<VersionThreads> {
  const { summaries, shown } = await summarizeVersion(db, consultationId, versionId, perBlock, blockIds);
  const anchorById = new Map(shown.map((a) => [a.id, a]));
  const ids = [...anchorById.keys()];

  const rows = await chunked(ids, (chunk) => commentsQuery(db).where("cm.id", "in", chunk).execute());
  const replies = await chunked(ids, (chunk) => commentsQuery(db).where("cm.parent_id", "in", chunk).orderBy("cm.created_at").orderBy("cm.id").execute());
  const supportIds = [...ids, ...replies.map((r) => r.id)];
  const mine = userId ? await chunked(supportIds, (chunk) => db.selectFrom("comment_supports").select("comment_id").where("user_id", "=", userId).where("comment_id", "in", chunk).execute()) : [];
  const mySupports = new Set(mine.map((m) => m.comment_id));

  const viewById = new Map(rows.map((r) => [r.id, toView(r)]));
  const repliesByParent = new Map<string, CommentView[]>();
  for (const r of replies) {
    if (!repliesByParent.has(r.parent_id!)) repliesByParent.set(r.parent_id!, []);
    repliesByParent.get(r.parent_id!)!.push(toView(r));
  }
  const byBlock = new Map<string, PlacedComment[]>();
  const orphaned: PlacedComment[] = [];
  // `shown` is in thread order; keep it.
  for (const a of shown) {
    const view = viewById.get(a.id);
    if (!view) continue;
    const placed: PlacedComment = {
      view,
      placement: a.placement,
      blockId: a.blockId,
      span: a.span ? { ...a.span, exact: view.selector?.exact ?? "" } : null,
      replies: repliesByParent.get(a.id) ?? [],
      supportedByMe: mySupports.has(a.id),
    };
    if (!a.blockId) orphaned.push(placed);
    else {
      if (!byBlock.has(a.blockId)) byBlock.set(a.blockId, []);
      byBlock.get(a.blockId)!.push(placed);
    }
  }
  return { byBlock, summaries, orphaned, mySupports };
}

/** The comments (top level and replies) a user supports, among the given ids. */
export async function supportedBy(db: Db, userId: string | null, ids: string[]): Promise<Set<string>> {
  if (!userId || ids.length === 0) return new Set();
  const rows = await db.selectFrom("comment_supports").select("comment_id").where("user_id", "=", userId).where("comment_id", "in", ids).execute();
  return new Set(rows.map((r) => r.comment_id));
}
