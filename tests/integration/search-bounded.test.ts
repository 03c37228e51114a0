/**
 * The PostgreSQL adapter within a budget (ADR 0067): more matches than COUNT_CAP are not all
 * counted or ranked. `total` is then an estimate flagged by totalExact: false, facet counts are
 * lower bounds, relevance pages never overlap, date and support orders stay exact; a word found
 * as typed is not widened with trigram corrections.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "~db/database.server";
import { COUNT_CAP, FALLBACK_BELOW, PostgresSearchIndex } from "~/modules/search/postgres-index.server";
import type { SearchDocument, SearchQuery } from "~/modules/search/search.schema";
import { engines } from "../support/engines";

const MANY = COUNT_CAP + 150;

function doc(i: number, text: string, extra: Partial<SearchDocument> = {}): SearchDocument {
  const sourceId = `00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;
  return {
    id: `comment_${sourceId}`,
    kind: "comment",
    sourceId,
    consultationId: null,
    consultationSlug: i % 2 ? "odd-one" : "even-one",
    consultationTitle: "Бюджет",
    blockId: null,
    blockLabel: null,
    lang: "ru",
    status: "unanswered",
    authorType: "individual",
    text,
    quote: null,
    answer: null,
    date: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
    support: i % 37,
    path: "/consultations/x",
    indexedAt: new Date(),
    ...extra,
  };
}

const q = (text: string, extra: Partial<SearchQuery> = {}): SearchQuery => ({ q: text, limit: 20, offset: 0, ...extra });

for (const engine of engines) {
  describe(`bounded search on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    let index: PostgresSearchIndex;
    const docs = [
      ...Array.from({ length: MANY }, (_, i) => doc(i + 1, `Мониторинг расходов номер ${i + 1}${i % 3 ? " мониторинг" : ""}`)),
      doc(MANY + 1, "Редкое слово: квазимониторинг"),
      // A real word one letter from a common one, in FALLBACK_BELOW documents.
      ...Array.from({ length: FALLBACK_BELOW }, (_, i) => doc(MANY + 2 + i, `Мониторинка номер ${i + 1}`)),
    ];
    beforeAll(async () => {
      handle = await engine.open();
      index = new PostgresSearchIndex(handle.db);
      await index.index(docs);
      await index.removeIndexedBefore(new Date(0)); // analyze, as the end of a rebuild does
    });
    afterAll(async () => handle?.close());

    it("counts exactly up to the cap, and flags an estimate beyond it", async () => {
      const few = await index.search(q("квазимониторинг"));
      expect(few).toMatchObject({ total: 1, totalExact: true });
      const many = await index.search(q("мониторинг"));
      expect(many.totalExact).toBe(false);
      expect(many.total).toBeGreaterThan(COUNT_CAP);
      expect(many.hits).toHaveLength(20);
      // Facets counted over the first COUNT_CAP + 1 matches: lower bounds.
      const counted = Object.values(many.facets.consultation).reduce((a, b) => a + b, 0);
      expect(counted).toBe(COUNT_CAP + 1);
      expect(many.facets.consultation["odd-one"]).toBeLessThanOrEqual(Math.ceil(MANY / 2));
    });

    it("pages by relevance without overlap, and by date and support in exact order", async () => {
      const seen = new Set<string>();
      for (let offset = 0; offset < 400; offset += 50) {
        const page = await index.search(q("мониторинг", { limit: 50, offset }));
        expect(page.hits).toHaveLength(50);
        for (const h of page.hits) {
          expect(seen.has(h.document.id)).toBe(false);
          seen.add(h.document.id);
        }
      }
      const byDate = await index.search(q("мониторинг", { sort: "date", limit: 5 }));
      expect(byDate.hits.map((h) => h.document.id)).toEqual(docs.slice(0, MANY).reverse().slice(0, 5).map((d) => d.id));
      const bySupport = await index.search(q("мониторинг", { sort: "support", limit: 30 }));
      const support = bySupport.hits.map((h) => h.document.support);
      expect(support).toEqual([...support].sort((a, b) => b - a));
      expect(support[0]).toBe(36);
    });

    it("corrects typos only when the words as typed find fewer than a few documents", async () => {
      // "мониторинка" (one letter off "мониторинг") is found as typed: no corrections.
      const typed = await index.search(q("мониторинка"));
      expect(typed).toMatchObject({ total: FALLBACK_BELOW, totalExact: true });
      // A typo that finds nothing is corrected from the vocabulary.
      const typo = await index.search(q("мониторнг"));
      expect(typo.total).toBeGreaterThan(COUNT_CAP);
      expect(typo.hits[0].highlight).toContain("<mark>");
      // …as is a word found in fewer than FALLBACK_BELOW documents.
      const rare = await index.search(q("квазимониторинга"));
      expect(rare.total).toBe(1);
    });

    it("browses without a query within the cap's rules too", async () => {
      const all = await index.search(q(""));
      expect(all.totalExact).toBe(false);
      expect(all.hits[0].document.id).toBe(docs[docs.length - 1].id); // newest first
      const one = await index.search(q("", { consultation: "odd-one", sort: "support", limit: 3 }));
      expect(one.hits.every((h) => h.document.consultationSlug === "odd-one")).toBe(true);
    });
  });
}
