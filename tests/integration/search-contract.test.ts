/**
 * The SearchIndex contract: every configured adapter passes the same tests. PostgreSQL always
 * (on PGlite and, with TEST_DATABASE_URL, on PostgreSQL); Meilisearch when MEILI_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "~db/database.server";
import { MeilisearchIndex } from "~/modules/search/meilisearch-index.server";
import { PostgresSearchIndex } from "~/modules/search/postgres-index.server";
import type { SearchIndex, SearchQuery } from "~/modules/search/search.schema";
import { engines } from "../support/engines";
import { allFixtures, fixtures } from "../support/search-fixtures";

interface Adapter {
  name: string;
  /** Russian inflections through the 'russian' configuration are a PostgreSQL adapter promise. */
  stems: boolean;
  open(): Promise<{ index: SearchIndex; close(): Promise<void> }>;
}

const adapters: Adapter[] = engines.map((engine) => ({
  name: `postgres adapter on ${engine.name}`,
  stems: true,
  async open() {
    const handle: DatabaseHandle = await engine.open();
    return { index: new PostgresSearchIndex(handle.db), close: () => handle.close() };
  },
}));

const meiliUrl = process.env.MEILI_URL;
if (meiliUrl) {
  adapters.push({
    name: "meilisearch adapter",
    stems: false,
    async open() {
      const uid = `kenes_test_${Date.now().toString(36)}`;
      const index = new MeilisearchIndex({ url: meiliUrl, apiKey: process.env.MEILI_MASTER_KEY, indexUid: uid });
      return {
        index,
        async close() {
          const { Meilisearch } = await import("meilisearch");
          await new Meilisearch({ host: meiliUrl, apiKey: process.env.MEILI_MASTER_KEY }).deleteIndex(uid).waitTask();
        },
      };
    },
  });
} else {
  console.log("[tests] Meilisearch adapter skipped: set MEILI_URL (and MEILI_MASTER_KEY) to run the search contract suite against a Meilisearch server");
}

const q = (text: string, extra: Partial<SearchQuery> = {}): SearchQuery => ({ q: text, limit: 20, offset: 0, ...extra });

describe.each(adapters)("SearchIndex contract: $name", (adapter) => {
  let index: SearchIndex;
  let close: () => Promise<void>;
  const ids = async (text: string, extra: Partial<SearchQuery> = {}) => (await index.search(q(text, extra))).hits.map((h) => h.document.id).sort();

  beforeAll(async () => {
    ({ index, close } = await adapter.open());
    await index.setup();
    await index.index(allFixtures);
  });
  afterAll(async () => close?.());

  it("counts what it holds", async () => {
    expect(await index.count()).toBe(allFixtures.length);
  });

  it("finds Kazakh words typed without Kazakh letters, and in any case", async () => {
    expect(await ids("казакстан")).toEqual([fixtures.kkScience.id]);
    expect(await ids("ҚАЗАҚСТАН")).toEqual([fixtures.kkScience.id]);
    expect(await ids("гылым")).toEqual([fixtures.kkScience.id]);
    expect(await ids("онир")).toEqual([fixtures.kkRegions.id, fixtures.kkScience.id].sort());
  });

  it("tolerates one typo in a word of five or more letters", async () => {
    expect(await ids("гилым")).toEqual([fixtures.kkScience.id]); // ы → и
    expect(await ids("requirment")).toEqual([fixtures.enCofinancing.id]); // missing e
    expect(await ids("отчетнсоти")).toContain(fixtures.ruReporting.id); // transposition
    expect(await ids("казакстна")).toEqual([fixtures.kkScience.id]);
  });

  it("does not correct short words", async () => {
    expect(await ids("small")).toEqual([fixtures.enCofinancing.id]);
    expect(await ids("smal")).toEqual([fixtures.enCofinancing.id]); // a prefix, not a typo
    expect(await ids("smoll")).toEqual([fixtures.enCofinancing.id]); // five letters: one typo
    expect(await ids("бюжет")).toEqual([fixtures.markup.id]); // 5 letters: one typo allowed
    expect(await ids("грнт")).toEqual([]); // 4 letters: exact (or prefix) only
    expect(await ids("лод")).toEqual([]);
  });

  it.runIf(adapter.stems)("matches Russian inflections", async () => {
    expect(await ids("софинансирование")).toEqual([fixtures.ruCofinancing.id]);
    expect(await ids("требование")).toEqual([fixtures.ruCofinancing.id]);
    expect(await ids("отчетность")).toEqual([fixtures.ruReporting.id]);
  });

  it.runIf(adapter.stems)("does not find a document only through its consultation's title", async () => {
    expect(await ids("правила")).toEqual([]);
    // …but the title still joins a query that matches the text.
    expect(await ids("правила требования")).toEqual([fixtures.ruCofinancing.id]);
  });

  it("requires every word of the query", async () => {
    expect(await ids("reporting deadlines")).toEqual([fixtures.enDeadlines.id]);
    expect(await ids("reporting elephants")).toEqual([]);
  });

  it("filters by consultation, kind, status and language, with facet counts", async () => {
    const lot7 = await index.search(q("", { consultation: "lot-7" }));
    expect(lot7.total).toBe(4);
    expect(lot7.facets.consultation).toEqual({ "lot-7": 4 });
    expect(lot7.facets.kind).toEqual({ comment: 2, answer: 1, consultation: 1 });
    expect(await ids("", { consultation: "lot-7", kind: ["comment"] })).toEqual([fixtures.markup.id, fixtures.ruReporting.id].sort());
    expect(await ids("", { lang: ["en"] })).toEqual([fixtures.enCofinancing.id, fixtures.enDeadlines.id].sort());
    expect(await ids("", { status: ["accepted"] })).toEqual([fixtures.enDeadlines.id]);
    const all = await index.search(q(""));
    expect(all.total).toBe(allFixtures.length);
    expect(all.facets.lang).toEqual({ kk: 2, ru: 4, en: 2 });
    expect(all.facets.status).toEqual({ unanswered: 5, accepted: 1 });
  });

  it("filters by block, author type and date, and sorts by date or support", async () => {
    expect(await ids("", { blockId: fixtures.kkScience.blockId! })).toEqual([fixtures.kkScience.id]);
    expect(await ids("", { authorType: ["ngo"] })).toEqual([fixtures.enCofinancing.id]);
    expect(await ids("", { from: fixtures.ruCofinancing.date, to: fixtures.enCofinancing.date })).toEqual([fixtures.ruCofinancing.id, fixtures.ruReporting.id].sort());
    const bySupport = await index.search(q("", { sort: "support", limit: 2 }));
    expect(bySupport.hits.map((h) => h.document.id)).toEqual([fixtures.ruReporting.id, fixtures.enCofinancing.id]);
    const byDate = await index.search(q("грант", { sort: "date" }));
    const dates = byDate.hits.map((h) => h.document.date.getTime());
    expect(dates.length).toBeGreaterThan(1);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it("lists newest first without a query, and pages without overlap", async () => {
    const first = await index.search(q("", { limit: 3 }));
    const second = await index.search(q("", { limit: 3, offset: 3 }));
    const rest = await index.search(q("", { limit: 3, offset: 6 }));
    const seen = [...first.hits, ...second.hits, ...rest.hits].map((h) => h.document.id);
    expect(new Set(seen).size).toBe(allFixtures.length);
    expect(first.total).toBe(allFixtures.length);
    const dates = seen.map((id) => allFixtures.find((f) => f.id === id)!.date.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it("returns whole documents and escaped highlights with <mark> only", async () => {
    const result = await index.search(q("казакстан"));
    const hit = result.hits[0];
    expect(hit.document.text).toBe(fixtures.kkScience.text);
    expect(hit.document.consultationSlug).toBe("grant-rules");
    expect(hit.document.date.getTime()).toBe(fixtures.kkScience.date.getTime());
    expect(hit.highlight).toContain("<mark>Қазақстан</mark>");
    const markup = await index.search(q("бюджет"));
    expect(markup.hits.map((h) => h.document.id)).toEqual([fixtures.markup.id]);
    const html = markup.hits[0].highlight;
    expect(html).toContain("<mark>бюджет</mark>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
  });

  it("never treats user text as syntax", async () => {
    const odd = [
      "x".repeat(10_000),
      "а ".repeat(5_000),
      "!!!???...---",
      "' OR 1=1; DROP TABLE search_documents; --",
      'kind = "comment" OR lang = "en"',
      "consultation = lot-7",
      "a & | ! ( ) :* <-> 'b'",
      "\\\"\u0000\u200b",
    ];
    for (const text of odd) {
      const result = await index.search(q(text));
      expect(result.total, text.slice(0, 30)).toBe(0);
    }
    expect(await index.count()).toBe(allFixtures.length);
  });

  it("replaces and removes documents", async () => {
    await index.index([{ ...fixtures.kkRegions, text: "Жаңартылған мәтін: волонтерлер" }]);
    expect(await ids("волонтерлер")).toEqual([fixtures.kkRegions.id]);
    expect(await ids("ұйымдарға")).toEqual([]);
    await index.remove([fixtures.kkRegions.id, "comment_unknown"]);
    expect(await ids("волонтерлер")).toEqual([]);
    expect(await index.count()).toBe(allFixtures.length - 1);
    await index.index([fixtures.kkRegions]);
  });

  it("removes copies written before a rebuild", async () => {
    const later = new Date(Date.now() + 60_000);
    await index.index([{ ...fixtures.enCofinancing, indexedAt: new Date(later.getTime() + 1000) }]);
    await index.removeIndexedBefore(later);
    expect(await index.count()).toBe(1);
    expect(await ids("")).toEqual([fixtures.enCofinancing.id]);
  });
});
