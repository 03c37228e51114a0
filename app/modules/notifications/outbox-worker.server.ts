/**
 * The notification worker: claims outbox rows of its own topics with FOR UPDATE SKIP LOCKED (so
 * any number of processes can run it), handles them after the claiming transaction commits, and
 * retries failures with a capped exponential back-off. A row is done only when its handler
 * succeeded; a crash or an unreachable mail server leaves it to be claimed again.
 */
import { sql } from "kysely";
import type { Db } from "~db/database.server";

export interface OutboxJob {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/** A handler runs outside any transaction; it may open its own (e.g. to enqueue follow-up rows). */
export type OutboxHandler = (job: OutboxJob) => Promise<void>;

export interface WorkerOptions {
  handlers: Record<string, OutboxHandler>;
  pollMs?: number;
  batchSize?: number;
  /** How long a claim lasts before another worker may take the row (a crashed worker's rows). */
  leaseMs?: number;
  /** Delay before retry number `attempts` (1-based). */
  backoffMs?: (attempts: number) => number;
  onError?: (job: OutboxJob, error: unknown) => void;
}

export const defaultBackoff = (attempts: number) => Math.min(300_000, 1000 * 2 ** Math.min(attempts - 1, 10));

/** Claims up to `batchSize` due rows of the given topics. */
export async function claimJobs(db: Db, topics: string[], batchSize: number, leaseMs: number): Promise<OutboxJob[]> {
  if (!topics.length) return [];
  const rows = await db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom("outbox")
      .select("id")
      .where("topic", "in", topics)
      .where("processed_at", "is", null)
      .where("available_at", "<=", sql<Date>`now()`)
      .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", sql<Date>`now()`)]))
      .orderBy("id")
      .limit(batchSize)
      .forUpdate()
      .skipLocked()
      .execute();
    if (!due.length) return [];
    return trx
      .updateTable("outbox")
      .set({ locked_until: sql`now() + ${`${leaseMs} milliseconds`}::interval`, attempts: sql`attempts + 1` })
      .where("id", "in", due.map((d) => d.id))
      .returning(["id", "topic", "payload", "attempts"])
      .execute();
  });
  return rows.map((r) => ({ id: r.id, topic: r.topic, payload: r.payload, attempts: r.attempts }));
}

/** One pass: claim, handle, record the outcome. Returns how many rows were handled successfully. */
export async function runOutboxOnce(db: Db, options: WorkerOptions): Promise<number> {
  const jobs = await claimJobs(db, Object.keys(options.handlers), options.batchSize ?? 20, options.leaseMs ?? 60_000);
  let done = 0;
  for (const job of jobs) {
    try {
      await options.handlers[job.topic](job);
      await db.updateTable("outbox").set({ processed_at: new Date(), locked_until: null, last_error: null }).where("id", "=", job.id).execute();
      done++;
    } catch (error) {
      options.onError?.(job, error);
      const delay = (options.backoffMs ?? defaultBackoff)(job.attempts);
      await db
        .updateTable("outbox")
        .set({
          locked_until: null,
          available_at: sql`now() + ${`${delay} milliseconds`}::interval`,
          last_error: String((error as Error)?.message ?? error).slice(0, 2000),
        })
        .where("id", "=", job.id)
        .execute();
    }
  }
  return done;
}

export interface RunningWorker {
  /** Runs a pass now (and keeps polling). */
  wake(): void;
  stop(): Promise<void>;
}

export function startOutboxWorker(db: Db, options: WorkerOptions): RunningWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const pollMs = options.pollMs ?? 2000;
  const tick = () => {
    timer = undefined;
    if (stopped) return;
    current = (async () => {
      try {
        // Drain while there is work, then wait for the next poll.
        while (!stopped && (await runOutboxOnce(db, options)) > 0);
      } catch (error) {
        // The database may be restarting: try again at the next poll.
        console.error("[outbox] worker pass failed:", (error as Error).message);
      }
    })();
    void current.then(() => {
      if (!stopped) timer = setTimeout(tick, pollMs);
    });
  };
  timer = setTimeout(tick, 0);
  return {
    wake() {
      if (timer) {
        clearTimeout(timer);
        tick();
      }
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
