/**
 * The PostgreSQL full-text adapter of SearchIndex: the embedded default (PGlite) and the
 * fallback whenever MEILI_URL is unset. Documents live in `search_documents` with folded text,
 * one tsvector per configuration ('simple' for Kazakh and exact words, 'russian', 'english'),
 * each behind a GIN index; typos are corrected against `search_terms` with pg_trgm (ADR 0030).
 * A search reads at most COUNT_CAP + 1 matches: exact counts and facets up to the cap, an
 * estimate beyond it, ranking over bounded candidates, and typo corrections only when the words
 * as typed find almost nothing (ADR 0067).
 */
import { sql, type RawBuilder } from "kysely";
import type { Db } from "~db/database.server";
import type { Lang } from "~db/schema";
import { editDistance, foldText, foldedWords, highlight, queryWords, typoBudget } from "./normalize";
import { emptyFacets, type AnswerStatus, type Facets, type SearchDocument, type SearchIndex, type SearchKind, type SearchQuery, type SearchResult } from "./search.schema";

const BATCH = 500;
/** Vocabulary words: long enough to be worth correcting, short enough to be words. */
const MIN_TERM = 4;
const MAX_TERM = 40;
const TRIGRAM_THRESHOLD = 0.25;
/** Matches counted (and faceted) exactly up to this many; beyond it `total` is the planner's estimate (ADR 0067). */
export const COUNT_CAP = 1000;
/** Candidates ranked together by relevance when a search has more matches than the cap. */
export const RANK_WINDOW = 200;
/** Fewer matches than this for the words as typed: try typo corrections from the vocabulary. */
export const FALLBACK_BELOW = 3;

/** The body text a document is found by (weight A) and its context (weight D). */
export function foldedColumns(d: Pick<SearchDocument, "text" | "quote" | "answer" | "consultationTitle" | "blockLabel">) {
  return {
    body: foldText([d.text, d.quote, d.answer].filter(Boolean).join("\n")),
    context: foldText([d.consultationTitle, d.blockLabel].filter(Boolean).join("\n")),
  };
}

type Row = {
  id: string;
  kind: SearchKind;
  source_id: string;
  consultation_id: string | null;
  consultation_slug: string;
  consultation_title: string;
  block_id: string | null;
  block_label: string | null;
  lang: Lang;
  status: string | null;
  author_type: string | null;
  text: string;
  quote: string | null;
  answer: string | null;
  date: Date;
  support: number;
  url_path: string | null;
  indexed_at: Date;
};

const documentColumns = [
  "d.id",
  "d.kind",
  "d.source_id",
  "d.consultation_id",
  "d.consultation_slug",
  "d.consultation_title",
  "d.block_id",
  "d.block_label",
  "d.lang",
  "d.status",
  "d.author_type",
  "d.text",
  "d.quote",
  "d.answer",
  "d.date",
  "d.support",
  "d.url_path",
  "d.indexed_at",
] as const;

function toDocument(r: Row): SearchDocument {
  return {
    id: r.id,
    kind: r.kind,
    sourceId: r.source_id,
    consultationId: r.consultation_id,
    consultationSlug: r.consultation_slug,
    consultationTitle: r.consultation_title,
    blockId: r.block_id,
    blockLabel: r.block_label,
    lang: r.lang,
    status: r.status as AnswerStatus | null,
    authorType: r.author_type,
    text: r.text,
    quote: r.quote,
    answer: r.answer,
    date: new Date(r.date),
    support: Number(r.support),
    path: r.url_path ?? "",
    indexedAt: new Date(r.indexed_at),
  };
}

/** A tsquery text from query words: safe by construction, the words are letters and digits only. */
export function tsqueryText(groups: string[][], prefix: boolean): string {
  return groups.map((alternatives) => `(${alternatives.map((w) => (prefix && w.length >= 3 ? `${w}:*` : w)).join(" | ")})`).join(" & ");
}

/** Any one of the words in the document's own text (weight A), not only in its context. */
export function inBodyText(groups: string[][], prefix: boolean): string {
  return groups
    .flat()
    .map((w) => (prefix && w.length >= 3 ? `${w}:*A` : `${w}:A`))
    .join(" | ");
}

export class PostgresSearchIndex implements SearchIndex {
  readonly name = "postgres";
  constructor(private readonly db: Db) {}

  async setup(): Promise<void> {
    // The schema is created by the migration; nothing to configure at run time.
  }

  async index(documents: SearchDocument[]): Promise<void> {
    for (let i = 0; i < documents.length; i += BATCH) {
      const batch = documents.slice(i, i + BATCH);
      const terms = new Set<string>();
      const rows = batch.map((d) => {
        const folded = foldedColumns(d);
        for (const w of foldedWords(folded.body + " " + folded.context)) if (w.length >= MIN_TERM && w.length <= MAX_TERM) terms.add(w);
        return {
          id: d.id,
          kind: d.kind,
          source_id: d.sourceId,
          consultation_id: d.consultationId,
          consultation_slug: d.consultationSlug,
          consultation_title: d.consultationTitle,
          block_id: d.blockId,
          block_label: d.blockLabel,
          lang: d.lang,
          status: d.status,
          author_type: d.authorType,
          text: d.text,
          quote: d.quote,
          answer: d.answer,
          date: d.date,
          support: d.support,
          url_path: d.path,
          body_folded: folded.body,
          context_folded: folded.context,
          indexed_at: d.indexedAt,
        };
      });
      // The same id twice in one statement is an error for ON CONFLICT: keep the last copy.
      const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
      await this.db.transaction().execute(async (trx) => {
        await trx
          .insertInto("search_documents")
          .values(unique)
          .onConflict((oc) =>
            oc.column("id").doUpdateSet((eb) => ({
              kind: eb.ref("excluded.kind"),
              source_id: eb.ref("excluded.source_id"),
              consultation_id: eb.ref("excluded.consultation_id"),
              consultation_slug: eb.ref("excluded.consultation_slug"),
              consultation_title: eb.ref("excluded.consultation_title"),
              block_id: eb.ref("excluded.block_id"),
              block_label: eb.ref("excluded.block_label"),
              lang: eb.ref("excluded.lang"),
              status: eb.ref("excluded.status"),
              author_type: eb.ref("excluded.author_type"),
              text: eb.ref("excluded.text"),
              quote: eb.ref("excluded.quote"),
              answer: eb.ref("excluded.answer"),
              date: eb.ref("excluded.date"),
              support: eb.ref("excluded.support"),
              url_path: eb.ref("excluded.url_path"),
              body_folded: eb.ref("excluded.body_folded"),
              context_folded: eb.ref("excluded.context_folded"),
              indexed_at: eb.ref("excluded.indexed_at"),
            })),
          )
          .execute();
        if (terms.size) {
          await sql`insert into search_terms (term) select unnest(${[...terms]}::text[]) on conflict do nothing`.execute(trx);
        }
      });
    }
  }

  async remove(ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += BATCH) {
      await this.db.deleteFrom("search_documents").where("id", "in", ids.slice(i, i + BATCH)).execute();
    }
  }

  async removeIndexedBefore(time: Date): Promise<void> {
    await this.db.deleteFrom("search_documents").where("indexed_at", "<", time).execute();
    // The end of a full rebuild: fresh statistics tell the planner common words from rare ones
    // (PGlite has no autovacuum to gather them; ADR 0067).
    await sql`analyze search_documents`.execute(this.db);
    await sql`analyze search_terms`.execute(this.db);
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom("search_documents").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Each query word with its corrections from the vocabulary (within Meilisearch's typo budget). */
  private async expand(words: string[]): Promise<string[][]> {
    const fuzzy = words.filter((w) => typoBudget(w) > 0);
    const corrections = new Map<string, Set<string>>();
    if (fuzzy.length) {
      // One transaction: the trigram threshold is a transaction-local setting.
      const rows = await this.db.transaction().execute(async (trx) => {
        await sql`select set_config('pg_trgm.similarity_threshold', ${String(TRIGRAM_THRESHOLD)}, true)`.execute(trx);
        return (await sql<{ word: string; term: string }>`${correctionsSql(fuzzy)}`.execute(trx)).rows;
      });
      for (const r of rows) {
        if (r.term !== r.word && editDistance(r.term, r.word, typoBudget(r.word)) <= typoBudget(r.word)) {
          if (!corrections.has(r.word)) corrections.set(r.word, new Set());
          corrections.get(r.word)!.add(r.term);
        }
      }
    }
    return words.map((w) => [w, ...(corrections.get(w) ?? [])]);
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const words = queryWords(query.q);
    if (query.q.trim() !== "" && words.length === 0) return { total: 0, totalExact: true, hits: [], facets: emptyFacets() };
    // Full text first, with the words as typed (ADR 0067).
    let plan = searchPlan(query, words.map((w) => [w]));
    let first = await this.first(plan);
    // Typo corrections only when the words as typed find (almost) nothing.
    if (first.n < FALLBACK_BELOW && words.some((w) => typoBudget(w) > 0)) {
      const groups = await this.expand(words);
      if (groups.some((g) => g.length > 1)) {
        plan = searchPlan(query, groups);
        first = await this.first(plan);
      }
    }
    const exact = first.n <= COUNT_CAP;
    const total = exact ? first.n : Math.max(COUNT_CAP + 1, await this.estimate(plan));
    // More matches than the cap, and an order or a page the first statement cannot answer.
    const pageIds = first.page ?? (await sql<{ id: string }>`${pageSql(plan)}`.execute(this.db)).rows.map((r) => r.id);
    const found = pageIds.length ? ((await this.db.selectFrom("search_documents as d").select(documentColumns).where("d.id", "in", pageIds).execute()) as Row[]) : [];
    const byId = new Map(found.map((r) => [r.id, r]));
    const rows = pageIds.map((id) => byId.get(id)).filter((r): r is Row => r !== undefined);
    const marks = plan.groups.flat();
    return {
      total,
      totalExact: exact,
      facets: first.facets,
      hits: rows.map((r) => {
        const document = toDocument(r);
        return { document, highlight: highlight(document.text, marks) };
      }),
    };
  }

  /**
   * One statement over the first COUNT_CAP + 1 matches in index order: how many (up to the cap),
   * their facets, and the page when they answer it (null: pageSql must).
   */
  private async first(plan: SearchPlan): Promise<{ n: number; facets: Facets; page: string[] | null }> {
    const { rows } = await sql<{ n: number; page: { id: string }[] | null; facets: FacetRow[] | null }>`${firstSql(plan)}`.execute(this.db);
    const n = Number(rows[0]?.n ?? 0);
    const facets = emptyFacets();
    // grouping() bits, left to right: kind, lang, status, slug; 1 = not grouped by it.
    for (const r of rows[0]?.facets ?? []) {
      const g = Number(r.g);
      const count = Number(r.n);
      if (g === 0b0111) facets.kind[r.kind] = count;
      else if (g === 0b1011) facets.lang[r.lang] = count;
      else if (g === 0b1101 && r.status !== null) facets.status[r.status] = count;
      else if (g === 0b1110) facets.consultation[r.slug] = count;
    }
    const answered = n <= COUNT_CAP || answersBeyondCap(plan);
    return { n: Math.min(n, COUNT_CAP + 1), facets, page: answered ? (rows[0]?.page ?? []).map((r) => r.id) : null };
  }

  /** The planner's estimate of the matches: only asked when there are more than the cap. */
  private async estimate(plan: SearchPlan): Promise<number> {
    const { rows } = await sql<{ "QUERY PLAN": unknown }>`explain (format json) select 1 from search_documents d ${plan.where}`.execute(this.db);
    const raw = rows[0]?.["QUERY PLAN"];
    const parsed = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan?: { "Plan Rows"?: number } }[] | undefined;
    const n = Number(parsed?.[0]?.Plan?.["Plan Rows"] ?? 0);
    return Number.isFinite(n) ? Math.round(n) : 0;
  }
}

type FacetRow = { g: number; kind: string; lang: string; status: string | null; slug: string; n: number };

/** Everything the statements of one search need: its conditions, rank and order. */
export interface SearchPlan {
  query: SearchQuery;
  groups: string[][];
  where: RawBuilder<unknown>;
  rank: RawBuilder<unknown> | null;
}

/** The conditions and rank of a search whose words (each with its alternatives) are `groups`. */
export function searchPlan(query: SearchQuery, groups: string[][]): SearchPlan {
  const qs = sql`to_tsquery('simple'::regconfig, ${tsqueryText(groups, true)})`;
  const qr = sql`to_tsquery('russian'::regconfig, ${tsqueryText(groups, false)})`;
  const qe = sql`to_tsquery('english'::regconfig, ${tsqueryText(groups, false)})`;
  // Every word somewhere (text, consultation title, block label), and at least one in the
  // text itself: a comment is not found only because its consultation's title matches.
  const bs = sql`to_tsquery('simple'::regconfig, ${inBodyText(groups, true)})`;
  const br = sql`to_tsquery('russian'::regconfig, ${inBodyText(groups, false)})`;
  const be = sql`to_tsquery('english'::regconfig, ${inBodyText(groups, false)})`;
  const conditions: RawBuilder<unknown>[] = [];
  if (groups.length) {
    if (groups.length > 1) {
      // Every word through the GIN indexes; "one of them in the text" only checks the rows they
      // find. As an operator (@@) the planner also read it from the indexes: one bitmap of every
      // document with any of the words, ANDed with the first (ADR 0067). ts_match_vq is @@.
      conditions.push(sql`(d.tsv_simple @@ ${qs} or d.tsv_russian @@ ${qr} or d.tsv_english @@ ${qe})`);
      conditions.push(sql`(ts_match_vq(d.tsv_simple, ${bs}) or ts_match_vq(d.tsv_russian, ${br}) or ts_match_vq(d.tsv_english, ${be}))`);
    } else {
      // One word: in the text implies anywhere.
      conditions.push(sql`(d.tsv_simple @@ ${bs} or d.tsv_russian @@ ${br} or d.tsv_english @@ ${be})`);
    }
  }
  if (query.consultation) conditions.push(sql`d.consultation_slug = ${query.consultation}`);
  if (query.kind?.length) conditions.push(sql`d.kind = any(${query.kind}::text[])`);
  if (query.status?.length) conditions.push(sql`d.status = any(${query.status}::text[])`);
  if (query.lang?.length) conditions.push(sql`d.lang = any(${query.lang}::text[])`);
  if (query.blockId) conditions.push(sql`d.block_id = ${query.blockId}::uuid`);
  if (query.authorType?.length) conditions.push(sql`d.author_type = any(${query.authorType}::text[])`);
  if (query.from) conditions.push(sql`d.date >= ${query.from}`);
  if (query.to) conditions.push(sql`d.date < ${query.to}`);
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const rank = groups.length ? sql`ts_rank(d.tsv_simple, ${qs}) + ts_rank(d.tsv_russian, ${qr}) + ts_rank(d.tsv_english, ${qe})` : null;
  return { query, groups, where, rank };
}

/** Corrections of each word from the vocabulary, through the trigram index (in a transaction that set the threshold). */
export function correctionsSql(words: string[]): RawBuilder<unknown> {
  return sql`
    select w.word, t.term
    from unnest(${words}::text[]) as w(word)
    cross join lateral (
      select term from search_terms
      where term % w.word and length(term) between length(w.word) - 2 and length(w.word) + 2
      order by similarity(term, w.word) desc
      limit 24
    ) t`;
}

/**
 * Whether the first statement's page is right even with more matches than the cap: by relevance,
 * candidates are ranked RANK_WINDOW at a time in index order, and the first COUNT_CAP of them
 * hold every window up to the page's end.
 */
export function answersBeyondCap(plan: SearchPlan): boolean {
  const { query } = plan;
  return plan.rank !== null && (query.sort ?? "relevance") === "relevance" && Math.ceil((query.offset + query.limit) / RANK_WINDOW) * RANK_WINDOW <= COUNT_CAP;
}

/**
 * The first COUNT_CAP + 1 matches through the GIN indexes (or a scan that stops there), never
 * every match: their number, facets and the page. With at most COUNT_CAP matches the page is
 * exact in any order. With more, by relevance, the matches are ranked window by window
 * (RANK_WINDOW of them at a time, in the order they were found), so pages never overlap.
 */
export function firstSql(plan: SearchPlan): RawBuilder<unknown> {
  const { query, where } = plan;
  const rank = plan.rank ?? sql`0::real`;
  const window = sql`case when (select count(*) from m) > ${COUNT_CAP} then (m.n - 1) / ${RANK_WINDOW} else 0 end`;
  const order =
    query.sort === "date" ? sql`date desc, id` : query.sort === "support" ? sql`support desc, rank desc, date desc, id` : sql`${window}, rank desc, date desc, id`;
  return sql`
    with m as materialized (
      select d.id, d.kind, d.lang, d.status, d.consultation_slug, d.date, d.support, row_number() over () as n, ${rank} as rank
      from search_documents d ${where} limit ${COUNT_CAP + 1}
    )
    select
      (select count(*) from m) as n,
      (select json_agg(json_build_object('id', p.id) order by p.o)
        from (select id, row_number() over (order by ${order}) as o from m where m.n <= ${COUNT_CAP} order by ${order} limit ${query.limit} offset ${query.offset}) p) as page,
      (select json_agg(json_build_object('g', f.g, 'kind', f.kind, 'lang', f.lang, 'status', f.status, 'slug', f.consultation_slug, 'n', f.n)) from (
        select grouping(kind, lang, status, consultation_slug) as g, kind, lang, status, consultation_slug, count(*) as n
        from m group by grouping sets ((kind), (lang), (status), (consultation_slug))) f) as facets`;
}

/**
 * The page of a search with more matches than the cap that the first statement cannot answer:
 * by date or support, a walk of that order's index that stops at the page's end; by relevance
 * (a page beyond the first COUNT_CAP candidates), candidates in index order ranked window by window.
 */
export function pageSql(plan: SearchPlan): RawBuilder<unknown> {
  const { query, where } = plan;
  const rank = plan.rank ?? sql`0::real`;
  if (query.sort === "date" || query.sort === "support" || !plan.rank) {
    const order = query.sort === "support" ? sql`d.support desc, d.date desc, d.id` : sql`d.date desc, d.id`;
    return sql`select d.id from search_documents d ${where} order by ${order} limit ${query.limit} offset ${query.offset}`;
  }
  const windows = Math.ceil((query.offset + query.limit) / RANK_WINDOW);
  return sql`
    with c as materialized (
      select d.id, d.date, (row_number() over () - 1) / ${RANK_WINDOW} as w, ${rank} as rank
      from search_documents d ${where} limit ${windows * RANK_WINDOW}
    )
    select id from c order by w, rank desc, date desc, id limit ${query.limit} offset ${query.offset}`;
}
