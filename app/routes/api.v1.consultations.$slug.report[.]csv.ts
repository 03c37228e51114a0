import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { apiError } from "~/modules/consultations/open-data.server";
import { findConsultationBySlug } from "~/modules/consultations/queries.server";
import { reportCsvStream } from "~/modules/reports/csv.server";
import { isLang } from "~/utils/i18n";

/** GET /api/v1/consultations/{slug}/report.csv[?lang=kk|ru|en]: one row per comment, UTF-8 with BOM, streamed. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const db = context.app.db;
  const consultation = await findConsultationBySlug(db, params.slug ?? "");
  if (!consultation || !consultation.publishedAt) return apiError(404, "not_found", `no consultation with slug "${params.slug}"`);
  const langParam = new URL(request.url).searchParams.get("lang");
  const lang = isLang(langParam) ? langParam : "ru";
  const stream = await reportCsvStream(db, consultation.id, lang, context.app.config.reportBuilds);
  return new Response(createReadableStreamFromReadable(stream), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="report-${consultation.slug}.csv"`,
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": "public, max-age=30",
    },
  });
}
