/**
 * Everything the draft page shows for one version: each block's sanitized HTML with the
 * annotations highlighted, and its thread (comments, annotations, replies, support), plus the
 * orphaned annotations carried from earlier versions. Serializable for the loader.
 */
import type { Db } from "~db/database.server";
import type { BlockKind, Lang, Localized } from "~db/schema";
import type { AnnotatedBlock, ThreadComment } from "./comment-views";

export type { AnnotatedBlock };
import { versionBlocks } from "~/modules/documents/queries.server";
import { highlightHtml, renderBlockHtml, type Highlight } from "~/modules/documents/render.server";
import { pickLocalized } from "~/utils/i18n";
import { presentComment } from "./present.server";
import { commentsQuery, toView, type CommentView } from "./queries.server";
import { listVersionThreads, supportedBy, type BlockFilter, type PlacedComment } from "./version-threads.server";


function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function legacyHtml(kind: BlockKind, text: string): string {
  const tag = kind === "section" ? "h3" : kind === "article" ? "h4" : "p";
  return `<${tag}>${escapeHtml(text)}</${tag}>`;
}

/** Extra fields other modules add to a comment (published answers, similar-comment counts). */
export type Enrich = (views: CommentView[]) => Promise<Map<string, Partial<Pick<ThreadComment, "response" | "similarCount">>>>;

export function presentThreadComment(view: CommentView, lang: Lang, mySupports: Set<string>, placed?: PlacedComment, extra?: Map<string, Partial<ThreadComment>>): ThreadComment {
  return {
    ...presentComment(view, lang),
    ...extra?.get(view.id),
    parentId: view.parentId,
    supportCount: view.supportCount,
    supportedByMe: mySupports.has(view.id),
    quote: view.selector && view.status === "visible" ? { exact: view.selector.exact, lang: view.selector.lang } : null,
    placement: placed?.placement ?? "own",
    replies: (placed?.replies ?? []).map((r) => presentThreadComment(r, lang, mySupports, undefined, extra)),
  };
}

/** How many top-level comments each block shows on the draft page; the rest are a link away. */
export const COMMENTS_PER_BLOCK = 3;

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * `blockIds` limits it to some blocks (a lot page shows only its own; the draft page renders only
 * the blocks whose cached fragment is out of date), with their threads; "orphans" gives only the
 * annotations carried from earlier versions whose words are gone.
 */
export async function loadAnnotatedDraft(db: Db, input: { consultationId: string; versionId: string; lang: Lang; userId: string | null; published: boolean; enrich?: Enrich; perBlock?: number; blockIds?: BlockFilter }) {
  const { lang } = input;
  const [allRows, threads] = await Promise.all([
    input.blockIds === "orphans" ? Promise.resolve([]) : versionBlocks(db, input.versionId, input.published),
    listVersionThreads(db, input.consultationId, input.versionId, input.userId, input.perBlock ?? COMMENTS_PER_BLOCK, input.blockIds),
  ]);
  const wanted = Array.isArray(input.blockIds) ? new Set(input.blockIds) : null;
  const rows = wanted ? allRows.filter((r) => wanted.has(r.id)) : allRows;
  const all = [...threads.byBlock.values(), threads.orphaned].flat();
  const extra = input.enrich ? await input.enrich(all.flatMap((p) => [p.view, ...p.replies])) : undefined;
  const blocks: AnnotatedBlock[] = rows.map((row) => {
    const text = pickLocalized(row.text as Localized, lang);
    const textLang = text.fallbackFrom ?? lang;
    const content = (row.content as Partial<Record<Lang, unknown>> | null)?.[textLang];
    // Published blocks never change: their HTML is cached by block and language.
    const base = content ? renderBlockHtml(content, text.text, input.published ? `${row.id}:${textLang}` : undefined) : legacyHtml(row.kind, text.text);
    const placed = threads.byBlock.get(row.id) ?? [];
    const summary = threads.summaries.get(row.id);
    // Every annotation is highlighted, from its light anchor, whether its comment is shown or not.
    const highlights: Highlight[] = (summary?.spans ?? []).filter((a) => a.lang === textLang).map((a) => ({ id: a.id, start: a.start, end: a.end }));
    const label = row.label ? pickLocalized(row.label as Localized, lang) : null;
    const snippet = text.text.length > 60 ? `${text.text.slice(0, 57)}…` : text.text;
    return {
      id: row.id,
      key: row.lineage_key,
      kind: row.kind,
      label: label ? { text: label.text, fallbackFrom: label.fallbackFrom } : null,
      textLang,
      fallbackFrom: text.fallbackFrom,
      name: label ? `${label.text} ${snippet}` : snippet,
      summaryText: shorten(text.text, 120),
      html: highlightHtml(base, highlights),
      comments: placed.map((p) => presentThreadComment(p.view, lang, threads.mySupports, p, extra)),
      total: summary?.total ?? 0,
      visibleCount: summary?.visible ?? 0,
      annotationCount: summary?.annotations ?? 0,
    };
  });
  return { blocks, orphaned: threads.orphaned.map((p) => presentThreadComment(p.view, lang, threads.mySupports, p, extra)) };
}

/** Replies and supports for a list of top-level comments (the thread on the whole draft). */
export async function presentThread(db: Db, views: CommentView[], lang: Lang, userId: string | null, enrich?: Enrich): Promise<ThreadComment[]> {
  const ids = views.map((v) => v.id);
  const replies = ids.length ? await commentsQuery(db).where("cm.parent_id", "in", ids).orderBy("cm.created_at").orderBy("cm.id").execute() : [];
  const mySupports = await supportedBy(db, userId, [...ids, ...replies.map((r) => r.id)]);
  const byParent = new Map<string, CommentView[]>();
  for (const r of replies) {
    if (!byParent.has(r.parent_id!)) byParent.set(r.parent_id!, []);
    byParent.get(r.parent_id!)!.push(toView(r));
  }
  const extra = enrich ? await enrich([...views, ...[...byParent.values()].flat()]) : undefined;
  return views.map((v) => ({
    ...presentThreadComment(v, lang, mySupports, undefined, extra),
    replies: (byParent.get(v.id) ?? []).map((r) => presentThreadComment(r, lang, mySupports, undefined, extra)),
  }));
}
