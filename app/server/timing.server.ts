/**
 * Database time per request, for the Server-Timing header (SERVER_TIMING=on): the benchmark
 * reads it to show how much of a response is SQL, how much rendering (ADR 0060). Each request
 * runs in its own AsyncLocalStorage store; the database handle reports every query's duration.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestTiming {
  startedAt: number;
  dbMs: number;
  queries: number;
}

const storage = new AsyncLocalStorage<RequestTiming>();

/** Runs `fn` with a fresh timing store. */
export function withRequestTiming<T>(fn: (timing: RequestTiming) => T): T {
  const timing: RequestTiming = { startedAt: performance.now(), dbMs: 0, queries: 0 };
  return storage.run(timing, () => fn(timing));
}

/** The database handle's query hook: adds a query to the current request, if any. */
export function recordQuery(durationMs: number): void {
  const timing = storage.getStore();
  if (!timing) return;
  timing.dbMs += durationMs;
  timing.queries++;
}

export function serverTimingHeader(timing: RequestTiming): string {
  const total = performance.now() - timing.startedAt;
  return `db;dur=${timing.dbMs.toFixed(2)};desc="${timing.queries} queries", total;dur=${total.toFixed(2)}`;
}
