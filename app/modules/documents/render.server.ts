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

/**
 * Wraps each highlight's text in <mark data-annotation-id>. Overlaps nest: a piece covered by
 * two annotations sits in two marks (outer = the one that starts first).
 */
export function highlightHtml(html: string, highlights: Highlight[]): string {
  if (highlights.length === 0) return html;
  const doc = parseDocument(html);
  const walk = walkPlainText(doc as unknown as PlainNode);
  const ordered = [...highlights].sort((a, b) => a.start - b.start || b.end - a.end);
  // Cut points per text node, then wrap each piece in the marks that cover it.
  const perNode = new Map<Text, Set<number>>();
  for (const h of ordered) {
    for (const piece of segmentsInRange(walk, h.start, h.end)) {
      const node = piece.node as unknown as Text;
      if (!perNode.has(node)) perNode.set(node, new Set([0, node.data.length]));
      perNode.get(node)!.add(piece.from).add(piece.to);
    }
  }
  for (const [node, cutSet] of perNode) {
    const segment = walk.segments.find((s) => s.node === (node as unknown as PlainNode))!;
    const cuts = [...cutSet].sort((a, b) => a - b);
    const replacement: ChildNode[] = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const from = cuts[i];
      const to = cuts[i + 1];
      if (from === to) continue;
      let piece: ChildNode = new Text(node.data.slice(from, to));
      const covering = ordered.filter((h) => h.start <= segment.start + from && h.end >= segment.start + to);
      for (const h of [...covering].reverse()) {
        const mark: Element = new Element("mark", { "data-annotation-id": h.id, tabindex: "0", class: covering.length > 1 ? "annotation annotation--overlap" : "annotation" }, [piece]);
        piece.parent = mark;
        piece = mark;
      }
      replacement.push(piece);
    }
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
