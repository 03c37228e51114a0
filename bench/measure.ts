/**
 * The measurements: autocannon load at a number of connections, whole downloads one at a time,
 * a few sequential requests for the app's own Server-Timing (database and total time), and a
 * server process's memory from /proc.
 */
import { readFileSync, writeFileSync } from "node:fs";
import autocannon from "autocannon";
import { parseServerTiming, rawRequest } from "./http";
import type { RequestSpec } from "./scenarios";

export interface LoadFigures {
  connections: number;
  /** Responses with an expected status: the percentiles and req/s are theirs. */
  ok: number;
  /** 503 answers (load shedding): neither served nor failed. */
  shed: number;
  /** Other statuses, connection errors and timeouts. */
  failures: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
}

export interface DownloadFigures extends LoadFigures {
  bytes: number;
  rows: number;
}

export interface TimingFigures {
  samples: number;
  /** Mean over the sequential requests; NaN when the app sent no Server-Timing. */
  dbMs: number;
  queries: number;
  totalMs: number;
  /** Mean time the harness saw for the same requests. */
  clientMs: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** A fresh request for autocannon: a new body (comment posts), the next path (search's queries in turn). */
function setup(spec: RequestSpec) {
  let i = 0;
  return (request: Record<string, unknown>) => {
    const next = { ...request };
    if (spec.body) next.body = spec.body();
    if (spec.paths?.length) next.path = spec.paths[i++ % spec.paths.length];
    return next;
  };
}

function requests(spec: RequestSpec) {
  return [{ method: spec.method, path: spec.path, headers: spec.headers, setupRequest: setup(spec) }];
}

export interface LoadOptions {
  duration: number;
  /** When a window got fewer responses than this, measure again by this number of requests. */
  minResponses(connections: number): number;
  log(m: string): void;
}

/**
 * autocannon for `duration` seconds; responses still in flight when it ends are not counted, so a
 * page slower than the window would show no figures: then it is measured again until
 * `minResponses(connections)` responses came back (`amount`), however long that takes.
 */
export async function measureLoad(base: string, spec: RequestSpec, connections: number, okStatus: number[], options: LoadOptions): Promise<LoadFigures> {
  const first = await measureOnce(base, spec, connections, okStatus, { duration: options.duration });
  const min = options.minResponses(connections);
  if (first.ok + first.shed + first.failures >= min) return first;
  options.log(`only ${first.ok + first.shed + first.failures} responses in ${options.duration} s at ${connections} conn.: measuring ${min} requests instead`);
  return measureOnce(base, spec, connections, okStatus, { amount: min });
}

async function measureOnce(base: string, spec: RequestSpec, connections: number, okStatus: number[], bound: { duration: number } | { amount: number }): Promise<LoadFigures> {
  const times: number[] = [];
  let failures = 0;
  let shed = 0;
  const instance = autocannon({ url: base, connections, ...bound, timeout: 120, pipelining: 1, requests: requests(spec) });
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (okStatus.includes(statusCode)) times.push(responseTime);
    else if (statusCode === 503) shed++;
    else failures++;
  });
  const t0 = performance.now();
  const result = await instance;
  const seconds = "duration" in bound ? result.duration || bound.duration : (performance.now() - t0) / 1000;
  failures += result.errors + result.timeouts;
  times.sort((a, b) => a - b);
  return { connections, ok: times.length, shed, failures, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), rps: times.length / seconds };
}

/** A short warm-up (JIT, caches, the pool) before measuring. */
export async function warmUp(base: string, spec: RequestSpec, amount: number) {
  await autocannon({ url: base, connections: 2, amount, timeout: 120, requests: requests(spec) });
}

/**
 * Downloads the whole response `runs` times, one after another: times, size, data rows (lines
 * after the header). Returns the last body too (the capture the floor serves).
 */
export async function download(base: string, spec: RequestSpec, runs: number, okStatus: number[]): Promise<{ figures: DownloadFigures; last: Awaited<ReturnType<typeof rawRequest>> | undefined }> {
  const times: number[] = [];
  let failures = 0;
  let shed = 0;
  let bytes = 0;
  let rows = 0;
  let last;
  const started = performance.now();
  for (let r = 0; r < runs; r++) {
    try {
      const response = await rawRequest(base, { method: spec.method, path: spec.path, headers: spec.headers, body: spec.body?.() }, { keepAlive: false });
      last = response;
      if (response.status === 503) shed++;
      else if (!okStatus.includes(response.status)) failures++;
      else {
        times.push(response.ms);
        bytes = response.body.length;
        let lines = 0;
        for (let i = 0; i < response.body.length; i++) if (response.body[i] === 10) lines++;
        rows = Math.max(0, lines - 1);
      }
    } catch {
      failures++;
    }
  }
  times.sort((a, b) => a - b);
  const seconds = (performance.now() - started) / 1000;
  return { figures: { connections: 1, ok: times.length, shed, failures, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), rps: times.length / seconds, bytes, rows }, last };
}

/**
 * Sequential requests (one at a time, so nothing queues) reading the app's Server-Timing:
 * `count` of them, or fewer when `maxSeconds` ran out (at least 3).
 */
export async function sampleTimings(base: string, spec: RequestSpec, count: number, maxSeconds: number): Promise<TimingFigures> {
  const db: number[] = [];
  const queries: number[] = [];
  const total: number[] = [];
  const client: number[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    if (i >= 3 && performance.now() - started > maxSeconds * 1000) break;
    const path = spec.paths?.length ? spec.paths[i % spec.paths.length] : spec.path;
    const response = await rawRequest(base, { method: spec.method, path, headers: spec.headers, body: spec.body?.() });
    const timing = parseServerTiming(response.headers["server-timing"]);
    client.push(response.ms);
    if (timing.dbMs !== undefined) db.push(timing.dbMs);
    if (timing.queries !== undefined) queries.push(timing.queries);
    if (timing.totalMs !== undefined) total.push(timing.totalMs);
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  return { samples: client.length, dbMs: mean(db), queries: mean(queries), totalMs: mean(total), clientMs: mean(client) };
}

/** Peak and current resident memory of a process, from /proc (Linux). */
export function memory(pid: number | undefined): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024;
    return { rss: kb("VmRSS"), peak: kb("VmHWM") };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

/**
 * The peak RSS of a process over some work: its VmHWM reset before (Linux: write 5 to
 * /proc/<pid>/clear_refs) and read after; where the reset is not allowed, the highest VmRSS
 * sampled every 20 ms. Both are taken, the higher wins.
 */
export async function peakDuring<T>(pid: number | undefined, work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let reset = false;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
    reset = true;
  } catch {
    reset = false;
  }
  let sampled = memory(pid).rss;
  const sampler = setInterval(() => (sampled = Math.max(sampled, memory(pid).rss)), 20);
  try {
    const result = await work();
    const after = memory(pid);
    return { result, peakMb: reset ? Math.max(after.peak, sampled) : Math.max(after.rss, sampled) };
  } finally {
    clearInterval(sampler);
  }
}
