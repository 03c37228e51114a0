import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError } from "~/modules/consultations/open-data.server";
import { findConsultationBySlug } from "~/modules/consultations/queries.server";
import { currentReport, findPublishedRevision } from "~/modules/reports/builds.server";
import { reportJsonStream } from "~/modules/reports/open-data.server";

/**
 * GET /api/v1/consultations/{slug}/report[?revision=n]: the published report (latest revision by
 * default); before publication, the answers published so far with `report.status: "not_published"`.
 * Streamed from the stored build (ADR 0064): the items are read in batches, never all at once.
 */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const db = context.app.db;
  const consultation = await findConsultationBySlug(db, params.slug ?? "");
  if (!consultation || !consultation.publishedAt) return apiError(404, "not_found", `no consultation with slug "${params.slug}"`);
  const revisionParam = new URL(request.url).searchParams.get("revision");
  if (revisionParam !== null && !/^\d{1,6}$/.test(revisionParam)) return apiError(400, "bad_revision", "revision must be a positive integer");
  const published = await findPublishedRevision(db, consultation.id, revisionParam ? Number(revisionParam) : undefined);
  if (revisionParam && !published) return apiError(404, "not_found", `no revision ${revisionParam}`);
  const body = published
    ? reportJsonStream(db, consultation, published.report, published.revision, published.history)
    : reportJsonStream(db, consultation, await currentReport(db, consultation.id, context.app.config.reportBuilds), null, []);
  return new Response(body, { headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=30", "Content-Type": "application/json; charset=utf-8" } });
}
