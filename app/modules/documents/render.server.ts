/**
 * Server rendering of blocks: Lexical JSON → HTML with a headless editor, then an allow-list
 * sanitizer (nothing from the JSON is trusted: a crafted import or API call could carry any
 * text or URL), then highlights for annotations, placed by the shared plain-text walk.
 */
import { createHeadlessEditor } from "@lexical/headless";
import { withDOM } from "@lexical/headless/dom";
import { $generateHtmlFromNodes } from "@lexical/html";
import render from "dom-serializer";
import { Element, Text, type ChildNode } from "domhandler";
import { parseDocument } from "htmlparser2";
import sanitizeHtml from "sanitize-html";
import { documentOf, draftNodes, isSerializedDocument, type SerializedNode } from "./lexical-nodes";
import { mergeHighlights, type HighlightSegment } from "./highlights";
import { plainText, segmentsInRange, walkPlainText, type PlainNode } from "./plain-text";

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "b", "strong", "i", "em", "u", "s", "sub", "sup", "code", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "a", "span", "blockquote"],
  allowedAttributes: { a: ["href"], ol: ["start"], li: ["value"], td: ["colspan", "rowspan"], th: ["colspan", "rowspan"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Everything inside a dropped element that is not markup (script bodies, style sheets) goes too.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "template", "iframe", "object", "embed", "svg", "math"],
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "nofollow noopener noreferrer" } }),
  },
  allowedAttributesAppliedToAttributes: undefined,
} as sanitizeHtml.IOptions;
(sanitizeOptions.allowedAttributes as Record<string, string[]>).a.push("rel");

export function sanitizeBlockHtml(html: string): string {
  return sanitizeHtml(html, sanitizeOptions);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function headlessHtml(children: SerializedNode[]): string {
  if (children.length === 0) return "";
  const editor = createHeadlessEditor({ nodes: draftNodes, onError: (error) => { throw error; } });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(documentOf(children))));
  return withDOM(() => editor.getEditorState().read(() => $generateHtmlFromNodes(editor, null)));
}

/**
 * Tables are written here, cell by cell (each cell's content through the headless editor):
 * Lexical 0.52's $generateHtmlFromNodes leaves a table out when nothing is selected.
 */
function tableHtml(table: SerializedNode): string {
  const rows = (table.children ?? []).map((row) => {
    const cells = (row.children ?? []).map((cell) => {
      const tag = typeof cell.headerState === "number" && cell.headerState > 0 ? "th" : "td";
      const span = (name: string, value: unknown) => (typeof value === "number" && value > 1 ? ` ${name}="${Math.floor(value)}"` : "");
      return `<${tag}${span("colspan", cell.colSpan)}${span("rowspan", cell.rowSpan)}>${headlessHtml(cell.children ?? [])}</${tag}>`;
    });
    return `<tr>${cells.join("")}</tr>`;
  });
  return `<table><tbody>${rows.join("")}</tbody></table>`;
}

/** Lexical JSON to HTML with the headless editor (happy-dom provides the DOM). Throws on bad JSON. */
export function lexicalToHtml(content: unknown): string {
  if (!isSerializedDocument(content)) throw new Error("not a Lexical document");
  let html = "";
  let run: SerializedNode[] = [];
  for (const node of content.root.children ?? []) {
    if (node.type === "table") {
      html += headlessHtml(run) + tableHtml(node);
      run = [];
    } else run.push(node);
  }
  return html + headlessHtml(run);
}

const cache = new Map<string, string>();
const CACHE_MAX = 5_000;

/**
 * A block's sanitized HTML: from its Lexical JSON when it has one, else its plain text as a
 * paragraph. `cacheKey` (block id + language) may be given for immutable blocks.
 */
export function renderBlockHtml(content: unknown, text: string, cacheKey?: string): string {
  if (cacheKey && cache.has(cacheKey)) return cache.get(cacheKey)!;
  let html: string;
  if (content) {
    try {
      html = sanitizeBlockHtml(lexicalToHtml(content));
    } catch {
      html = `<p>${escapeHtml(text)}</p>`;
    }
  } else html = `<p>${escapeHtml(text)}</p>`;
  if (cacheKey) {
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(cacheKey, html);
  }
  return html;
}

/** The plain text of sanitized block HTML: what blocks.text stores and offsets count in. */
export function plainTextOfHtml(html: string): string {
  return plainText(parseDocument(html) as unknown as PlainNode);
}

export interface Highlight {
  id: string;
  start: number;
  end: number;
}

/** How many covering annotations a mark lists in data-annotation-ids (its count says how many in all). */
export const MAX_IDS_PER_MARK = 10;

/**
 * Wraps each merged segment of the highlights (highlights.ts) in one
 * <mark data-annotation-id="…"> — the innermost annotation covering it, the one a click opens —
 * with data-annotation-ids listing the covering ones (up to MAX_IDS_PER_MARK) and
 * data-annotation-count when more than one covers it. Overlaps no longer nest marks.
 */
export function highlightHtml(html: string, highlights: Highlight[]): string {
  return markSegments(html, mergeHighlights(highlights));
}

export function markSegments(html: string, segments: HighlightSegment[]): string {
  if (segments.length === 0) return html;
  const doc = parseDocument(html);
  const walk = walkPlainText(doc as unknown as PlainNode);
  // Cut points per text node, each piece then wrapped in the mark of its segment.
  const perNode = new Map<Text, Array<{ from: number; to: number; segment: HighlightSegment }>>();
  for (const segment of segments) {
    for (const piece of segmentsInRange(walk, segment.start, segment.end)) {
      const node = piece.node as unknown as Text;
      if (!perNode.has(node)) perNode.set(node, []);
      perNode.get(node)!.push({ from: piece.from, to: piece.to, segment });
    }
  }
  for (const [node, pieces] of perNode) {
    pieces.sort((a, b) => a.from - b.from);
    const replacement: ChildNode[] = [];
    let at = 0;
    for (const piece of pieces) {
      if (piece.from > at) replacement.push(new Text(node.data.slice(at, piece.from)));
      const ids = piece.segment.ids;
      const attribs: Record<string, string> = { "data-annotation-id": ids[0], tabindex: "0", class: ids.length > 1 ? "annotation annotation--overlap" : "annotation" };
      if (ids.length > 1) {
        attribs["data-annotation-ids"] = ids.slice(0, MAX_IDS_PER_MARK).join(" ");
        attribs["data-annotation-count"] = String(ids.length);
      }
      const text = new Text(node.data.slice(piece.from, piece.to));
      const mark = new Element("mark", attribs, [text]);
      text.parent = mark;
      replacement.push(mark);
      at = piece.to;
    }
    if (at < node.data.length) replacement.push(new Text(node.data.slice(at)));
    const parent = node.parent!;
    const index = parent.children.indexOf(node);
    for (const r of replacement) r.parent = parent;
    parent.children.splice(index, 1, ...replacement);
    for (let i = 0; i < parent.children.length; i++) {
      parent.children[i].prev = parent.children[i - 1] ?? null;
      parent.children[i].next = parent.children[i + 1] ?? null;
    }
  }
  return render(doc, { encodeEntities: "utf8" });
}
