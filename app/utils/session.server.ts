/** The signed-in user of a request, and the guards routes use. */
import { redirect, type AppLoadContext } from "@remix-run/node";
import type { Lang } from "~db/schema";
import { findSessionUser, type CurrentUser } from "~/modules/accounts/queries.server";

export async function getSessionId(request: Request, context: AppLoadContext): Promise<string | undefined> {
  const value = await context.app.cookies.session.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 20 ? value : undefined;
}

export async function getCurrentUser(request: Request, context: AppLoadContext): Promise<CurrentUser | undefined> {
  const sessionId = await getSessionId(request, context);
  return sessionId ? findSessionUser(context.app.db, sessionId, context.app.config.session) : undefined;
}

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(request: Request, context: AppLoadContext, lang: Lang): Promise<CurrentUser> {
  const user = await getCurrentUser(request, context);
  if (user) return user;
  const url = new URL(request.url);
  throw redirect(`/${lang}/login?next=${encodeURIComponent(url.pathname + url.search)}`);
}

/** Only local paths: `next` must never send a user to another site after sign-in. */
export function safeNext(next: string | null | undefined, lang: Lang): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return `/${lang}/consultations`;
  return next;
}

export async function sessionCookie(context: AppLoadContext, sessionId: string): Promise<string> {
  return context.app.cookies.session.serialize(sessionId, { maxAge: 60 * 60 * 24 * context.app.config.session.maxDays });
}

export async function clearSessionCookie(context: AppLoadContext): Promise<string> {
  return context.app.cookies.session.serialize("", { maxAge: 0 });
}

export type { CurrentUser };
