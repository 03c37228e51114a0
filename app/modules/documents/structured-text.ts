/**
 * Drafts entered as structured text, one block per line (until the rich editor lands):
 *   # Chapter 1. General provisions      → section heading
 *   Article 5. Grant amount / Статья 5. … / 5-бап. …   → article (label kept: "Article 5")
 *   - item  or  1) item                  → list item
 *   anything else                         → paragraph
 * Each language is parsed on its own and the versions are aligned block by block.
 */
import type { BlockKind, Lang, Localized } from "~db/schema";

export interface ParsedBlock {
  kind: BlockKind;
  /** The article number as written ("5", "12-1"), for articles only. */
  number?: string;
  label?: string;
  text: string;
}

const articlePatterns: RegExp[] = [
  /^(?:article|art\.)\s+(\d+(?:[-.]\d+)*)\s*\.?\s*(.*)$/i,
  /^(?:статья|ст\.)\s+(\d+(?:[-.]\d+)*)\s*\.?\s*(.*)$/i,
  /^(\d+(?:[-.]\d+)*)\s*-\s*бап\s*\.?\s*(.*)$/i,
];

const labelFor: Record<Lang, (n: string) => string> = {
  en: (n) => `Article ${n}`,
  ru: (n) => `Статья ${n}`,
  kk: (n) => `${n}-бап`,
};

export function parseStructuredText(source: string, lang: Lang): ParsedBlock[] {
  const blocks: ParsedBlock[] = [];
  for (const rawLine of source.replace(/\r\n?/g, "\n").split("\n")) {
    const line = rawLine.trim();
    if (line === "") continue;
    if (line.startsWith("#")) {
      blocks.push({ kind: "section", text: line.replace(/^#+\s*/, "") });
      continue;
    }
    const article = articlePatterns.map((p) => p.exec(line)).find(Boolean);
    if (article) {
      blocks.push({ kind: "article", number: article[1], label: labelFor[lang](article[1]), text: article[2].trim() });
      continue;
    }
    const item = /^(?:[-*•–]|\d+[).])\s+(.*)$/.exec(line);
    if (item) {
      blocks.push({ kind: "list_item", text: item[1].trim() });
      continue;
    }
    blocks.push({ kind: "paragraph", text: line });
  }
  return blocks;
}

export interface DraftBlock {
  key: string;
  kind: BlockKind;
  label: Localized | null;
  text: Localized;
  /** Lexical JSON per language, for blocks authored in the editor or imported from .docx. */
  content?: Partial<Record<Lang, unknown>>;
}

export type AlignmentError =
  | { code: "errors.draft_empty"; lang: Lang }
  | { code: "errors.draft_block_count"; lang: Lang; expected: number; actual: number }
  | { code: "errors.draft_block_kind"; lang: Lang; position: number };

/**
 * Aligns the languages into one list of blocks. Kazakh and Russian are required; English is
 * optional but, when given, must have the same structure. Lineage keys come from the
 * structure (art-5, art-5.p1, sec-2) so the next version of the same article keeps its key.
 */
export function alignLanguages(parsed: Partial<Record<Lang, ParsedBlock[]>>): { blocks: DraftBlock[] } | { error: AlignmentError } {
  const kk = parsed.kk ?? [];
  const ru = parsed.ru ?? [];
  if (ru.length === 0) return { error: { code: "errors.draft_empty", lang: "ru" } };
  if (kk.length === 0) return { error: { code: "errors.draft_empty", lang: "kk" } };
  const reference = ru;
  for (const lang of ["kk", "en"] as const) {
    const other = parsed[lang] ?? [];
    if (lang === "en" && other.length === 0) continue;
    if (other.length !== reference.length) {
      return { error: { code: "errors.draft_block_count", lang, expected: reference.length, actual: other.length } };
    }
    const mismatch = other.findIndex((b, i) => b.kind !== reference[i].kind);
    if (mismatch >= 0) return { error: { code: "errors.draft_block_kind", lang, position: mismatch + 1 } };
  }
  const keys = new Set<string>();
  let section = 0;
  let article: string | null = null;
  let child = 0;
  const blocks = reference.map((ref, i) => {
    const at = (lang: Lang) => parsed[lang]?.[i];
    let key: string;
    if (ref.kind === "section") {
      section += 1;
      article = null;
      child = 0;
      key = `sec-${section}`;
    } else if (ref.kind === "article") {
      article = `art-${ref.number}`;
      child = 0;
      key = article;
    } else {
      child += 1;
      key = `${article ?? `sec-${section}`}.${ref.kind === "list_item" ? "li" : "p"}${child}`;
    }
    // A repeated article number (a typo in the draft) must not break the unique key.
    let unique = key;
    for (let n = 2; keys.has(unique); n++) unique = `${key}~${n}`;
    keys.add(unique);
    const label: Localized | null =
      ref.kind === "article" ? { kk: at("kk")?.label ?? "", ru: at("ru")?.label ?? "", en: at("en")?.label ?? "" } : null;
    return {
      key: unique,
      kind: ref.kind,
      label,
      text: { kk: at("kk")?.text ?? "", ru: at("ru")?.text ?? "", en: at("en")?.text ?? "" },
    };
  });
  return { blocks };
}
