/**
 * What pages show of comments: the view models the comments module builds and the components
 * render (plain data, safe in the browser). They live here, not in components, so modules never
 * import from the UI layer.
 */
import type { Lang } from "~db/schema";

export interface CommentItem {
  id: string;
  body: string;
  lang: Lang;
  status: "visible" | "hidden" | "withdrawn";
  statusReason: string | null;
  authorName: string;
  organizationName: string | null;
  createdAt: string;
  editedAt: string | null;
  /** The published official answer, when there is one (drafts never reach this list). */
  response?: { status: string; justification: { text: string; fallbackFrom?: Lang }; respondedAt: string } | null;
  /** How many near-identical comments (this one included) the consultation has, when more than one. */
  similarCount?: number | null;
}

export interface ThreadComment extends CommentItem {
  parentId: string | null;
  supportCount: number;
  supportedByMe: boolean;
  /** The words an annotation quotes (as first made), with their language. */
  quote: { exact: string; lang: Lang } | null;
  /** own: made on this version; exact/fuzzy: re-anchored; block: followed its block; orphaned. */
  placement: "own" | "exact" | "fuzzy" | "block" | "orphaned";
  replies: ThreadComment[];
}

/** Errors of a comment form, as locale keys per field. */
export interface CommentFormErrors {
  body?: string;
  blockId?: string;
  exact?: string;
  form?: string;
}
