import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportsFeed } from "~/modules/notifications/feeds.server";
import { requireLang } from "~/utils/lang.server";

/** GET /{lang}/reports/feed.atom: every published report and correction. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const base = context.app.config.publicUrl?.replace(/\/$/, "") ?? new URL(request.url).origin;
  const xml = await reportsFeed(context.app.db, { lang, base });
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=60" } });
}
