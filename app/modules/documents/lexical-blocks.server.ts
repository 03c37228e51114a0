/**
 * Turns the editor's documents (one Lexical document per language) into aligned draft blocks:
 * each top-level node is a block. h1/h2 → section; h3+ headings, or a paragraph that starts
 * with "Article 5." / "Статья 5." / "5-бап." → article (label split off); lists and tables are
 * blocks of their own. Languages are aligned by structure (article 7 is article 7 everywhere)
 * and lineage keys come from the structure, as for structured text.
 */
import type { BlockKind, Lang, Localized } from "~db/schema";
import { documentOf, isSerializedDocument, type SerializedDocument, type SerializedNode } from "./lexical-nodes";
import { plainTextOfHtml, renderBlockHtml } from "./render.server";
import { alignLanguages, parseStructuredText, type AlignmentError, type DraftBlock, type ParsedBlock } from "./structured-text";

export const LANGS: Lang[] = ["kk", "ru", "en"];

interface LexicalParsedBlock extends ParsedBlock {
  content: SerializedDocument;
}

function nodeText(node: SerializedNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "linebreak") return "\n";
  return (node.children ?? []).map(nodeText).join("");
}

/** Removes the first `count` code units of text from a node's text children (the article label). */
function stripLeading(node: SerializedNode, count: number): SerializedNode {
  let left = count;
  const strip = (n: SerializedNode): SerializedNode => {
    if (left <= 0) return n;
    if (n.type === "text") {
      const text = n.text ?? "";
      const cut = Math.min(left, text.length);
      left -= cut;
      return { ...n, text: text.slice(cut) };
    }
    if (n.type === "linebreak") {
      left -= 1;
      return { ...n, type: "text", text: "", detail: 0, format: 0, mode: "normal", style: "", version: 1 };
    }
    return { ...n, children: (n.children ?? []).map(strip).filter((c) => c.type !== "text" || (c.text ?? "") !== "") };
  };
  return strip(node);
}

function blockText(content: SerializedDocument): string {
  return plainTextOfHtml(renderBlockHtml(content, ""));
}

export function parseLexicalDocument(doc: SerializedDocument, lang: Lang): LexicalParsedBlock[] {
  const out: LexicalParsedBlock[] = [];
  for (const node of doc.root.children ?? []) {
    const raw = nodeText(node);
    if (raw.trim() === "" && node.type !== "table") continue;
    let kind: BlockKind = "paragraph";
    let number: string | undefined;
    let label: string | undefined;
    let content = node;
    const heading = node.type === "heading";
    // A whole list is one list_item block and a table a paragraph block: the kinds the schema
    // already has (their Lexical content says what they are).
    if (node.type === "list") kind = "list_item";
    else if (node.type === "table") kind = "paragraph";
    else if (heading || node.type === "paragraph" || node.type === "quote") {
      const firstLine = raw.trimStart();
      const parsed = parseStructuredText(firstLine.split("\n")[0], lang)[0];
      if (parsed?.kind === "article") {
        kind = "article";
        number = parsed.number;
        label = parsed.label;
        // Drop the label ("Статья 5. ") from the content: it is shown and stored separately.
        const labelLength = raw.length - raw.trimStart().length + (firstLine.split("\n")[0].length - parsed.text.length);
        content = stripLeading({ ...node, type: "heading", tag: "h3" }, labelLength);
      } else if (heading && (node.tag === "h1" || node.tag === "h2")) kind = "section";
      else if (heading) kind = "section";
    }
    const document = documentOf([content]);
    out.push({ kind, number, label, text: blockText(document), content: document });
  }
  return out;
}

export type LexicalDraftError = AlignmentError | { code: "errors.draft_json_invalid"; detail: string };

/** Aligns the three editors' documents into blocks with Lexical content and plain text per language. */
export function blocksFromLexical(docs: Partial<Record<Lang, unknown>>): { blocks: DraftBlock[] } | { error: LexicalDraftError } {
  const parsed: Partial<Record<Lang, LexicalParsedBlock[]>> = {};
  for (const lang of LANGS) {
    const doc = docs[lang];
    if (doc === undefined || doc === null) continue;
    if (!isSerializedDocument(doc)) return { error: { code: "errors.draft_json_invalid", detail: lang } };
    parsed[lang] = parseLexicalDocument(doc, lang);
  }
  const aligned = alignLanguages(parsed);
  if ("error" in aligned) return aligned;
  return {
    blocks: aligned.blocks.map((b, i) => {
      const content: Partial<Record<Lang, unknown>> = {};
      for (const lang of LANGS) if (parsed[lang]?.[i]) content[lang] = parsed[lang]![i].content;
      return { ...b, content };
    }),
  };
}

/** The editor documents of a version, rebuilt from its blocks (to start the next version from it). */
export function documentsFromBlocks(blocks: Array<{ kind: BlockKind; label: Localized | null; text: Localized; content: Partial<Record<Lang, unknown>> | null }>): Record<Lang, SerializedDocument> {
  const result = {} as Record<Lang, SerializedDocument>;
  for (const lang of LANGS) {
    const children: SerializedNode[] = [];
    for (const b of blocks) {
      const stored = b.content?.[lang];
      let nodes: SerializedNode[] = isSerializedDocument(stored) ? (stored.root.children ?? []) : [];
      if (nodes.length === 0) {
        const text = b.text[lang];
        if (text === "" && b.kind !== "article") continue;
        const textNode = { type: "text", text, detail: 0, format: 0, mode: "normal", style: "", version: 1 };
        if (b.kind === "section") nodes = [{ type: "heading", tag: "h2", children: [textNode], direction: null, format: "", indent: 0, version: 1 }];
        else if (b.kind === "article") nodes = [{ type: "heading", tag: "h3", children: [textNode], direction: null, format: "", indent: 0, version: 1 }];
        else nodes = [{ type: "paragraph", children: [textNode], direction: null, format: "", indent: 0, textFormat: 0, textStyle: "", version: 1 }];
      }
      if (b.kind === "article" && b.label?.[lang]) {
        // Put the label back in front of the heading text so the editor shows "Статья 5. …".
        const [first, ...rest] = nodes;
        const labelNode = { type: "text", text: `${b.label[lang]}. `, detail: 0, format: 0, mode: "normal", style: "", version: 1 };
        nodes = [{ ...first, children: [labelNode, ...(first.children ?? [])] }, ...rest];
      }
      children.push(...nodes);
    }
    result[lang] = documentOf(children);
  }
  return result;
}
