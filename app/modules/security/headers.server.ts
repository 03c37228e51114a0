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

/** The CSP for one response. Styles: our stylesheet and React `style` attributes only. */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
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
    "Content-Security-Policy": contentSecurityPolicy(nonce),
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
