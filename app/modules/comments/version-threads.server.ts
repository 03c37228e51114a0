/**
 * The comments a version of the draft shows, block by block: those made on it and those
 * carried onto it at publication (re-anchored annotations, comments following their block),
 * plus the orphaned ones, each with replies and support counts.
 */
import type { Db } from "~db/database.server";
import type { AnchorStatus, Lang } from "~db/schema";
import { commentsQuery, toView, type CommentView } from "./queries.server";

export interface PlacedComment {
  view: CommentView;
  /** 'own' when made on this version. */
  placement: "own" | Exclude<AnchorStatus, "original">;
  /** The block of this version it belongs to (null when orphaned). */
  blockId: string | null;
  /** Where the quote sits in this version's block text (annotations only). */
  span: { start: number; end: number; exact: string; lang: Lang } | null;
  replies: CommentView[];
  supportedByMe: boolean;
}

export interface VersionThreads {
  byBlock: Map<string, PlacedComment[]>;
  orphaned: PlacedComment[];
  /** Ids (comments and replies) the signed-in user supports. */
  mySupports: Set<string>;
}

export async function listVersionThreads(db: Db, consultationId: string, versionId: string, userId: string | null): Promise<VersionThreads> {
  const own = await commentsQuery(db)
    .where("cm.consultation_id", "=", consultationId)
    .where("cm.version_id", "=", versionId)
    .where("cm.block_id", "is not", null)
    .where("cm.parent_id", "is", null)
    .orderBy("cm.created_at")
    .orderBy("cm.id")
    .execute();
  const carried = await commentsQuery(db)
    .innerJoin("comment_anchors as a", "a.comment_id", "cm.id")
    .select(["a.block_id as placed_block_id", "a.status as placed_status", "a.anchor_start as placed_start", "a.anchor_end as placed_end", "a.anchor_exact as placed_exact"])
    .where("a.version_id", "=", versionId)
    .orderBy("cm.created_at")
    .orderBy("cm.id")
    .execute();
  const placed: PlacedComment[] = [];
  for (const r of own) {
    const view = toView(r);
    placed.push({
      view,
      placement: "own",
      blockId: r.block_id,
      span: view.selector && view.status === "visible" ? { start: view.selector.start, end: view.selector.end, exact: view.selector.exact, lang: view.selector.lang } : null,
      replies: [],
      supportedByMe: false,
    });
  }
  for (const r of carried) {
    const view = toView(r);
    const status = r.placed_status as PlacedComment["placement"];
    placed.push({
      view,
      placement: status,
      blockId: r.placed_block_id,
      span:
        view.selector && view.status === "visible" && r.placed_start !== null && r.placed_end !== null && (status === "exact" || status === "fuzzy")
          ? { start: r.placed_start, end: r.placed_end, exact: r.placed_exact ?? "", lang: view.selector.lang }
          : null,
      replies: [],
      supportedByMe: false,
    });
  }
  const ids = placed.map((p) => p.view.id);
  const mySupports = new Set<string>();
  if (ids.length > 0) {
    const byId = new Map(placed.map((p) => [p.view.id, p]));
    for (let i = 0; i < ids.length; i += 1000) {
      const chunk = ids.slice(i, i + 1000);
      const replies = await commentsQuery(db).where("cm.parent_id", "in", chunk).orderBy("cm.created_at").orderBy("cm.id").execute();
      for (const r of replies) byId.get(r.parent_id!)?.replies.push(toView(r));
      if (userId) {
        const all = [...chunk, ...replies.map((r) => r.id)];
        const mine = await db.selectFrom("comment_supports").select("comment_id").where("user_id", "=", userId).where("comment_id", "in", all).execute();
        for (const m of mine) {
          mySupports.add(m.comment_id);
          const p = byId.get(m.comment_id);
          if (p) p.supportedByMe = true;
        }
      }
    }
  }
  const byBlock = new Map<string, PlacedComment[]>();
  const orphaned: PlacedComment[] = [];
  for (const p of placed) {
    if (!p.blockId) orphaned.push(p);
    else {
      if (!byBlock.has(p.blockId)) byBlock.set(p.blockId, []);
      byBlock.get(p.blockId)!.push(p);
    }
  }
  return { byBlock, orphaned, mySupports };
}

/** The comments (top level and replies) a user supports, among the given ids. */
export async function supportedBy(db: Db, userId: string | null, ids: string[]): Promise<Set<string>> {
  if (!userId || ids.length === 0) return new Set();
  const rows = await db.selectFrom("comment_supports").select("comment_id").where("user_id", "=", userId).where("comment_id", "in", ids).execute();
  return new Set(rows.map((r) => r.comment_id));
}
