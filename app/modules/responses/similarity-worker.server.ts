/**
 * The "similarity" outbox consumer: after a comment is posted, edited, hidden, restored or
 * withdrawn, brings its stored similar-comment group up to date (similarity-store.server.ts).
 * When no delivery is due it catches up, a batch at a time, with consultations whose comments
 * were written before the consumer existed (or before a restore from backup). Claims use
 * FOR UPDATE SKIP LOCKED, and each consultation is changed under its own lock, so any number of
 * processes may run it.
 */
import type { Db } from "~db/database.server";
import { claimConsumerDeliveries, completeConsumerDeliveries, failConsumerDeliveries } from "~/modules/outbox/deliveries.server";
import { catchUpConsultation, nextConsultationToCatchUp, syncSimilarity } from "./similarity-store.server";

export const SIMILARITY_CONSUMER = "similarity";

export interface SimilarityWorkerOptions {
  /** Deliveries claimed at once (a campaign's comments of one consultation are grouped together). */
  batchSize?: number;
  /** Comments handled per catch-up step: bounds memory and how long one transaction lasts. */
  catchUpBatch?: number;
  leaseSeconds?: number;
  pollMs?: number;
  log?: (message: string) => void;
}

/** One pass: due deliveries, else one catch-up step. Returns the work done (0: nothing to do). */
export async function runSimilarityOnce(db: Db, options: SimilarityWorkerOptions = {}): Promise<number> {
  const deliveries = await claimConsumerDeliveries(db, SIMILARITY_CONSUMER, options.batchSize ?? 200, options.leaseSeconds ?? 120);
  if (deliveries.length) {
    const ids = deliveries.map((d) => d.outboxId);
    try {
      const commentIds = deliveries.map((d) => d.payload.commentId).filter((id): id is string => typeof id === "string");
      await syncSimilarity(db, commentIds);
    } catch (error) {
      await failConsumerDeliveries(db, SIMILARITY_CONSUMER, ids, (error as Error).message ?? String(error));
      throw error;
    }
    await completeConsumerDeliveries(db, SIMILARITY_CONSUMER, ids);
    return deliveries.length;
  }
  const consultationId = await nextConsultationToCatchUp(db);
  if (!consultationId) return 0;
  await catchUpConsultation(db, consultationId, options.catchUpBatch ?? 500);
  return 1;
}

/** Runs passes until nothing is left (tests; REPORT_READ_MODE=current before a build). */
export async function drainSimilarity(db: Db, options: SimilarityWorkerOptions = {}): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await runSimilarityOnce(db, options);
    if (!n) return total;
    total += n;
  }
}

export interface RunningSimilarityWorker {
  stop(): Promise<void>;
}

export function startSimilarityWorker(db: Db, options: SimilarityWorkerOptions = {}): RunningSimilarityWorker {
  const log = options.log ?? ((m: string) => console.log(m));
  const pollMs = options.pollMs ?? 1000;
  let running = true;
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const loop = (async () => {
    let failures = 0;
    while (running) {
      try {
        const n = await runSimilarityOnce(db, options);
        failures = 0;
        if (!n) await sleep(pollMs);
        // PGlite answers through promises alone: without a turn of the event loop between
        // passes, a long catch-up would hold every request (and the server's start).
        else await new Promise((resolve) => setImmediate(resolve));
      } catch (error) {
        failures++;
        if (failures === 1 || failures % 10 === 0) log(`[similarity] pass failed (attempt ${failures}), will retry: ${(error as Error).message}`);
        if (running) await sleep(Math.min(60_000, pollMs * 2 ** Math.min(failures, 6)));
      }
    }
  })();
  return {
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}
