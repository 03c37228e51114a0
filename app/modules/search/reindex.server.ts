/**
 * Full rebuild of an index from PostgreSQL: every source's documents are written with one
 * `indexedAt` time, then every older copy is removed, so the index is searchable throughout
 * and ends up exactly equal to the database.
 */
import type { Db } from "~db/database.server";
import { recordIndexBuilt } from "./commands.server";
import type { SearchIndex, SearchKind } from "./search.schema";
import { documentSources } from "./sources.server";

export interface ReindexProgress {
  kind: SearchKind;
  /** Source rows done and to do, over all kinds. */
  done: number;
  total: number;
  documents: number;
}

export interface ReindexReport {
  documents: number;
  byKind: Partial<Record<SearchKind, { rows: number; documents: number }>>;
  ms: number;
}

export async function reindex(db: Db, index: SearchIndex, options: { batch?: number; onProgress?: (p: ReindexProgress) => void } = {}): Promise<ReindexReport> {
  const started = performance.now();
  const batch = options.batch ?? 500;
  // Copies written by this rebuild carry this time; the worker's later copies are newer still.
  const generation = new Date();
  await index.setup();
  const sources = documentSources();
  const totals = await Promise.all(sources.map((s) => s.countAll(db)));
  const total = totals.reduce((a, b) => a + b, 0);
  const byKind: ReindexReport["byKind"] = {};
  let done = 0;
  let documents = 0;
  for (const source of sources) {
    const entry = (byKind[source.kind] = { rows: 0, documents: 0 });
    options.onProgress?.({ kind: source.kind, done, total, documents });
    for await (const docs of source.loadAll(db, batch, generation)) {
      await index.index(docs);
      entry.documents += docs.length;
      documents += docs.length;
      // loadAll pages by source rows; a page shorter than the batch is the last one.
      const rows = Math.min(batch, totals[sources.indexOf(source)] - entry.rows);
      entry.rows += rows;
      done += rows;
      options.onProgress?.({ kind: source.kind, done, total, documents });
    }
  }
  await index.removeIndexedBefore(generation);
  await recordIndexBuilt(db, index.name, documents);
  return { documents, byKind, ms: Math.round(performance.now() - started) };
}
