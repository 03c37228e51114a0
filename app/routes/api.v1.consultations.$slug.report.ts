import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, openDataResponse } from "~/modules/consultations/open-data.server";
import { findConsultationBySlug } from "~/modules/consultations/queries.server";
import { reportJson } from "~/modules/reports/open-data.server";
import { buildReportShared, findPublishedReport } from "~/modules/reports/queries.server";

/**
 * GET /api/v1/consultations/{slug}/report[?revision=n]: the published report (latest revision by
 * default); before publication, the answers published so far with `report.status: "not_published"`.
 */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const db = context.app.db;
  const consultation = await findConsultationBySlug(db, params.slug ?? "");
  if (!consultation || !consultation.publishedAt) return apiError(404, "not_found", `no consultation with slug "${params.slug}"`);
  const revisionParam = new URL(request.url).searchParams.get("revision");
  if (revisionParam !== null && !/^\d{1,6}$/.test(revisionParam)) return apiError(400, "bad_revision", "revision must be a positive integer");
  const published = await findPublishedReport(db, consultation.id, revisionParam ? Number(revisionParam) : undefined);
  if (revisionParam && !published) return apiError(404, "not_found", `no revision ${revisionParam}`);
  if (published) return openDataResponse(reportJson(consultation, published.data, published.revision, published.history));
  return openDataResponse(reportJson(consultation, await buildReportShared(db, consultation.id), null, []));
}
