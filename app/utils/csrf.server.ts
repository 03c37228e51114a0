/**
 * CSRF protection for every write: the signed double-submit cookie pattern (OWASP) plus an
 * Origin check. The root loader gives each browser a random token in a signed httpOnly cookie
 * and in the page; every form sends it back in the `csrf` field; a write is refused unless the
 * field equals the cookie, and unless the Origin (when the browser sends one) is this site.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";

export const CSRF_FIELD = "csrf";

// One answer per request: the root loader and a page loader that both need the token (the draft
// page fills it into cached fragments) must agree on a new one (the context is per request).
const perRequest = new WeakMap<AppLoadContext, Promise<{ token: string; setCookie?: string }>>();

/** The request's token, or a new one with the Set-Cookie header that stores it. */
export function ensureCsrfToken(request: Request, context: AppLoadContext): Promise<{ token: string; setCookie?: string }> {
  let pending = perRequest.get(context);
  if (!pending) {
    pending = readOrCreateToken(request, context);
    perRequest.set(context, pending);
  }
  return pending;
}

async function readOrCreateToken(request: Request, context: AppLoadContext): Promise<{ token: string; setCookie?: string }> {
  const existing = await context.app.cookies.csrf.parse(request.headers.get("Cookie"));
  if (typeof existing === "string" && existing.length >= 32) return { token: existing };
  const token = randomBytes(32).toString("base64url");
  return { token, setCookie: await context.app.cookies.csrf.serialize(token) };
}

export type CsrfFailure = "csrf_missing" | "csrf_mismatch" | "origin_mismatch";

/** Checks a write; returns the reason it is refused, or undefined when it is genuine. */
export async function checkCsrf(request: Request, form: FormData | null, context: AppLoadContext): Promise<CsrfFailure | undefined> {
  if (!sameOrigin(request, context)) return "origin_mismatch";
  const cookie = await context.app.cookies.csrf.parse(request.headers.get("Cookie"));
  const field = form?.get(CSRF_FIELD);
  if (typeof cookie !== "string" || typeof field !== "string" || field === "") return "csrf_missing";
  const a = Buffer.from(cookie);
  const b = Buffer.from(field);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return "csrf_mismatch";
  return undefined;
}

function sameOrigin(request: Request, context: AppLoadContext): boolean {
  const origin = request.headers.get("Origin");
  if (!origin || origin === "null") {
    // Browsers send Origin on every cross-site POST; a missing one is a same-site form or a
    // non-browser client, which cannot read our cookie anyway. "null" (sandboxed frames,
    // privacy redirects) is refused.
    return origin !== "null";
  }
  const allowed = new Set<string>();
  const host = request.headers.get("Host");
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  if (context.app.config.publicUrl) allowed.add(new URL(context.app.config.publicUrl).origin);
  return allowed.has(origin);
}
