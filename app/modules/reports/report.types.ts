/** The report's data: what the page, the PDF, the JSON export and a published revision's snapshot hold. */
import type { CommentStatus, ConsultationType, Lang, Localized, ResponseStatus } from "~db/schema";

export const statusKeys = ["accepted", "partially_accepted", "not_accepted", "noted", "unanswered"] as const;
export type StatusKey = (typeof statusKeys)[number];
export type StatusCounts = Record<StatusKey, number>;

export interface ReportItem {
  comment: {
    id: string;
    blockKey: string | null;
    articleKey: string | null;
    articleLabel: Localized | null;
    body: string;
    lang: Lang;
    status: CommentStatus;
    statusReason: string | null;
    /** null when the author asked to be pseudonymised. */
    authorName: string | null;
    pseudonym: string | null;
    organization: Localized | null;
    createdAt: string;
    group: { key: string; size: number } | null;
  };
  response: { status: ResponseStatus; justification: Partial<Localized>; respondedAt: string; respondedBy: string | null } | null;
  /** Lineage keys of blocks changed in the final version because of this comment. */
  changes: string[];
}

export interface ArticleRow extends StatusCounts {
  key: string | null;
  label: Localized | null;
  comments: number;
  hidden: number;
}

export interface ChangeRow {
  key: string;
  label: Localized | null;
  kind: "changed" | "added" | "removed";
  before: Localized | null;
  after: Localized | null;
  commentIds: string[];
}

export interface ReportData {
  consultation: {
    slug: string;
    type: ConsultationType;
    title: Localized;
    organization: { slug: string; name: Localized };
    opensAt: string;
    closesAt: string;
    periodDays: number;
  };
  generatedAt: string;
  versions: { first: number | null; final: number | null };
  summary: {
    /** Every comment ever posted, hidden and withdrawn included. */
    comments: number;
    participants: number;
    organisations: number;
    hidden: number;
    withdrawn: number;
    /** Over visible comments; the sum plus hidden plus withdrawn equals `comments`. */
    byStatus: StatusCounts;
    similarGroups: number;
  };
  articles: ArticleRow[];
  items: ReportItem[];
  changes: ChangeRow[];
  responders: { name: string; count: number; lastAt: string }[];
}

export interface RevisionInfo {
  revision: number;
  publishedAt: string;
  publishedBy: string | null;
  changeLog: Partial<Localized> | null;
}

export function emptyCounts(): StatusCounts {
  return { accepted: 0, partially_accepted: 0, not_accepted: 0, noted: 0, unanswered: 0 };
}
