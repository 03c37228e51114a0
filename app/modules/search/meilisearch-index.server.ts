/**
 * The Meilisearch adapter of SearchIndex (official `meilisearch` client), used when MEILI_URL is
 * set. Index settings are set in code by setup(). Kazakh letter folding: every document carries
 * its folded text in the extra searchable field `folded`, and the query is folded with the same
 * function, so "казакстан" finds "Қазақстан" whatever Meilisearch's own normalizer does (ADR 0033).
 */
import { Meilisearch, type Index, type Settings } from "meilisearch";
import type { Lang } from "~db/schema";
import { foldText, highlight, queryWords } from "./normalize";
import { emptyFacets, type AnswerStatus, type SearchDocument, type SearchIndex, type SearchKind, type SearchQuery, type SearchResult } from "./search.schema";

interface MeiliDocument {
  id: string;
  kind: SearchKind;
  sourceId: string;
  consultationId: string | null;
  consultation: string;
  consultationTitle: string;
  blockId: string | null;
  blockLabel: string | null;
  lang: Lang;
  status: string | null;
  authorType: string | null;
  text: string;
  quote: string | null;
  answer: string | null;
  folded: string;
  date: number;
  support: number;
  path: string;
  indexedAt: number;
}

export const meiliSettings: Settings = {
  searchableAttributes: ["text", "quote", "answer", "consultationTitle", "blockLabel", "folded"],
  filterableAttributes: ["consultation", "blockId", "blockLabel", "kind", "status", "authorType", "lang", "date", "indexedAt"],
  sortableAttributes: ["date", "support"],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  pagination: { maxTotalHits: 10_000 },
  faceting: { maxValuesPerFacet: 200 },
};

const BATCH = 1000;
/** Large batches can take longer than the client's 5 s default to be processed. */
const WAIT = { timeout: 120_000, interval: 100 };

/** A filter value, quoted: only ever a validated enum value or slug, escaped all the same. */
function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function anyOf(field: string, values: readonly string[]): string {
  return `${field} IN [${values.map(quote).join(", ")}]`;
}

export class MeilisearchIndex implements SearchIndex {
  readonly name: string;
  private readonly client: Meilisearch;
  private readonly uid: string;

  constructor(options: { url: string; apiKey?: string; indexUid?: string }) {
    this.client = new Meilisearch({ host: options.url, apiKey: options.apiKey });
    this.uid = options.indexUid ?? "kenes";
    this.name = `meilisearch:${this.uid}`;
  }

  private get idx(): Index<MeiliDocument> {
    return this.client.index<MeiliDocument>(this.uid);
  }

  async setup(): Promise<void> {
    const indexes = await this.client.getIndexes({ limit: 1000 });
    if (!indexes.results.some((i) => i.uid === this.uid)) await this.client.createIndex(this.uid, { primaryKey: "id" }).waitTask(WAIT);
    await this.idx.updateSettings(meiliSettings).waitTask(WAIT);
  }

  async index(documents: SearchDocument[]): Promise<void> {
    for (let i = 0; i < documents.length; i += BATCH) {
      const batch = documents.slice(i, i + BATCH).map(
        (d): MeiliDocument => ({
          id: d.id,
          kind: d.kind,
          sourceId: d.sourceId,
          consultationId: d.consultationId,
          consultation: d.consultationSlug,
          consultationTitle: d.consultationTitle,
          blockId: d.blockId,
          blockLabel: d.blockLabel,
          lang: d.lang,
          status: d.status,
          authorType: d.authorType,
          text: d.text,
          quote: d.quote,
          answer: d.answer,
          folded: foldText([d.text, d.quote, d.answer, d.consultationTitle, d.blockLabel].filter(Boolean).join("\n")),
          date: d.date.getTime(),
          support: d.support,
          path: d.path,
          indexedAt: d.indexedAt.getTime(),
        }),
      );
      const task = await this.idx.addDocuments(batch, { primaryKey: "id" }).waitTask(WAIT);
      if (task.status !== "succeeded") throw new Error(`Meilisearch did not index the batch: ${task.error?.message ?? task.status}`);
    }
  }

  async remove(ids: string[]): Promise<void> {
    if (!ids.length) return;
    const task = await this.idx.deleteDocuments(ids).waitTask(WAIT);
    if (task.status !== "succeeded") throw new Error(`Meilisearch did not remove documents: ${task.error?.message ?? task.status}`);
  }

  async removeIndexedBefore(time: Date): Promise<void> {
    const task = await this.idx.deleteDocuments({ filter: `indexedAt < ${time.getTime()}` }).waitTask(WAIT);
    if (task.status !== "succeeded") throw new Error(`Meilisearch did not remove old documents: ${task.error?.message ?? task.status}`);
  }

  async count(): Promise<number> {
    return (await this.idx.getStats()).numberOfDocuments;
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const words = queryWords(query.q);
    if (query.q.trim() !== "" && words.length === 0) return { total: 0, totalExact: true, hits: [], facets: emptyFacets() };
    const filter: string[] = [];
    if (query.consultation) filter.push(`consultation = ${quote(query.consultation)}`);
    if (query.kind?.length) filter.push(anyOf("kind", query.kind));
    if (query.status?.length) filter.push(anyOf("status", query.status));
    if (query.lang?.length) filter.push(anyOf("lang", query.lang));
    if (query.blockId) filter.push(`blockId = ${quote(query.blockId)}`);
    if (query.authorType?.length) filter.push(anyOf("authorType", query.authorType));
    if (query.from) filter.push(`date >= ${query.from.getTime()}`);
    if (query.to) filter.push(`date < ${query.to.getTime()}`);
    const sort = query.sort === "date" ? ["date:desc"] : query.sort === "support" ? ["support:desc", "date:desc"] : words.length ? undefined : ["date:desc"];
    // The user's text goes only into q, folded to words: never into the filter.
    const response = await this.idx.search(words.join(" "), {
      filter,
      facets: ["consultation", "kind", "status", "lang"],
      limit: query.limit,
      offset: query.offset,
      // Every word must match, as on the PostgreSQL adapter (Meilisearch's default drops words).
      matchingStrategy: "all",
      ...(sort ? { sort } : {}),
    });
    const distribution = response.facetDistribution ?? {};
    const facets = emptyFacets();
    for (const name of ["consultation", "kind", "status", "lang"] as const) facets[name] = { ...(distribution[name] ?? {}) };
    // estimatedTotalHits is Meilisearch's estimate; a page shorter than the limit ends the list,
    // which makes the count exact (ADR 0067).
    const last = response.hits.length < query.limit && (response.hits.length > 0 || query.offset === 0);
    return {
      total: last ? query.offset + response.hits.length : (response.estimatedTotalHits ?? response.hits.length),
      totalExact: last,
      facets,
      hits: response.hits.map((h) => {
        const document: SearchDocument = {
          id: h.id,
          kind: h.kind,
          sourceId: h.sourceId,
          consultationId: h.consultationId,
          consultationSlug: h.consultation,
          consultationTitle: h.consultationTitle,
          blockId: h.blockId,
          blockLabel: h.blockLabel,
          lang: h.lang,
          status: h.status as AnswerStatus | null,
          authorType: h.authorType,
          text: h.text,
          quote: h.quote,
          answer: h.answer,
          date: new Date(h.date),
          support: h.support,
          path: h.path,
          indexedAt: new Date(h.indexedAt),
        };
        // Same highlighter as the PostgreSQL adapter: escaped text, <mark> only.
        return { document, highlight: highlight(document.text, words) };
      }),
    };
  }
}
