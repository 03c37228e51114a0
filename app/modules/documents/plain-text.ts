/**
 * THE plain text of a rendered block, used for annotation offsets. The server runs it on the
 * sanitized HTML (parsed with htmlparser2) and the browser on the live DOM, so `start`/`end`
 * (UTF-16 code units) mean the same on both sides. blocks.text stores its result.
 *
 * Rules: text nodes verbatim; <br> is "\n"; a block-level element starts with "\n" (a table
 * cell after the first with "\t") unless the text is empty or already ends in one of them;
 * elements marked data-plain-skip (margin counts, buttons) are left out; <mark> and other
 * inline elements are transparent.
 */

/** The little of the DOM the walk needs: satisfied by browser nodes and by domhandler nodes. */
export interface PlainNode {
  nodeType: number;
  nodeValue?: string | null;
  nodeName?: string;
  tagName?: string;
  childNodes: ArrayLike<PlainNode>;
  getAttribute?: (name: string) => string | null;
  attribs?: Record<string, string>;
  parentNode?: PlainNode | null;
}

export interface TextSegment {
  node: PlainNode;
  start: number;
  end: number;
}

const BLOCK_TAGS = new Set([
  "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot", "tr",
  "blockquote", "pre", "section", "article", "header", "footer", "figure", "figcaption", "caption",
]);
const SKIP_TAGS = new Set(["script", "style", "template", "noscript"]);

function tagOf(node: PlainNode): string {
  return (node.tagName ?? node.nodeName ?? "").toLowerCase();
}

function attrOf(node: PlainNode, name: string): string | null {
  if (typeof node.getAttribute === "function") return node.getAttribute(name);
  return node.attribs?.[name] ?? null;
}

export interface PlainTextWalk {
  text: string;
  segments: TextSegment[];
  /** Offsets of element boundaries: key "before child i of node" → offset. */
  boundary: (node: PlainNode, childIndex: number) => number | undefined;
}

/** Walks a block's content once and returns its plain text, text-node segments and boundaries. */
export function walkPlainText(root: PlainNode): PlainTextWalk {
  let text = "";
  const segments: TextSegment[] = [];
  const boundaries = new Map<PlainNode, number[]>();
  const separate = (sep: string) => {
    if (text.length > 0 && !/[\n\t]$/.test(text)) text += sep;
  };
  const visit = (node: PlainNode, isRoot: boolean) => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? "";
      segments.push({ node, start: text.length, end: text.length + value.length });
      text += value;
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = tagOf(node);
    if (!isRoot) {
      if (SKIP_TAGS.has(tag) || attrOf(node, "data-plain-skip") !== null) return;
      if (tag === "br") {
        text += "\n";
        return;
      }
      if (tag === "td" || tag === "th") {
        const parent = node.parentNode;
        const first = !parent || Array.prototype.filter.call(parent.childNodes, (c: PlainNode) => c.nodeType === 1)[0] === node;
        separate(first ? "\n" : "\t");
      } else if (BLOCK_TAGS.has(tag)) separate("\n");
    }
    const offsets: number[] = [];
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      offsets.push(text.length);
      visit(children[i], false);
    }
    offsets.push(text.length);
    boundaries.set(node, offsets);
  };
  visit(root, true);
  return { text, segments, boundary: (node, i) => boundaries.get(node)?.[i] };
}

export function plainText(root: PlainNode): string {
  return walkPlainText(root).text;
}

/**
 * The plain-text offset of a DOM point (a Range boundary): a text node and a code-unit offset,
 * or an element and a child index. undefined when the point is outside the block.
 */
export function offsetOfPoint(walk: PlainTextWalk, container: PlainNode, offset: number): number | undefined {
  if (container.nodeType === 3) {
    const segment = walk.segments.find((s) => s.node === container);
    return segment ? segment.start + Math.min(offset, segment.end - segment.start) : undefined;
  }
  return walk.boundary(container, offset);
}

/** The text-node pieces covering [start, end): what a highlight wraps. */
export function segmentsInRange(walk: PlainTextWalk, start: number, end: number): Array<{ node: PlainNode; from: number; to: number }> {
  const out: Array<{ node: PlainNode; from: number; to: number }> = [];
  for (const s of walk.segments) {
    const from = Math.max(start, s.start);
    const to = Math.min(end, s.end);
    if (from < to) out.push({ node: s.node, from: from - s.start, to: to - s.start });
  }
  return out;
}
