import type { Params } from "@remix-run/react";
import type { Lang } from "~db/schema";
import { isLang } from "./i18n";
import { getFixedT } from "./i18n.server";

/** The page's language from the URL; any other prefix is a 404. */
export function requireLang(params: Params): Lang {
  if (!isLang(params.lang)) throw new Response("Not found", { status: 404 });
  return params.lang;
}

/** A localized 404 response, caught by the nearest error boundary. */
export function notFound(lang: Lang, what: "page" | "consultation" = "page"): Response {
  const t = getFixedT(lang);
  return new Response(t(what === "consultation" ? "errors.consultation_not_found" : "errors.page_not_found"), { status: 404 });
}
