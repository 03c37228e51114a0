/** The open-data (JSON API) shapes. Field names are a public contract: add, never rename. */
import { json } from "@remix-run/node";
import type { CommentView } from "~/modules/comments/queries.server";
import type { BlockView, ConsultationSummary, VersionInfo } from "./queries.server";

export function consultationJson(c: ConsultationSummary) {
  return {
    slug: c.slug,
    type: c.type,
    status: c.status,
    title: c.title,
    summary: c.summary,
    explanatoryNote: c.explanatoryNote,
    body: { slug: c.organization.slug, name: c.organization.name },
    opensAt: c.opensAt.toISOString(),
    closesAt: c.closesAt.toISOString(),
    shortPeriodJustification: c.shortPeriodJustification,
    commentCount: c.commentCount,
  };
}

export function blockJson(b: BlockView) {
  return { id: b.id, key: b.key, kind: b.kind, label: b.label, text: b.text, position: b.position, commentCount: b.commentCount };
}

export function versionJson(v: VersionInfo) {
  return { number: v.number, publishedAt: v.publishedAt?.toISOString() ?? null, blockCount: v.blockCount };
}

export function commentJson(c: CommentView) {
  return {
    id: c.id,
    blockId: c.blockId,
    body: c.body,
    lang: c.lang,
    author: { name: c.author.name, organization: c.author.organization },
    createdAt: c.createdAt.toISOString(),
    editedAt: c.editedAt?.toISOString() ?? null,
    parentId: c.parentId,
    // W3C Web Annotation selector (TextPosition + TextQuote) on the block's plain text; null for a plain comment.
    selector: c.selector ? { blockId: c.selector.blockId, start: c.selector.start, end: c.selector.end, exact: c.selector.exact, prefix: c.selector.prefix, suffix: c.selector.suffix, lang: c.selector.lang } : null,
    supportCount: c.supportCount,
  };
}

/** Open data is public and cacheable for a short while; any site may read it. */
export function openDataResponse(data: unknown, init: { status?: number } = {}) {
  return json(data, {
    status: init.status ?? 200,
    headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=30", "Content-Type": "application/json; charset=utf-8" },
  });
}

export function apiError(status: number, code: string, message: string) {
  return json({ error: { code, message } }, { status, headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "no-store" } });
}
