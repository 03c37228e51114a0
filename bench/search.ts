/**
 * npm run bench:search — a benchmark, not a test. Builds a corpus of BENCH_DOCS (100,000)
 * trilingual submissions, indexes it and measures query latency (p50/p95/p99) for a mix of
 * queries, on the PostgreSQL adapter (PGlite in memory, or BENCH_DATABASE_URL: a scratch
 * database is created there and dropped) and on Meilisearch when MEILI_URL is set.
 * Then the same mix from BENCH_CONCURRENCY parallel clients (default "10,50": one run with 10
 * clients, one with 50; on PostgreSQL the pool has as many connections as the largest run),
 * counting failures. Prints the figures and writes them to bench/results/search-<time>.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { migrateToLatest } from "~db/database.server";
import { MeilisearchIndex } from "~/modules/search/meilisearch-index.server";
import { PostgresSearchIndex } from "~/modules/search/postgres-index.server";
import type { SearchDocument, SearchIndex } from "~/modules/search/search.schema";
import { scratchDatabase } from "./scratch-db";
import { corpus, mix, pick } from "./search-corpus";

const DOCS = Number(process.env.BENCH_DOCS ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 300);
const BATCH = 1000;
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? "10,50")
  .split(",")
  .map((v) => Number(v.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return +sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(2);
}

async function run(label: string, index: SearchIndex, docs: SearchDocument[], afterIndexing?: () => Promise<void>) {
  await index.setup();
  process.stderr.write(`[${label}] indexing ${docs.length} documents `);
  const started = performance.now();
  for (let i = 0; i < docs.length; i += BATCH) {
    await index.index(docs.slice(i, i + BATCH));
    if ((i / BATCH) % 10 === 0) process.stderr.write(".");
  }
  const indexMs = performance.now() - started;
  process.stderr.write(` ${(indexMs / 1000).toFixed(1)} s\n`);
  await afterIndexing?.();
  for (let i = 0; i < 20; i++) await index.search({ ...pick(mix).make(), limit: 20, offset: 0 });
  const byKind = new Map<string, number[]>();
  const all: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const m = mix[i % mix.length];
    const t = performance.now();
    await index.search({ ...m.make(), limit: 20, offset: 0 });
    const ms = performance.now() - t;
    all.push(ms);
    if (!byKind.has(m.name)) byKind.set(m.name, []);
    byKind.get(m.name)!.push(ms);
  }
  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99) };
  };
  // Parallel clients: each takes the next query of the mix until QUERIES have been answered.
  const concurrent: { clients: number; n: number; failures: number; firstError?: string; p50: number; p95: number; p99: number; qps: number }[] = [];
  for (const clients of CONCURRENCY) {
    const times: number[] = [];
    let failures = 0;
    let firstError: string | undefined;
    let next = 0;
    const total = Math.max(QUERIES, clients * 6);
    const began = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next < total) {
          const m = mix[next++ % mix.length];
          const t = performance.now();
          try {
            await index.search({ ...m.make(), limit: 20, offset: 0 });
            times.push(performance.now() - t);
          } catch (error) {
            failures++;
            firstError ??= (error as Error).message;
          }
        }
      }),
    );
    const wall = performance.now() - began;
    const s = stats(times);
    concurrent.push({ clients, n: s.n, failures, ...(firstError ? { firstError } : {}), p50: s.p50, p95: s.p95, p99: s.p99, qps: Math.round((times.length / wall) * 1000) });
  }
  return {
    adapter: label,
    documents: docs.length,
    indexing: { ms: Math.round(indexMs), docsPerSecond: Math.round(docs.length / (indexMs / 1000)) },
    queries: { all: stats(all), byKind: Object.fromEntries([...byKind].map(([k, v]) => [k, stats(v)])) },
    concurrent,
  };
}

const docs = corpus(DOCS);
const results = [];
const { handle, drop } = await scratchDatabase({ prefix: "kenes_bench", max: Math.max(10, ...CONCURRENCY), keep: !!process.env.BENCH_KEEP_DB });
try {
  await migrateToLatest(handle.db);
  const db = handle.db;
  // Statistics as autovacuum (PostgreSQL) or the end of a rebuild (both engines) leave them.
  const analyze = async () => void (await sql`analyze search_documents`.execute(db));
  results.push({ engine: handle.engine, ...(await run(`postgres adapter (${handle.engine})`, new PostgresSearchIndex(handle.db), docs, analyze)) });
} finally {
  await handle.close();
  await drop?.();
}
if (process.env.MEILI_URL) {
  const uid = `kenes_bench_${Date.now().toString(36)}`;
  const index = new MeilisearchIndex({ url: process.env.MEILI_URL, apiKey: process.env.MEILI_MASTER_KEY, indexUid: uid });
  results.push({ engine: "meilisearch", ...(await run("meilisearch adapter", index, docs)) });
} else {
  console.log("Meilisearch skipped: set MEILI_URL (and MEILI_MASTER_KEY) to benchmark it too.");
}

for (const r of results) {
  console.log(`\n${r.adapter}: ${r.documents} documents indexed in ${(r.indexing.ms / 1000).toFixed(1)} s (${r.indexing.docsPerSecond}/s)`);
  console.log(`  ${"queries".padEnd(14)} ${"n".padStart(4)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)}`);
  for (const [name, s] of [["all", r.queries.all], ...Object.entries(r.queries.byKind)] as [string, { n: number; p50: number; p95: number; p99: number }][]) {
    console.log(`  ${name.padEnd(14)} ${String(s.n).padStart(4)} ${String(s.p50).padStart(8)} ${String(s.p95).padStart(8)} ${String(s.p99).padStart(8)}`);
  }
  for (const c of r.concurrent ?? []) {
    console.log(`  ${`${c.clients} clients`.padEnd(14)} ${String(c.n).padStart(4)} ${String(c.p50).padStart(8)} ${String(c.p95).padStart(8)} ${String(c.p99).padStart(8)}  ${c.qps}/s, ${c.failures} failures${c.firstError ? ` (${c.firstError})` : ""}`);
  }
}
const out = path.resolve(import.meta.dirname, "results", `search-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, results }, null, 2) + "\n");
console.log(`\nWritten to ${path.relative(process.cwd(), out)}`);
