/**
 * Moves an annotation's anchor onto the next version of its block (same lineage key): the exact
 * quote first (the occurrence whose prefix/suffix fit best), then a fuzzy match between the old
 * prefix and suffix; otherwise the annotation is orphaned and shown with its original quote.
 */
import { diffChars } from "diff";
import { contextAround, splitsSurrogate, type TextSelector } from "~/modules/comments/anchor";

export type Reanchored =
  | { status: "exact" | "fuzzy"; start: number; end: number; exact: string }
  | { status: "orphaned" };

/** Share of characters two strings have in common (0..1), from a character diff. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  let common = 0;
  for (const part of diffChars(a, b)) if (!part.added && !part.removed) common += part.value.length;
  return (2 * common) / (a.length + b.length);
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (needle === "") return out;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

export const FUZZY_THRESHOLD = 0.6;

export function reanchor(old: TextSelector, text: string): Reanchored {
  // 1. Exact quote. With repeats ("5 000 000 тенге" twice), the context decides, then closeness.
  const exactHits = occurrences(text, old.exact);
  if (exactHits.length > 0) {
    let best = exactHits[0];
    let bestScore = -Infinity;
    for (const at of exactHits) {
      const ctx = contextAround(text, at, at + old.exact.length);
      const score = commonSuffixLength(ctx.prefix, old.prefix) + commonPrefixLength(ctx.suffix, old.suffix) - Math.abs(at - old.start) / 1e6;
      if (score > bestScore) {
        bestScore = score;
        best = at;
      }
    }
    return { status: "exact", start: best, end: best + old.exact.length, exact: old.exact };
  }
  // 2. Fuzzy: the span the old context still frames, if it resembles the old quote.
  const candidates: Array<{ start: number; end: number }> = [];
  const prefixEnds = old.prefix === "" ? (old.start === 0 ? [0] : []) : occurrences(text, old.prefix).map((i) => i + old.prefix.length);
  const suffixStarts = old.suffix === "" ? [text.length] : occurrences(text, old.suffix);
  for (const s of prefixEnds) {
    const e = suffixStarts.find((x) => x > s && x - s <= old.exact.length * 2 + 16);
    if (e !== undefined) candidates.push({ start: s, end: e });
    candidates.push({ start: s, end: Math.min(text.length, s + old.exact.length) });
  }
  for (const e of suffixStarts) candidates.push({ start: Math.max(0, e - old.exact.length), end: e });
  let best: { start: number; end: number; score: number } | undefined;
  for (const c of candidates) {
    let { start, end } = c;
    if (splitsSurrogate(text, start)) start += 1;
    if (splitsSurrogate(text, end)) end -= 1;
    if (end <= start) continue;
    const score = similarity(old.exact, text.slice(start, end));
    if (score >= FUZZY_THRESHOLD && (!best || score > best.score)) best = { start, end, score };
  }
  if (best) return { status: "fuzzy", start: best.start, end: best.end, exact: text.slice(best.start, best.end) };
  return { status: "orphaned" };
}
