/**
 * The search outbox worker: claims batches of the "search" consumer's deliveries, loads the
 * current documents from PostgreSQL through the source registry, pushes them to the index and
 * marks the rows delivered; on failure the rows are retried with exponential backoff. Runs in
 * the server process (startSearch) and alone as `npm run search:worker`.
 */
import type { Db } from "~db/database.server";
import { claimDeliveries, completeDeliveries, failDeliveries, type ClaimedDelivery } from "./commands.server";
import { findIndexBuilt } from "./queries.server";
import { reindex } from "./reindex.server";
import type { SearchIndex } from "./search.schema";
import { documentSources } from "./sources.server";

export const SEARCH_CONSUMER = "search";

export interface WorkerOptions {
  batchSize?: number;
  pollMs?: number;
  leaseSeconds?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Called after a batch is in the index (tests record who delivered what). */
  onDelivered?: (rows: ClaimedDelivery[]) => void;
  log?: (message: string) => void;
}

/** Pushes one batch of outbox rows to the index: the current state of every id they name. */
export async function deliver(db: Db, index: SearchIndex, rows: ClaimedDelivery[]): Promise<{ indexed: number; removed: number }> {
  let indexed = 0;
  let removed = 0;
  const now = new Date();
  for (const source of documentSources()) {
    const ids = new Set<string>();
    for (const row of rows) for (const id of await source.idsFor(db, row.topic, row.payload)) ids.add(id);
    if (!ids.size) continue;
    const documents = await source.loadByIds(db, [...ids], now);
    const present = new Set(documents.map((d) => d.id));
    const gone = [...ids].flatMap((id) => source.documentIds(id)).filter((id) => !present.has(id));
    if (documents.length) await index.index(documents);
    if (gone.length) await index.remove(gone);
    indexed += documents.length;
    removed += gone.length;
  }
  return { indexed, removed };
}

export class SearchWorker {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private readonly o: Required<Omit<WorkerOptions, "onDelivered">> & Pick<WorkerOptions, "onDelivered">;

  constructor(
    private readonly db: Db,
    private readonly index: SearchIndex,
    options: WorkerOptions = {},
  ) {
    this.o = {
      batchSize: options.batchSize ?? 100,
      pollMs: options.pollMs ?? 1000,
      leaseSeconds: options.leaseSeconds ?? 120,
      baseDelayMs: options.baseDelayMs ?? 1000,
      maxDelayMs: options.maxDelayMs ?? 5 * 60_000,
      onDelivered: options.onDelivered,
      log: options.log ?? ((m) => console.log(m)),
    };
  }

  /** Claims and delivers one batch; returns how many rows it claimed (0: nothing due). */
  async tick(): Promise<number> {
    const rows = await claimDeliveries(this.db, SEARCH_CONSUMER, this.o.batchSize, this.o.leaseSeconds);
    if (!rows.length) return 0;
    const ids = rows.map((r) => r.outboxId);
    try {
      await deliver(this.db, this.index, rows);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await failDeliveries(this.db, SEARCH_CONSUMER, ids, message, this.o.baseDelayMs, this.o.maxDelayMs);
      throw error;
    }
    await completeDeliveries(this.db, SEARCH_CONSUMER, ids);
    this.o.onDelivered?.(rows);
    return rows.length;
  }

  /** Delivers until nothing is due (failures are recorded and end the run). */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.tick();
      if (!n) return total;
      total += n;
    }
  }

  /** Builds the index first if it never was, then polls until stop(). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async run(): Promise<void> {
    let failures = 0;
    let built = false;
    while (this.running) {
      try {
        if (!built) {
          await this.index.setup();
          if (!(await findIndexBuilt(this.db, this.index.name))) {
            const report = await reindex(this.db, this.index);
            this.o.log(`[search] built the ${this.index.name} index: ${report.documents} documents in ${report.ms} ms`);
          }
          built = true;
        }
        const n = await this.tick();
        if (failures) this.o.log(`[search] index reachable again after ${failures} failed attempt(s)`);
        failures = 0;
        if (n < this.o.batchSize) await this.sleep(this.o.pollMs);
      } catch (error) {
        failures++;
        // One line per streak, then every 10th: a down index must not flood the log.
        if (failures === 1 || failures % 10 === 0) this.o.log(`[search] ${this.index.name} unavailable (attempt ${failures}), will retry: ${(error as Error).message}`);
        if (this.running) await this.sleep(Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** Math.min(failures - 1, 10)));
      }
    }
  }
}
