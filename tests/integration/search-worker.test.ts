/**
 * The outbox → index path: writes succeed while the index is down and nothing is missing once it
 * is back; two workers never deliver the same outbox row; a rebuild matches the database.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "~db/database.server";
import { withdrawComment } from "~/modules/comments/commands.server";
import { publishConsultation, saveDraftVersion } from "~/modules/consultations/commands.server";
import { enqueueOutbox } from "~/modules/outbox/outbox.server";
import type { ClaimedDelivery } from "~/modules/search/commands.server";
import { PostgresSearchIndex } from "~/modules/search/postgres-index.server";
import { deliveryBacklog } from "~/modules/search/queries.server";
import { reindex } from "~/modules/search/reindex.server";
import type { SearchDocument, SearchIndex, SearchQuery, SearchResult } from "~/modules/search/search.schema";
import { SEARCH_CONSUMER, SearchWorker } from "~/modules/search/worker.server";
import { engines } from "../support/engines";
import { seedSearchConsultation } from "../support/search-seed";

/** The real PostgreSQL adapter behind a switch that makes it unreachable, like a stopped server. */
class SwitchableIndex implements SearchIndex {
  down = false;
  readonly name: string;
  constructor(private readonly inner: SearchIndex) {
    this.name = inner.name;
  }
  private check() {
    if (this.down) throw new Error("connect ECONNREFUSED 127.0.0.1:7700");
  }
  setup = async () => (this.check(), this.inner.setup());
  index = async (d: SearchDocument[]) => (this.check(), this.inner.index(d));
  remove = async (ids: string[]) => (this.check(), this.inner.remove(ids));
  removeIndexedBefore = async (t: Date) => (this.check(), this.inner.removeIndexedBefore(t));
  search = async (q: SearchQuery): Promise<SearchResult> => (this.check(), this.inner.search(q));
  count = async () => (this.check(), this.inner.count());
}

const all = (q: string, extra: Partial<SearchQuery> = {}): SearchQuery => ({ q, limit: 100, offset: 0, ...extra });

describe.each(engines)("search outbox worker on $name", (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await engine.open();
  });
  afterAll(async () => handle?.close());

  it("keeps writing while the index is down, retries with backoff, and misses nothing once it is back", async () => {
    const db = handle.db;
    const index = new SwitchableIndex(new PostgresSearchIndex(db));
    const worker = new SearchWorker(db, index, { batchSize: 4, baseDelayMs: 60_000, log: () => {} });
    index.down = true;
    const seed = await seedSearchConsultation(db, "flaky-index");
    const ids: string[] = [];
    for (let i = 0; i < 9; i++) ids.push(await seed.comment(`Комментарий номер ${i} про софинансирование`, i % 2 ? seed.blocks[0].id : null));
    await expect(worker.tick()).rejects.toThrow(/ECONNREFUSED/);
    await expect(worker.tick()).rejects.toThrow(/ECONNREFUSED/);
    const backlog = await deliveryBacklog(db, SEARCH_CONSUMER);
    expect(backlog.pending).toBe(10); // the publication and nine comments
    expect(backlog.failing).toBe(8);
    expect(backlog.lastError).toMatch(/ECONNREFUSED/);
    // Failed rows wait out their backoff: the second tick took the next four, not the same ones.
    const failed = await db.selectFrom("outbox_deliveries").select(["attempts", "available_at"]).where("consumer", "=", SEARCH_CONSUMER).where("last_error", "is not", null).execute();
    expect(failed.map((r) => r.attempts)).toEqual(Array(8).fill(1));
    expect(failed.every((r) => new Date(r.available_at).getTime() > Date.now() + 50_000)).toBe(true);
    expect(await worker.tick().catch(() => -1)).toBe(-1); // the last two rows (and the same error)
    // A withdrawal while the index is down must also arrive.
    expect((await withdrawComment(db, { commentId: ids[3], authorId: seed.citizenId, reason: "duplicate" })).ok).toBe(true);

    index.down = false;
    // The clock moves past the backoff.
    await db.updateTable("outbox_deliveries").set({ available_at: new Date(Date.now() - 1000) }).where("consumer", "=", SEARCH_CONSUMER).where("processed_at", "is", null).execute();
    await worker.drain();
    expect((await deliveryBacklog(db, SEARCH_CONSUMER)).pending).toBe(0);
    const found = await index.search(all("софинансирование", { kind: ["comment"] }));
    expect(found.hits.map((h) => h.document.sourceId).sort()).toEqual(ids.filter((_, i) => i !== 3).sort());
    const blocks = await index.search(all("", { kind: ["block"], consultation: "flaky-index" }));
    expect(blocks.total).toBe(6); // two blocks in three languages
    const consultation = await index.search(all("өңірлеріндегі", { kind: ["consultation"] }));
    expect(consultation.hits.map((h) => h.document.lang)).toEqual(["kk"]);
    // (Other consumers — similar-comment groups — have deliveries of their own.)
    const retried = await db.selectFrom("outbox_deliveries").select(["attempts", "processed_at"]).where("consumer", "=", SEARCH_CONSUMER).where("last_error", "is", null).execute();
    expect(retried.every((r) => r.processed_at !== null)).toBe(true);

    // A full rebuild gives the same index.
    const before = (await index.search(all(""))).hits.map((h) => h.document.id).sort();
    const report = await reindex(db, index);
    expect(report.byKind.comment).toEqual({ rows: 9, documents: 8 });
    expect((await index.search(all(""))).hits.map((h) => h.document.id).sort()).toEqual(before);
  });

  it("drops hidden comments and the blocks of a replaced version", async () => {
    const db = handle.db;
    const index = new PostgresSearchIndex(db);
    const worker = new SearchWorker(db, index, { log: () => {} });
    const seed = await seedSearchConsultation(db, "versions-and-hiding");
    const hidden = await seed.comment("Оскорбительный текст про мониторинг");
    await seed.comment("Нормальный текст про мониторинг");
    await worker.drain();
    const comments = async () => (await index.search(all("мониторинг", { consultation: "versions-and-hiding" }))).hits.map((h) => h.document.sourceId).sort();
    expect(await comments()).toHaveLength(2);
    // Moderation (another module) hides a comment and says so through the outbox.
    await db.transaction().execute(async (trx) => {
      await trx.updateTable("comments").set({ status: "hidden", status_reason: "insult", status_changed_at: new Date() }).where("id", "=", hidden).execute();
      await enqueueOutbox(trx, "comment.hidden", { commentId: hidden });
    });
    await worker.drain();
    expect(await comments()).not.toContain(hidden);
    expect(await comments()).toHaveLength(1);

    await saveDraftVersion(db, seed.consultationId, [{ key: "a1", kind: "article", label: null, text: { kk: "", ru: "Новая редакция: требование аудита", en: "" } }], seed.staffId);
    expect((await publishConsultation(db, seed.consultationId, seed.staffId)).ok).toBe(true);
    await worker.drain();
    const blocks = await index.search(all("", { consultation: "versions-and-hiding", kind: ["block"] }));
    expect(blocks.hits.map((h) => h.document.text)).toEqual(["Новая редакция: требование аудита"]);
  });

  it("never gives the same outbox row to two workers", async () => {
    const db = handle.db;
    const seed = await seedSearchConsultation(db, "two-workers");
    for (let i = 0; i < 40; i++) await seed.comment(`Параллельный комментарий ${i}`);
    const delivered: Record<string, string[]> = { a: [], b: [] };
    const make = (name: "a" | "b") =>
      new SearchWorker(db, new PostgresSearchIndex(db), { batchSize: 3, log: () => {}, onDelivered: (rows: ClaimedDelivery[]) => delivered[name].push(...rows.map((r) => r.outboxId)) });
    const a = make("a");
    const b = make("b");
    const run = async (w: SearchWorker) => {
      let idle = 0;
      while (idle < 2) idle = (await w.tick()) ? 0 : idle + 1;
    };
    await Promise.all([run(a), run(b), run(make("a"))]);
    const pending = await db
      .selectFrom("outbox_deliveries as d")
      .innerJoin("outbox as o", "o.id", "d.outbox_id")
      .select(["d.outbox_id", "d.attempts", "d.processed_at"])
      .where("d.consumer", "=", SEARCH_CONSUMER)
      .where(sql<boolean>`o.payload @> ${JSON.stringify({ consultationId: seed.consultationId })}::jsonb`)
      .execute();
    const both = [...delivered.a, ...delivered.b];
    expect(new Set(both).size).toBe(both.length); // no row twice
    expect(both.length).toBeGreaterThanOrEqual(41);
    expect(pending.every((r) => r.processed_at !== null && r.attempts === 1)).toBe(true);
    const rows = await db.selectFrom("outbox_deliveries").select(["attempts"]).where("consumer", "=", SEARCH_CONSUMER).where("processed_at", "is", null).execute();
    expect(rows).toEqual([]);
    if (engine.name === "postgres") expect(delivered.a.length && delivered.b.length).toBeTruthy();
  });
});
