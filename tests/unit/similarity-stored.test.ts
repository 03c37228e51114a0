/**
 * The stored grouping (ADR 0063) applies SimilarityIndex's algorithm to a stored state, a batch
 * at a time. Here the "database" is a Map kept exactly as similarity-store.server.ts keeps its
 * tables; the result must equal grouping everything at once, whatever the batch size.
 */
import { describe, expect, it } from "vitest";
import { bandKeys, GroupingDelta, groupSignatures, saltOf, signatureOf, type Groups } from "~/modules/responses/similarity";
import { distinctComment, nearCopy, rng } from "../support/campaign";

interface Row {
  order: string;
  signature: Uint32Array | null;
  bands: number[];
  group: string | null;
  added: number;
}

function storedGrouping(items: { id: string; body: string }[], batchSize: number, salt: number): Groups {
  const rows = new Map<string, Row>();
  const sizes = new Map<string, number>();
  let added = 0;
  const all = items.map((it, i) => ({ id: it.id, order: String(i).padStart(6, "0"), signature: signatureOf(it.body) }));
  for (let start = 0; start < all.length; start += batchSize) {
    const batch = all.slice(start, start + batchSize);
    const keys = new Set(batch.flatMap((b) => (b.signature ? bandKeys(b.signature, salt) : [])));
    // What the GIN lookup returns: every representative of those buckets, in arrival order.
    const reps = [...rows.entries()]
      .filter(([, r]) => r.bands.some((k) => keys.has(k)))
      .sort(([, a], [, b]) => a.added - b.added)
      .map(([id, r]) => ({ id, order: r.order, signature: r.signature, bands: r.bands, group: r.group ? { key: r.group, order: rows.get(r.group)!.order, size: sizes.get(r.group)! } : null }));
    const delta = new GroupingDelta(reps, { salt });
    for (const b of batch) delta.add(b.id, b.order, b.signature);
    const changes = delta.changes();
    for (const a of changes.added) rows.set(a.id, { order: a.order, signature: a.signature, bands: a.bands, group: a.groupKey, added: added++ });
    for (const [id, key] of changes.joined) rows.get(id)!.group = key;
    for (const [from, to] of changes.merged) {
      for (const r of rows.values()) if (r.group === from) r.group = to;
      sizes.delete(from);
    }
    for (const [key, size] of changes.sizes) sizes.set(key, size);
  }
  const out: Groups = new Map();
  for (const [id, r] of rows) if (r.group) out.set(id, { key: r.group, size: sizes.get(r.group)! });
  return out;
}

function campaignData(seed: number, n: number) {
  const random = rng(seed);
  return Array.from({ length: n }, (_, i) => ({ id: `c${String(i).padStart(4, "0")}`, body: i % 5 === 3 || i % 17 === 0 ? nearCopy(random, i) : distinctComment(random) }));
}

function smallVocabulary(n: number) {
  let seed = 11;
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const words = "грант лот сумма проект отчёт заявка конкурс договор срок цель регион молодёжь комиссия оценка результат".split(" ");
  const items = Array.from({ length: n }, (_, i) => ({ id: `r${i}`, body: Array.from({ length: 6 + Math.floor(next() * 10) }, () => words[Math.floor(next() * words.length)]).join(" ") }));
  const letter = "Просим увеличить сумму лота L-02 до 25 млн тенге: текущая сумма не покрывает выезды в районы.";
  for (let i = 0; i < 60; i++) items.splice(Math.floor(next() * items.length), 0, { id: `k${i}`, body: i % 2 ? letter : `${letter} Спасибо!` });
  return items;
}

describe("stored similar-comment grouping", () => {
  const salt = saltOf("0b7c1e2a-6a55-4d0e-9f57-1f2b3c4d5e6f");
  for (const batchSize of [1, 7, 250, 10000]) {
    it(`equals grouping at once for a campaign among distinct comments (batches of ${batchSize})`, () => {
      const items = campaignData(2027, 600);
      const expected = groupSignatures(items.map((i) => ({ id: i.id, signature: signatureOf(i.body) })));
      expect(expected.size).toBeGreaterThan(100);
      expect(storedGrouping(items, batchSize, salt)).toEqual(expected);
    });
    it(`equals grouping at once when short texts share a small vocabulary and buckets fill (batches of ${batchSize})`, () => {
      const items = smallVocabulary(1500);
      const expected = groupSignatures(items.map((i) => ({ id: i.id, signature: signatureOf(i.body) })));
      // many look-alike groups, and the campaign's 60 copies in one of them
      expect(new Set([...expected.values()].map((g) => g.key)).size).toBeGreaterThan(5);
      expect(expected.get("k0")?.size).toBeGreaterThanOrEqual(60);
      expect(storedGrouping(items, batchSize, salt)).toEqual(expected);
    });
  }

  it("does not depend on the salt within one consultation", () => {
    const items = campaignData(5, 300);
    expect(storedGrouping(items, 50, 1)).toEqual(storedGrouping(items, 50, 0xdeadbeef));
  });
});
