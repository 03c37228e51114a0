/**
 * Which SearchIndex this process uses, and the in-process worker. Meilisearch when MEILI_URL is
 * set, otherwise the PostgreSQL adapter on the app's own database (ADR 0030).
 */
import type { Db } from "~db/database.server";
import type { Config } from "~/utils/env.server";
import { MeilisearchIndex } from "./meilisearch-index.server";
import { PostgresSearchIndex } from "./postgres-index.server";
import type { SearchIndex } from "./search.schema";
import { SearchWorker, type WorkerOptions } from "./worker.server";

const indexes = new WeakMap<Db, SearchIndex>();

export function createSearchIndex(db: Db, config: Pick<Config, "meiliUrl" | "meiliMasterKey">): SearchIndex {
  return config.meiliUrl ? new MeilisearchIndex({ url: config.meiliUrl, apiKey: config.meiliMasterKey }) : new PostgresSearchIndex(db);
}

/** The process's index for this database (one instance per database handle). */
export function searchIndexFor(app: { db: Db; config: Pick<Config, "meiliUrl" | "meiliMasterKey"> }): SearchIndex {
  let index = indexes.get(app.db);
  if (!index) {
    index = createSearchIndex(app.db, app.config);
    indexes.set(app.db, index);
  }
  return index;
}

/** Starts the outbox worker of this process; the returned stop() waits for the batch in flight. */
export function startSearch(app: { db: Db; config: Pick<Config, "meiliUrl" | "meiliMasterKey"> }, options: WorkerOptions = {}): { index: SearchIndex; stop(): Promise<void> } {
  const index = searchIndexFor(app);
  const worker = new SearchWorker(app.db, index, options);
  worker.start();
  return { index, stop: () => worker.stop() };
}
