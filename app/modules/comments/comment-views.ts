/**
 * What pages show of comments: the view models the comments module builds and the components
 * render (plain data, safe in the browser). They live here, not in components, so modules never
 * import from the UI layer.
 */
import type { BlockKind, Lang } from "~db/schema";

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

/** A block of the draft page: its sanitized, highlighted HTML and the latest of its thread. */
export interface AnnotatedBlock {
  id: string;
  key: string;
  kind: BlockKind;
  label: { text: string; fallbackFrom?: Lang } | null;
  /** The language of the text shown (the page's, or the fallback). */
  textLang: Lang;
  fallbackFrom?: Lang;
  /** A short plain-text name for links and screen readers. */
  name: string;
  html: string;
  /** The latest comments of the block (at most `perBlock`), with their replies. */
  comments: ThreadComment[];
  /** The start of its text (at most 120 characters), for the table of contents. */
  summaryText: string;
  /** All top-level comments of the block, how many of them are visible and how many are annotations. */
  total: number;
  visibleCount: number;
  annotationCount: number;
}
