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
import type { AnchorStatus, CommentStatus, Lang } from "~db/schema";
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

/** What the page needs of every top-level comment of a block, shown or not. */
export interface PlacedAnchor {
  id: string;
  blockId: string | null;
  placement: Placement;
  createdAt: Date;
  /** A visible annotation (it has a quote). */
  annotation: boolean;
  span: { start: number; end: number; lang: Lang } | null;
}

export interface BlockSummary {
  /** All top-level comments placed on the block (hidden and withdrawn included, as placeholders). */
  total: number;
  annotations: number;
  /** Every highlightable annotation span of the block, shown in full or not. */
  anchors: PlacedAnchor[];
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

/** Every top-level comment placed on the version, without bodies, authors or counts. */
export async function listVersionAnchors(db: Db, consultationId: string, versionId: string): Promise<PlacedAnchor[]> {
  const hasSelector = sql<boolean>`(c.anchor_exact is not null and c.anchor_start is not null and c.anchor_end is not null and c.anchor_lang is not null and c.block_id is not null)`;
  const [own, carried] = await Promise.all([
    db
      .selectFrom("comments as c")
      .select(["c.id", "c.block_id", "c.created_at", "c.status", "c.anchor_lang", "c.anchor_start", "c.anchor_end", hasSelector.as("has_selector")])
      .where("c.consultation_id", "=", consultationId)
      .where("c.version_id", "=", versionId)
      .where("c.block_id", "is not", null)
      .where("c.parent_id", "is", null)
      .execute(),
    db
      .selectFrom("comment_anchors as a")
      .innerJoin("comments as c", "c.id", "a.comment_id")
      .select(["c.id", "a.block_id", "a.status as placed_status", "a.anchor_start", "a.anchor_end", "c.created_at", "c.status", "c.anchor_lang", hasSelector.as("has_selector")])
      .where("a.version_id", "=", versionId)
      .execute(),
  ]);
  const anchors: PlacedAnchor[] = [];
  const annotation = (status: CommentStatus, has: boolean) => has && status === "visible";
  for (const r of own) {
    const isAnnotation = annotation(r.status, !!r.has_selector);
    anchors.push({
      id: r.id,
      blockId: r.block_id,
      placement: "own",
      createdAt: new Date(r.created_at),
      annotation: isAnnotation,
      span: isAnnotation ? { start: r.anchor_start!, end: r.anchor_end!, lang: r.anchor_lang! } : null,
    });
  }
  for (const r of carried) {
    const placement = r.placed_status as Placement;
    const isAnnotation = annotation(r.status, !!r.has_selector);
    anchors.push({
      id: r.id,
      blockId: r.block_id,
      placement,
      createdAt: new Date(r.created_at),
      annotation: isAnnotation,
      span: isAnnotation && r.anchor_start !== null && r.anchor_end !== null && (placement === "exact" || placement === "fuzzy") ? { start: r.anchor_start, end: r.anchor_end, lang: r.anchor_lang! } : null,
    });
  }
  // Oldest first, as the threads read.
  anchors.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return anchors;
}

export async function listVersionThreads(db: Db, consultationId: string, versionId: string, userId: string | null, perBlock = Number.POSITIVE_INFINITY): Promise<VersionThreads> {
  const anchors = await listVersionAnchors(db, consultationId, versionId);
  const summaries = new Map<string, BlockSummary>();
  for (const a of anchors) {
    if (!a.blockId) continue;
    if (!summaries.has(a.blockId)) summaries.set(a.blockId, { total: 0, annotations: 0, anchors: [] });
    const s = summaries.get(a.blockId)!;
    s.total += 1;
    if (a.annotation) s.annotations += 1;
    s.anchors.push(a);
  }
  // The latest perBlock of each block (a comment just posted is always shown), and every orphan.
  const shown: PlacedAnchor[] = anchors.filter((a) => !a.blockId);
  for (const s of summaries.values()) shown.push(...s.anchors.slice(Math.max(0, s.anchors.length - perBlock)));
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
  // `anchors` is in thread order; keep it.
  for (const a of anchors) {
    if (!anchorById.has(a.id)) continue;
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
