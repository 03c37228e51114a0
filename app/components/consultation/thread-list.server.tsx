/**
 * A page of a thread's comments (the thread page) rendered once into HTML and shared by every
 * reader, signed in or not (ADR 0066): the list shows nothing of the viewer, only the comments,
 * their answers and similar-comment badges. It is kept under the thread's change number (the
 * block's block_stats.seq, or the consultation's counter for the general thread) and the
 * consultation's derived counter (similar groups), so any change to what it shows renders it
 * again; the time limit bounds what no counter tracks (an author renaming their account).
 */
import { LRUCache } from "lru-cache";
import type { Lang } from "~db/schema";
import type { CommentItem } from "~/modules/comments/comment-views";
import { flatString } from "~/utils/flat-string.server";
import { CommentList } from "./CommentList";
import { staticRenderer } from "./draft-fragments.server";

export interface ThreadListPage {
  /** The <ol> of the page's comments. */
  html: string;
  /** How many comments it shows (replies included), and the cursor of the next page. */
  shown: number;
  nextCursor: string | null;
}

const pages = new LRUCache<string, ThreadListPage>({ maxSize: 32 * 2 ** 20, sizeCalculation: (p) => Math.max(1, p.html.length * 2), ttl: 10 * 60_000 });

/**
 * The list of one page of a thread, from the cache or rendered from `load`. `key` must name the
 * thread, the page (its cursor) and the change numbers of everything the list shows.
 */
export async function threadListPage(key: string, env: { lang: Lang; path: string }, load: () => Promise<{ comments: CommentItem[]; nextCursor: string | null }>): Promise<ThreadListPage> {
  const cacheKey = `${key}|${env.lang}`;
  const cached = pages.get(cacheKey);
  if (cached) return cached;
  const { comments, nextCursor } = await load();
  const render = await staticRenderer({ lang: env.lang, path: env.path, base: env.path, loginHref: "", open: false }, false);
  const page = { html: comments.length ? flatString(render(<CommentList comments={comments} lang={env.lang} />)) : "", shown: comments.length, nextCursor };
  pages.set(cacheKey, page);
  return page;
}
