/**
 * Loaders of public pages say what their page depends on; the HTTP front (app/server) then
 * keeps an anonymous reader's render and serves it to the next anonymous readers until one of
 * those change counters moves (ADR 0060). Outside a shared render these calls do nothing.
 */
import { randomUUID } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { consultationScope, derivedScope, SITE_SCOPE } from "~/modules/changes/changes.server";

/** Set by the front on an anonymous request for a public page. */
export interface SharedRender {
  /** Change-counter scopes the page shows data of (see app/modules/changes). */
  scopes: Set<string>;
  /** The page must be rendered again at this time (ms) even when nothing changes: a period opens or ends. */
  until?: number;
}

/**
 * Declares the scopes a public page depends on; when a time is given, the render is not reused
 * after it (e.g. a consultation's closing moment, when its forms disappear).
 */
export function shareRender(context: AppLoadContext, scopes: Iterable<string>, options: { until?: Date | null } = {}): void {
  const shared = context.shared;
  if (!shared) return;
  for (const scope of scopes) shared.scopes.add(scope);
  const until = options.until?.getTime();
  if (until !== undefined && until > Date.now() && (shared.until === undefined || until < shared.until)) shared.until = until;
}

/** Whether this render is shared by every anonymous reader (no user, no CSRF token in it). */
export function isSharedRender(context: AppLoadContext): boolean {
  return !!context.shared;
}

/** The moment a consultation next changes by itself (it opens, closes, or its report falls due), if still ahead. */
function nextTransition(c: { opensAt: Date; closesAt: Date; dueAt?: Date }): Date | null {
  const now = Date.now();
  for (const at of [c.opensAt, c.closesAt, c.dueAt]) if (at && at.getTime() > now) return at;
  return null;
}

/**
 * A page of one consultation: its scope, what workers derive from it (similar-comment groups,
 * the report build), the site's (its body's name), and its next opening or closing.
 */
export function shareConsultationPage(context: AppLoadContext, consultation: { id: string; opensAt: Date; closesAt: Date }): void {
  shareRender(context, [consultationScope(consultation.id), derivedScope(consultation.id), SITE_SCOPE], { until: nextTransition(consultation) });
}

/**
 * A page listing consultations: the site's scope and each one's (with what workers derive from
 * them when the page shows report builds), until the first of them opens or closes.
 */
export function shareListPage(context: AppLoadContext, consultations: { id: string; opensAt: Date; closesAt: Date; dueAt?: Date }[], options: { derived?: boolean } = {}): void {
  const until = consultations.map(nextTransition).filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
  const scopes = consultations.flatMap((c) => (options.derived ? [consultationScope(c.id), derivedScope(c.id)] : [consultationScope(c.id)]));
  shareRender(context, [SITE_SCOPE, ...scopes], { until });
}

/**
 * The key a page's forms send so a double submit stores one comment. A shared render gets a
 * fixed one, so two renders of the same data are the same bytes (one strong ETag): nothing can
 * be posted from it anyway — it carries no CSRF token, and signed-out posts are refused.
 */
export function formKeyFor(context: AppLoadContext): string {
  return context.shared ? "shared-render" : randomUUID();
}
