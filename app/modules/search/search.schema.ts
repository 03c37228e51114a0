/**
 * The search contract: documents, queries and results every SearchIndex adapter shares, and the
 * zod schema of the public query parameters (GET /api/v1/search and /{lang}/search).
 * Browser-safe.
 */
import { z } from "zod";
import type { Lang, SearchKind } from "~db/schema";

export type { SearchKind };
/** Every kind of document, in the order results are grouped on the page. */
export const searchKinds = ["consultation", "block", "comment", "annotation", "answer"] as const satisfies readonly SearchKind[];
/** Answer status of a submission ("unanswered" until the body answers); answers carry their own. */
export const answerStatuses = ["unanswered", "accepted", "partially_accepted", "not_accepted", "noted"] as const;
export type AnswerStatus = (typeof answerStatuses)[number];
export const facetNames = ["consultation", "kind", "status", "lang"] as const;
export type FacetName = (typeof facetNames)[number];

/** One searchable document, as a source builds it from PostgreSQL and an adapter stores it. */
export interface SearchDocument {
  /** Unique across kinds; only [A-Za-z0-9_-] (Meilisearch's rule): `${kind}_${sourceId}[_${lang}]`. */
  id: string;
  kind: SearchKind;
  /** The row it comes from (consultation, block, comment, response id). */
  sourceId: string;
  consultationId: string | null;
  consultationSlug: string;
  consultationTitle: string;
  blockId: string | null;
  blockLabel: string | null;
  lang: Lang;
  status: AnswerStatus | null;
  /** individual | ngo | government_body | other */
  authorType: string | null;
  text: string;
  /** The annotated span (annotations). */
  quote: string | null;
  /** The official answer's text (answers). */
  answer: string | null;
  date: Date;
  support: number;
  /** Where it is shown, after /{lang}: "/consultations/slug#block-x". */
  path: string;
  /** When this copy was written to the index: a rebuild removes older copies. */
  indexedAt: Date;
}

export const authorTypes = ["individual", "ngo", "government_body", "other"] as const;
export const sortOrders = ["relevance", "date", "support"] as const;
export type SortOrder = (typeof sortOrders)[number];

export interface SearchFilters {
  consultation?: string;
  kind?: SearchKind[];
  status?: AnswerStatus[];
  lang?: Lang[];
  /** One block (article) of a draft. */
  blockId?: string;
  authorType?: string[];
  /** Documents dated on or after `from` and before `to`. */
  from?: Date;
  to?: Date;
  /** relevance (default; newest first without a query), date (newest first), support (most first). */
  sort?: SortOrder;
}

export interface SearchQuery extends SearchFilters {
  q: string;
  limit: number;
  offset: number;
}

export interface SearchHit {
  document: SearchDocument;
  /** HTML: the text escaped, matching words in <mark>. */
  highlight: string;
}

export type Facets = Record<FacetName, Record<string, number>>;

export interface SearchResult {
  /** Matches: exact when `totalExact`, otherwise an estimate (more than the adapter counts exactly). */
  total: number;
  /**
   * Whether `total` and the facet counts are exact. When false (very common words), `total` is
   * an estimate and each facet count is a lower bound (ADR 0067).
   */
  totalExact: boolean;
  hits: SearchHit[];
  facets: Facets;
}

/** The port: what the app needs from a search engine. */
export interface SearchIndex {
  /** "postgres" or "meilisearch:<index uid>": recorded when a full build completes. */
  readonly name: string;
  /** Creates or updates the index and its settings; idempotent. */
  setup(): Promise<void>;
  /** Adds or replaces documents by id. */
  index(documents: SearchDocument[]): Promise<void>;
  /** Removes documents by id; unknown ids are ignored. */
  remove(ids: string[]): Promise<void>;
  /** Removes every document written before `time` (the end of a full rebuild). */
  removeIndexedBefore(time: Date): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  count(): Promise<number>;
}

export const MAX_QUERY_LENGTH = 10_000;
export const MAX_LIMIT = 100;
export const MAX_OFFSET = 10_000;

const list = <T extends string>(values: readonly [T, ...T[]], name: string) =>
  z
    .array(z.string())
    .transform((raw) => raw.flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== ""))
    .superRefine((items, ctx) => {
      const bad = items.filter((v) => !(values as readonly string[]).includes(v));
      if (bad.length) ctx.addIssue({ code: "custom", message: `${name} must be one or more of ${values.join(", ")} (got "${bad[0].slice(0, 40)}")` });
    })
    .transform((items) => (items.length ? ([...new Set(items)] as T[]) : undefined));

function isoDate(raw: string | undefined, name: string, ctx: z.RefinementCtx): Date | undefined {
  if (raw === undefined || raw === "") return undefined;
  const date = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(raw) ? new Date(raw) : new Date(NaN);
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: "custom", message: `${name} must be a date like 2026-12-01 (got "${raw.slice(0, 30)}")` });
    return z.NEVER;
  }
  return date;
}

/** Opaque pagination cursor: the offset of the next page. */
export function encodeCursor(offset: number): string {
  return `o${offset.toString(36)}`;
}

export function decodeCursor(cursor: string): number | undefined {
  if (!/^o[0-9a-z]{1,6}$/.test(cursor)) return undefined;
  const n = Number.parseInt(cursor.slice(1), 36);
  return Number.isSafeInteger(n) && n >= 0 && n <= MAX_OFFSET ? n : undefined;
}

/** The query parameters, each a list of the values given (repeated or comma-separated). */
export const searchParamsSchema = z.object({
  q: z
    .array(z.string())
    .transform((v) => v[0] ?? "")
    .superRefine((q, ctx) => {
      if (q.length > MAX_QUERY_LENGTH) ctx.addIssue({ code: "custom", message: `q must be at most ${MAX_QUERY_LENGTH} characters (got ${q.length})` });
    }),
  consultation: z
    .array(z.string())
    .transform((v) => v[0]?.trim() || undefined)
    .superRefine((slug, ctx) => {
      if (slug !== undefined && !/^[a-z0-9][a-z0-9-]{1,98}[a-z0-9]$/.test(slug)) {
        ctx.addIssue({ code: "custom", message: `consultation must be a consultation slug: lower-case letters, digits and hyphens (got "${slug.slice(0, 40)}")` });
      }
    }),
  kind: list(searchKinds, "kind"),
  status: list(answerStatuses, "status"),
  lang: list(["kk", "ru", "en"], "lang"),
  block: z
    .array(z.string())
    .transform((v) => v[0]?.trim() || undefined)
    .superRefine((id, ctx) => {
      if (id !== undefined && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
        ctx.addIssue({ code: "custom", message: `block must be a block id (a UUID) (got "${id.slice(0, 40)}")` });
      }
    }),
  author: list(authorTypes, "author"),
  from: z.array(z.string()).transform((v, ctx) => isoDate(v[0], "from", ctx)),
  to: z.array(z.string()).transform((v, ctx) => isoDate(v[0], "to", ctx)),
  sort: z
    .array(z.string())
    .transform((v, ctx) => {
      const raw = v[0];
      if (raw === undefined || raw === "") return undefined;
      if (!(sortOrders as readonly string[]).includes(raw)) {
        ctx.addIssue({ code: "custom", message: `sort must be one of ${sortOrders.join(", ")} (got "${raw.slice(0, 20)}")` });
        return z.NEVER;
      }
      return raw as SortOrder;
    }),
  limit: z
    .array(z.string())
    .transform((v, ctx) => {
      const raw = v[0];
      if (raw === undefined || raw === "") return 20;
      const n = Number(raw);
      if (!/^\d+$/.test(raw) || n < 1 || n > MAX_LIMIT) {
        ctx.addIssue({ code: "custom", message: `limit must be an integer from 1 to ${MAX_LIMIT} (got "${raw.slice(0, 20)}")` });
        return z.NEVER;
      }
      return n;
    }),
  cursor: z
    .array(z.string())
    .transform((v, ctx) => {
      const raw = v[0];
      if (raw === undefined || raw === "") return 0;
      const offset = decodeCursor(raw);
      if (offset === undefined) {
        ctx.addIssue({ code: "custom", message: "cursor must be a value returned as nextCursor by an earlier search" });
        return z.NEVER;
      }
      return offset;
    }),
});

export type ParsedSearchParams = SearchFilters & { q: string; limit: number; offset: number };

const known = ["q", "consultation", "kind", "status", "lang", "block", "author", "from", "to", "sort", "limit", "cursor"] as const;

/** Parses URL search parameters; `problems` lists one clear message per bad parameter. */
export function parseSearchParams(params: URLSearchParams): { ok: true; value: ParsedSearchParams } | { ok: false; problems: string[] } {
  const input = Object.fromEntries(known.map((k) => [k, params.getAll(k)]));
  const parsed = searchParamsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => i.message) };
  const { cursor, block, author, ...rest } = parsed.data;
  const value: ParsedSearchParams = { ...rest, offset: cursor };
  if (block) value.blockId = block;
  if (author) value.authorType = author;
  for (const key of ["from", "to", "sort"] as const) if (value[key] === undefined) delete value[key];
  return { ok: true, value };
}

/** Document id for a source row (and language, for trilingual content). */
export function documentId(kind: SearchKind, sourceId: string, lang?: Lang): string {
  return `${kind}_${sourceId}${lang ? `_${lang}` : ""}`.replace(/[^A-Za-z0-9_-]/g, "_");
}

export function emptyFacets(): Facets {
  return { consultation: {}, kind: {}, status: {}, lang: {} };
}
