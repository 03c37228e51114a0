/** The report's open-data shape. Field names are a public contract: add, never rename. */
import { consultationJson } from "~/modules/consultations/open-data.server";
import type { ConsultationSummary } from "~/modules/consultations/queries.server";
import type { ReportData, RevisionInfo } from "./report.types";

export function reportJson(c: ConsultationSummary, data: ReportData, revision: RevisionInfo | null, history: RevisionInfo[]) {
  return {
    consultation: consultationJson(c),
    report: revision
      ? { status: "published", revision: revision.revision, publishedAt: revision.publishedAt, revisions: history.map((h) => ({ revision: h.revision, publishedAt: h.publishedAt, changeLog: h.changeLog })) }
      : { status: "not_published", revision: null, publishedAt: null, revisions: [] },
    summary: {
      comments: data.summary.comments,
      participants: data.summary.participants,
      organisations: data.summary.organisations,
      hidden: data.summary.hidden,
      withdrawn: data.summary.withdrawn,
      similarGroups: data.summary.similarGroups,
      byStatus: data.summary.byStatus,
    },
    articles: data.articles,
    changes: data.changes,
    items: data.items.map((i) => ({
      comment: {
        id: i.comment.id,
        blockKey: i.comment.blockKey,
        articleKey: i.comment.articleKey,
        body: i.comment.body,
        lang: i.comment.lang,
        status: i.comment.status,
        statusReason: i.comment.status === "hidden" ? i.comment.statusReason : null,
        author: { name: i.comment.authorName, pseudonym: i.comment.pseudonym, organization: i.comment.organization },
        createdAt: i.comment.createdAt,
        similarGroup: i.comment.group,
      },
      response: i.response ? { status: i.response.status, justification: i.response.justification, respondedAt: i.response.respondedAt } : null,
      changes: i.changes,
    })),
  };
}
