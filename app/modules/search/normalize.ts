/**
 * The one text normalization of search, used for indexing AND querying on every adapter:
 * lower case, Latin accents dropped, and the Kazakh-specific letters folded to their nearest
 * Russian-alphabet letters, because people often type "казакстан" for "Қазақстан" (ADR 0032).
 * Pure and browser-safe.
 */

const FOLD: Record<string, string> = {
  "қ": "к",
  "ғ": "г",
  "ң": "н",
  "ө": "о",
  "ұ": "у",
  "ү": "у",
  "һ": "х",
  "і": "и",
  "ә": "а",
  // Russian ё is written as е more often than not.
  "ё": "е",
};
const FOLD_RE = /[қғңөұүһіәё]/g;

/** Folds text for matching: case, Kazakh letters, ё, and accents on Latin letters. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    // Only marks on Latin letters: й and ё are Cyrillic letters of their own.
    .replace(/([a-z])[\u0300-\u036f]+/g, "$1")
    .normalize("NFC")
    .replace(FOLD_RE, (c) => FOLD[c] ?? c);
}

const WORD_RE = /[\p{L}\p{N}]+/gu;

/** The folded words of a text, in order (letters and digits only: safe to put in a tsquery). */
export function foldedWords(text: string): string[] {
  return foldText(text).match(WORD_RE) ?? [];
}

export const MAX_QUERY_WORDS = 32;
export const MAX_WORD_LENGTH = 64;

/**
 * The words of a user's query, folded: anything that is not a letter or digit (quotes, SQL,
 * filter syntax, punctuation) separates words and is otherwise ignored, so nothing a user
 * types is ever interpreted as syntax.
 */
export function queryWords(q: string): string[] {
  const words: string[] = [];
  for (const w of foldedWords(q.slice(0, 10_000))) {
    if (w.length > MAX_WORD_LENGTH) continue;
    if (!words.includes(w)) words.push(w);
    if (words.length >= MAX_QUERY_WORDS) break;
  }
  return words;
}

/** Typos allowed in a query word, the same rule as Meilisearch's defaults (5 → one, 9 → two). */
export function typoBudget(word: string): number {
  const length = [...word].length;
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transposition), capped at max+1. */
export function editDistance(a: string, b: string, max = 2): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= s.length; i++) rows.push(Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= s.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) v = Math.min(v, rows[i - 2][j - 2] + 1);
      rows[i][j] = v;
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
  }
  return rows[s.length][t.length];
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * Whether a folded word of the text answers a folded query word: the same word, a longer form
 * of it (Kazakh suffixes, Russian endings), a shared stem, or within the typo budget.
 */
export function wordMatches(textWord: string, queryWord: string): boolean {
  if (textWord === queryWord) return true;
  if (queryWord.length >= 3 && textWord.startsWith(queryWord)) return true;
  const shorter = Math.min(textWord.length, queryWord.length);
  if (shorter >= 5 && commonPrefix(textWord, queryWord) >= Math.max(4, shorter - 3)) return true;
  const budget = typoBudget(queryWord);
  // Lengths further apart than the budget can never be within it (code units bound code points loosely: checked again in editDistance).
  if (budget === 0 || Math.abs(textWord.length - queryWord.length) > budget * 2) return false;
  return editDistance(textWord, queryWord, budget) <= budget;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * A snippet of `text` around the first match, HTML-escaped, with matching words wrapped in
 * <mark>: the only markup it can contain, whatever the text or the query.
 */
export function highlight(text: string, words: string[], maxLength = 280): string {
  const spans: { start: number; end: number }[] = [];
  if (words.length) {
    // A text repeats its words: each distinct word is folded and compared once.
    const seen = new Map<string, boolean>();
    for (const m of text.matchAll(WORD_RE)) {
      let hit = seen.get(m[0]);
      if (hit === undefined) {
        const folded = foldText(m[0]);
        hit = words.some((w) => wordMatches(folded, w));
        seen.set(m[0], hit);
      }
      if (hit) spans.push({ start: m.index!, end: m.index! + m[0].length });
    }
  }
  let from = 0;
  let to = text.length;
  if (text.length > maxLength) {
    const first = spans[0]?.start ?? 0;
    from = Math.max(0, first - Math.floor(maxLength / 4));
    if (from > 0) {
      const space = text.indexOf(" ", from);
      if (space !== -1 && space < first) from = space + 1;
    }
    to = Math.min(text.length, from + maxLength);
    if (to < text.length) {
      const space = text.lastIndexOf(" ", to);
      if (space > from + maxLength / 2) to = space;
    }
  }
  let out = from > 0 ? "…" : "";
  let at = from;
  for (const span of spans) {
    if (span.end <= from || span.start >= to) continue;
    const start = Math.max(span.start, from);
    const end = Math.min(span.end, to);
    out += escapeHtml(text.slice(at, start)) + "<mark>" + escapeHtml(text.slice(start, end)) + "</mark>";
    at = end;
  }
  out += escapeHtml(text.slice(at, to));
  if (to < text.length) out += "…";
  return out;
}
