/** The report's open-data shape. Field names are a public contract: add, never rename. */
import type { Db } from "~db/database.server";
import { consultationJson } from "~/modules/consultations/open-data.server";
import type { ConsultationSummary } from "~/modules/consultations/queries.server";
import { buildItemBatches, type StoredReport } from "./builds.server";
import type { ReportHead } from "./queries.server";
import type { ReportData, ReportItem, RevisionInfo } from "./report.types";

/** Everything of the report's JSON except `items` (which comes last). */
export function reportJsonHead(c: ConsultationSummary, data: ReportHead, revision: RevisionInfo | null, history: RevisionInfo[]) {
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
  };
}

export function reportJsonItem(i: ReportItem) {
  return {
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
  };
}

export function reportJson(c: ConsultationSummary, data: ReportData, revision: RevisionInfo | null, history: RevisionInfo[]) {
  return { ...reportJsonHead(c, data, revision, history), items: data.items.map(reportJsonItem) };
}

/**
 * The same JSON as `reportJson`, byte for byte, streamed from a stored build: the head, then the
 * items read in keyset batches, so a 100,000-comment report never sits in memory as one string.
 */
export function reportJsonStream(db: Db, c: ConsultationSummary, build: StoredReport, revision: RevisionInfo | null, history: RevisionInfo[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const head = JSON.stringify(reportJsonHead(c, build.head, revision, history));
  let batches: AsyncGenerator<ReportItem[]> | undefined;
  let first = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      // `{…}` without its closing brace, then the items array and the brace.
      controller.enqueue(encoder.encode(`${head.slice(0, -1)},"items":[`));
    },
    async pull(controller) {
      batches ??= buildItemBatches(db, build);
      try {
        const next = await batches.next();
        if (next.done) {
          controller.enqueue(encoder.encode("]}"));
          controller.close();
          return;
        }
        let text = "";
        for (const item of next.value) {
          text += (first ? "" : ",") + JSON.stringify(reportJsonItem(item));
          first = false;
        }
        controller.enqueue(encoder.encode(text));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await batches?.return(undefined);
    },
  });
}
