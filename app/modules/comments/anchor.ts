/**
 * W3C Web Annotation selectors on a block's plain text (see documents/plain-text.ts):
 * TextPosition (start, end: UTF-16 code units) + TextQuote (exact, prefix, suffix). Safe in the
 * browser: the selection script builds selectors with the same code the server checks them with.
 */
export const QUOTE_CONTEXT = 32;
export const EXACT_MAX = 2_000;

export interface TextSelector {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when an offset falls between the two halves of a surrogate pair (an emoji outside the BMP). */
export function splitsSurrogate(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** Up to QUOTE_CONTEXT code units before start / after end, never cutting an emoji in half. */
export function contextAround(text: string, start: number, end: number): { prefix: string; suffix: string } {
  let from = Math.max(0, start - QUOTE_CONTEXT);
  if (splitsSurrogate(text, from)) from += 1;
  let to = Math.min(text.length, end + QUOTE_CONTEXT);
  if (splitsSurrogate(text, to)) to -= 1;
  return { prefix: text.slice(from, start), suffix: text.slice(end, to) };
}

/** The selector for text[start..end), or undefined when the span is empty or cuts a character. */
export function selectorFor(text: string, start: number, end: number): TextSelector | undefined {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) return undefined;
  if (splitsSurrogate(text, start) || splitsSurrogate(text, end)) return undefined;
  return { start, end, exact: text.slice(start, end), ...contextAround(text, start, end) };
}

/** Shrinks a span so it neither starts nor ends with white space (a double-click often takes the space). */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

export type SelectorError = "errors.anchor_out_of_range" | "errors.anchor_mismatch" | "errors.anchor_too_long";

/** What the server checks: the quote really is the text at start..end of the block. */
export function verifySelector(text: string, selector: TextSelector): SelectorError | undefined {
  const { start, end, exact } = selector;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > text.length) return "errors.anchor_out_of_range";
  if (end - start > EXACT_MAX) return "errors.anchor_too_long";
  if (splitsSurrogate(text, start) || splitsSurrogate(text, end)) return "errors.anchor_out_of_range";
  if (text.slice(start, end) !== exact) return "errors.anchor_mismatch";
  return undefined;
}
