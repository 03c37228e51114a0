/**
 * Server HTML islands (ADR 0066): large, read-only HTML a page renders on the server (the
 * draft's blocks) travels ONCE in a document response — in the HTML — and not a second time in
 * the Remix data the browser hydrates from. The browser takes it from the DOM when hydrating
 * (ServerHtml); a client navigation, which has no DOM of the page yet, gets it in the data.
 */
import type { AppLoadContext } from "@remix-run/node";

/**
 * Hands `html` to the page: returns it for a data request (client navigation) and null for a
 * document request, where it is rendered from the request's island map instead.
 */
export function island(context: AppLoadContext, id: string, html: string): string | null {
  if (!context.islands) return html;
  context.islands.set(id, html);
  return null;
}
