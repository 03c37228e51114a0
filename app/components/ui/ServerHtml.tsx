/**
 * A server-rendered, sanitized HTML island (ADR 0066). On the server the HTML comes from the
 * loader data or the request's island map; in the browser, when the data does not carry it
 * (the document request did not duplicate it), from the element the server rendered.
 */
import { createContext, createElement, useContext, type AllHTMLAttributes } from "react";

export const IslandsContext = createContext<ReadonlyMap<string, string> | undefined>(undefined);

/** What each island held when the page was hydrated, so re-renders give React the same string. */
const fromDocument = new Map<string, string>();

function documentHtml(id: string): string {
  if (typeof document === "undefined") return "";
  if (!fromDocument.has(id)) fromDocument.set(id, document.getElementById(id)?.innerHTML ?? "");
  return fromDocument.get(id)!;
}

export function ServerHtml({ id, html, as = "div", ...rest }: { id: string; html: string | null | undefined; as?: "div" | "section" | "nav" | "ol" } & AllHTMLAttributes<HTMLElement> & Record<`data-${string}`, string>) {
  const islands = useContext(IslandsContext);
  const content = html ?? islands?.get(id) ?? documentHtml(id);
  if (html != null && typeof document !== "undefined") fromDocument.set(id, html);
  return createElement(as, { ...rest, id, dangerouslySetInnerHTML: { __html: content }, suppressHydrationWarning: true });
}
