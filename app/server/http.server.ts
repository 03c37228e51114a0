/** Small HTTP helpers of the front: validators, cookies, languages, the pages it answers itself. */
import type { IncomingMessage, ServerResponse } from "node:http";
import kkSecurity from "../../locales/kk/security.json";
import ruSecurity from "../../locales/ru/security.json";
import enSecurity from "../../locales/en/security.json";

/** If-None-Match against one ETag (weak comparison, as RFC 9110 §13.1.2 asks for GET). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  const wanted = bare(etag);
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || bare(tag) === wanted);
}

/** Whether the request carries the session cookie: then nothing shared may be served to it. */
export function hasSessionCookie(req: IncomingMessage): boolean {
  const header = req.headers.cookie;
  return !!header && /(?:^|;\s*)(?:__Host-)?kenes_session=/.test(header);
}

/** The client asked for a fresh answer (a hard reload, or the benchmark measuring renders). */
export function wantsFresh(req: IncomingMessage): boolean {
  const cacheControl = req.headers["cache-control"] ?? "";
  return /\bno-cache\b|\bmax-age=0\b/.test(cacheControl) || /\bno-cache\b/.test(String(req.headers.pragma ?? ""));
}

export function langOfPath(pathname: string): "kk" | "ru" | "en" {
  return (/^\/(kk|ru|en)(?:\/|$)/.exec(pathname)?.[1] as "kk" | "ru" | "en" | undefined) ?? "kk";
}

const securityTexts = { kk: kkSecurity, ru: ruSecurity, en: enSecurity };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * 503 with Retry-After: the server is saturated and refuses this request rather than make
 * everyone wait. A short localized page (JSON under /api/), written without Remix or a database.
 */
export function sendOverloaded(req: IncomingMessage, res: ServerResponse, pathname: string, retryAfterSeconds: number): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = 503;
  res.setHeader("Retry-After", String(retryAfterSeconds));
  res.setHeader("Cache-Control", "no-store");
  const lang = langOfPath(pathname);
  const t = securityTexts[lang];
  if (pathname.startsWith("/api/") || pathname === "/healthz") {
    res.setHeader("Content-Type", "application/json; charset=utf-8");
    res.end(req.method === "HEAD" ? undefined : JSON.stringify({ error: "overloaded", message: enSecurity.overloaded_text, retryAfterSeconds }));
    return;
  }
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.end(
    req.method === "HEAD"
      ? undefined
      : `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
          `<title>${escapeHtml(t.overloaded_title)} · Kenes</title><link rel="stylesheet" href="/styles.css"></head>` +
          `<body><main class="error-page" id="main"><h1>${escapeHtml(t.overloaded_title)}</h1><p>${escapeHtml(t.overloaded_text)}</p>` +
          `<p><a href="/${lang}/consultations">Kenes</a></p></main></body></html>`,
  );
}
