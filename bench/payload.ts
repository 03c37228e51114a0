/**
 * What a page ships (issue 11, point 10): its HTML, the Remix handoff (the
 * `window.__remixContext = …;` script that carries every loader's data to the browser), the
 * translations inside it, how it is compressed when the client accepts gzip and brotli, and
 * texts sent twice — once as HTML and again in the handoff, or several times in the handoff.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** Texts at least this long are compared (shorter ones repeat by nature: labels, dates, names). */
export const REPEAT_MIN_CHARS = 200;

export interface Payload {
  /** Body bytes as sent without Accept-Encoding. */
  bytes: number;
  /** Bytes of the handoff scripts' contents (0 when the response has none, e.g. JSON). */
  handoffBytes: number;
  /** Serialized size of the translation resources found in the handoff, and where. */
  translationsBytes: number;
  translationsWhere: string[];
  /** UI strings of locales/en (≥ 24 characters) found in the handoff, of all such strings. */
  uiStringsInHandoff: number;
  uiStrings: number;
  /** What the server sent for `Accept-Encoding: gzip, br`. */
  sentEncoding: string;
  sentBytes: number;
  /** What node:zlib makes of the identity body: gzip level 6, brotli quality 5 (levels a server uses for pages made per request). */
  gzipBytes: number;
  brotliBytes: number;
  /** Handoff strings (≥ REPEAT_MIN_CHARS) whose text is also in the page's HTML. */
  inBoth: Repeats;
  /** Handoff strings (≥ REPEAT_MIN_CHARS) that occur more than once in the handoff (extra copies counted). */
  inHandoffTwice: Repeats;
}

export interface Repeats {
  count: number;
  bytes: number;
  largest: { bytes: number; preview: string }[];
}

const root = path.resolve(import.meta.dirname, "..");

let uiStrings: string[] | undefined;
/** Every English UI string of 24+ characters: short ones ("Sign in") would match page text by chance. */
function englishUiStrings(): string[] {
  if (uiStrings) return uiStrings;
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "string") {
      if (v.length >= 24) out.push(v);
    } else if (v && typeof v === "object") for (const x of Object.values(v)) walk(x);
  };
  const dir = path.join(root, "locales", "en");
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".json"))) walk(JSON.parse(readFileSync(path.join(dir, f), "utf8")));
  uiStrings = out;
  return out;
}

/** The contents of every <script> that belongs to the handoff (the context, and deferred/streamed chunks). */
function handoffScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) if (m[1].includes("__remixContext")) out.push(m[1]);
  return out;
}

/** The JSON object after `window.__remixContext = ` (a string-aware brace scan: more statements may follow it). */
function contextObject(script: string): unknown {
  const start = script.indexOf("{", script.indexOf("__remixContext"));
  if (start < 0) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = start; i < script.length; i++) {
    const c = script[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) {
      try {
        return JSON.parse(script.slice(start, i + 1));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function collect(value: unknown, at: string, strings: string[], resources: { where: string; bytes: number }[]) {
  if (typeof value === "string") strings.push(value);
  else if (Array.isArray(value)) value.forEach((v, i) => collect(v, `${at}[${i}]`, strings, resources));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      // i18next resources: { <lang>: { <namespace>: {...} } } under a "resources" key.
      if (k === "resources" && v && typeof v === "object") {
        const langs = Object.entries(v as Record<string, object>).map(([lang, ns]) => `${lang}: ${Object.keys(ns ?? {}).join(", ")}`);
        resources.push({ where: `${at}.resources (${langs.join("; ")})`, bytes: Buffer.byteLength(JSON.stringify(v)) });
      }
      collect(v, at ? `${at}.${k}` : k, strings, resources);
    }
  }
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

function summarize(items: string[]): Repeats {
  const sorted = [...items].sort((a, b) => Buffer.byteLength(b) - Buffer.byteLength(a));
  return {
    count: items.length,
    bytes: items.reduce((n, s) => n + Buffer.byteLength(s), 0),
    largest: sorted.slice(0, 3).map((s) => ({ bytes: Buffer.byteLength(s), preview: s.slice(0, 48) })),
  };
}

/** Analyses one response: `identity` is its body without compression, `compressed` the answer to `Accept-Encoding: gzip, br`. */
export function analysePayload(identity: Buffer, compressed: { encoding: string; bytes: number }): Payload {
  const html = identity.toString("utf8");
  const scripts = handoffScripts(html);
  const strings: string[] = [];
  const resources: { where: string; bytes: number }[] = [];
  for (const script of scripts) collect(contextObject(script), "", strings, resources);
  const handoffText = scripts.join("\n");

  // The page as a reader sees it: no scripts or styles, no tags, entities decoded, spaces squashed;
  // and its markup without scripts (a handoff string may be an HTML fragment).
  const markup = html.replace(/<script\b[\s\S]*?<\/script>/g, "").replace(/<style\b[\s\S]*?<\/style>/g, "");
  const visible = squash(decodeEntities(markup.replace(/<[^>]*>/g, "")));
  const markupSquashed = squash(markup);

  const long = strings.filter((s) => s.length >= REPEAT_MIN_CHARS);
  const seen = new Map<string, number>();
  for (const s of long) seen.set(s, (seen.get(s) ?? 0) + 1);
  const inBoth: string[] = [];
  const twice: string[] = [];
  for (const [s, times] of seen) {
    const text = squash(s);
    if (visible.includes(text) || markupSquashed.includes(text)) inBoth.push(s);
    for (let i = 1; i < times; i++) twice.push(s);
  }
  const ui = englishUiStrings();
  return {
    bytes: identity.length,
    handoffBytes: scripts.reduce((n, s) => n + Buffer.byteLength(s), 0),
    translationsBytes: resources.reduce((n, r) => n + r.bytes, 0),
    translationsWhere: resources.map((r) => r.where),
    uiStringsInHandoff: scripts.length ? ui.filter((s) => handoffText.includes(JSON.stringify(s).slice(1, -1))).length : 0,
    uiStrings: ui.length,
    sentEncoding: compressed.encoding,
    sentBytes: compressed.bytes,
    gzipBytes: gzipSync(identity).length,
    brotliBytes: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }).length,
    inBoth: summarize(inBoth),
    inHandoffTwice: summarize(twice),
  };
}
