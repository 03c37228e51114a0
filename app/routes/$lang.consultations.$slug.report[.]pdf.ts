import { readFileSync } from "node:fs";
import path from "node:path";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { ReportView } from "~/components/reports/ReportView";
import { findConsultationBySlug } from "~/modules/consultations/queries.server";
import { allBuildItems, findPublishedRevision } from "~/modules/reports/builds.server";
import { htmlToPdf, PdfUnavailableError, withPrintSlot } from "~/modules/reports/pdf.server";
import { createI18n, pickLocalized } from "~/utils/i18n";
import { allResources, getFixedT } from "~/utils/i18n.server";
import { notFound, requireLang } from "~/utils/lang.server";

let css: string | undefined;
function stylesheet(): string {
  // The site's own stylesheet, inlined: the printing browser loads nothing from the network.
  css ??= (() => {
    try {
      return readFileSync(path.join(process.cwd(), "public", "styles.css"), "utf8");
    } catch {
      return "";
    }
  })();
  return css + "\n@media print { .site-header, .filters, .report-downloads { display: none } body { font-size: 11pt } a { color: inherit; text-decoration: none } }";
}

/** GET /{lang}/consultations/{slug}/report.pdf[?revision=n]: the published report as PDF, printed on the server. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const t = getFixedT(lang);
  const db = context.app.db;
  const consultation = await findConsultationBySlug(db, params.slug ?? "");
  if (!consultation || !consultation.publishedAt) throw notFound(lang, "consultation");
  const revisionParam = new URL(request.url).searchParams.get("revision");
  const report = await findPublishedRevision(db, consultation.id, revisionParam && /^\d{1,6}$/.test(revisionParam) ? Number(revisionParam) : undefined);
  if (!report) return new Response(t("reports:report.not_published"), { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const base = `/${lang}/consultations/${consultation.slug}`;
  // One download at a time per process, its items read inside the slot: a burst of downloads
  // holds one report's items and HTML in memory, not one copy per request.
  return withPrintSlot(async () => {
    const items = await allBuildItems(db, report.report);
    const i18n = createI18n(lang, allResources);
    const body = renderToStaticMarkup(
      createElement(
        I18nextProvider,
        { i18n },
        createElement(ReportView, {
          lang,
          data: { ...report.report.head, items },
          revision: report.revision,
          history: report.history,
          draft: false,
          items,
          filters: { status: "", article: "" },
          links: { consultation: base, self: `${base}/report`, csv: "", json: "", pdf: "", feed: "" },
          printable: true,
        }),
      ),
    );
    const title = pickLocalized(consultation.title, lang).text;
    const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${stylesheet()}</style></head><body><main class="page">${body}</main></body></html>`;
    try {
      const pdf = await htmlToPdf(html, { footer: `Kenes · ${title} · ${t("reports:report.revision_short", { revision: report.revision.revision })}` });
      return new Response(new Uint8Array(pdf), {
        headers: {
          "Content-Type": "application/pdf",
          "Content-Disposition": `attachment; filename="report-${consultation.slug}-${lang}-r${report.revision.revision}.pdf"`,
          "Cache-Control": "public, max-age=300",
        },
      });
    } catch (error) {
      if (error instanceof PdfUnavailableError) {
        console.error("[pdf]", error.message);
        return new Response(t("reports:errors.pdf_unavailable"), { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "60" } });
      }
      throw error;
    }
  });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}
