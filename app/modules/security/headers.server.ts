/**
 * Security headers for every response (pages, data requests, static files). The
 * Content-Security-Policy allows scripts only from this site or carrying the request's nonce:
 * Remix writes a few inline scripts (hydration context, route modules), and each gets the
 * nonce through the load context (`cspNonce`), so no 'unsafe-inline' is needed for scripts.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export interface SecurityHeaderOptions {
  /** PUBLIC_URL: when it is https://, HSTS is sent on every response. */
  publicUrl?: string;
}

export function createNonce(): string {
  return randomBytes(18).toString("base64");
}

/**
 * The CSP for one response; `scriptSources` allows its inline scripts: the response's nonce
 * (`'nonce-…'`), or for a page shared by many readers their hashes (`'sha256-…'`, ADR 0060).
 * Styles: our stylesheet and React `style` attributes only.
 */
export function contentSecurityPolicy(scriptSources: string): string {
  return [
    "default-src 'self'",
    `script-src 'self'${scriptSources ? ` ${scriptSources}` : ""}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

/** The headers, given the nonce and whether this request reached us over HTTPS. */
export function securityHeaders(nonce: string, https: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(`'nonce-${nonce}'`),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
  };
  // HSTS over plain HTTP is ignored by browsers and would only mislead; send it when HTTPS is real.
  if (https) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/**
 * Express middleware (server.js): sets the headers and leaves the nonce in `res.locals.cspNonce`
 * for the load context. `req.secure` honours X-Forwarded-Proto from a trusted proxy.
 */
export function securityHeadersMiddleware(options: SecurityHeaderOptions) {
  const httpsAlways = (options.publicUrl ?? "").startsWith("https://");
  return (req: IncomingMessage & { secure?: boolean }, res: ServerResponse & { locals?: Record<string, unknown> }, next: () => void) => {
    const nonce = createNonce();
    if (res.locals) res.locals.cspNonce = nonce;
    const headers = securityHeaders(nonce, httpsAlways || req.secure === true);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    next();
  };
}

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Refuses a write whose Origin is not this site with a 403, before Remix sees it. Remix's own
 * check (same rule: Origin host must equal X-Forwarded-Host or Host) throws, which would be
 * answered as a 500; a malformed or "null" Origin is refused the same way.
 */
export function foreignOriginGuard(pages: Record<string, { title: string; text: string }>) {
  return (req: IncomingMessage & { method?: string; url?: string }, res: ServerResponse, next: () => void) => {
    const origin = req.headers.origin;
    if (!unsafeMethods.has(req.method ?? "") || origin === undefined) return next();
    const forwarded = typeof req.headers["x-forwarded-host"] === "string" ? req.headers["x-forwarded-host"].split(",")[0]?.trim() : undefined;
    const host = forwarded || req.headers.host;
    let originHost: string | undefined;
    try {
      originHost = origin === "null" ? undefined : new URL(origin).host;
    } catch {
      originHost = undefined;
    }
    if (originHost && host && originHost === host) return next();
    const path = req.url ?? "/";
    res.statusCode = 403;
    if (path.startsWith("/api/")) {
      res.setHeader("Content-Type", "application/json; charset=utf-8");
      res.end(JSON.stringify({ error: "forbidden_origin", message: "the Origin header is not this site" }));
      return;
    }
    const lang = /^\/(kk|ru|en)(\/|$)/.exec(path)?.[1] ?? "kk";
    const page = pages[lang] ?? pages.kk;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(
      `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>${escapeHtml(page.title)} · Kenes</title><link rel="stylesheet" href="/styles.css"></head>` +
        `<body><main class="error-page" id="main"><h1>${escapeHtml(page.title)}</h1><p>${escapeHtml(page.text)}</p>` +
        `<p><a href="/${lang}/consultations">Kenes</a></p></main></body></html>`,
    );
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * A URL with an encoded NUL (%00) is never a real link, and PostgreSQL cannot compare text with
 * U+0000 (it would fail the query): refuse it with a 400 before any route runs.
 */
export function nulInUrlGuard() {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (!/%00|\u0000/.test(req.url ?? "")) return next();
    res.statusCode = 400;
    res.setHeader("Content-Type", "text/plain; charset=utf-8");
    res.end("Bad Request: the address contains a NUL character");
  };
}

/** Every guard server.js installs before the static files and Remix, in order. */
export function securityMiddleware(options: SecurityHeaderOptions & { forgedRequestPages: Record<string, { title: string; text: string }> }) {
  return [securityHeadersMiddleware(options), nulInUrlGuard(), foreignOriginGuard(options.forgedRequestPages)];
}
