import type { LoaderFunctionArgs } from "@remix-run/node";
import { findConsultationBySlug } from "~/modules/consultations/queries.server";
import { consultationFeed } from "~/modules/notifications/feeds.server";
import { notFound, requireLang } from "~/utils/lang.server";
import { shareConsultationPage } from "~/utils/shared-render.server";

/** GET /{lang}/consultations/{slug}/feed.atom: published answers and report revisions. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const consultation = await findConsultationBySlug(context.app.db, params.slug ?? "");
  if (!consultation || !consultation.publishedAt) throw notFound(lang, "consultation");
  shareConsultationPage(context, consultation);
  const base = context.app.config.publicUrl?.replace(/\/$/, "") ?? new URL(request.url).origin;
  const xml = await consultationFeed(context.app.db, { consultationId: consultation.id, lang, base });
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=60" } });
}
