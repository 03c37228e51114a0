/**
 * Rate limiting that holds across processes: a sliding window estimated from two fixed
 * windows (the current count plus the previous one weighted by how much of it still overlaps),
 * kept in the database (default) or in Redis (REDIS_URL). Both stores implement `WindowStore`
 * and pass the same contract test (tests/integration/rate-limit.test.ts).
 */
import type { AppLoadContext } from "@remix-run/node";
import type { Db } from "~db/database.server";
import type { RateLimitName, RateLimitRule } from "~/utils/env.server";
import { deleteExpiredWindows, incrementWindow, readWindow, resetWindow, type WindowCounts } from "./commands.server";

export interface WindowStore {
  readonly kind: "database" | "redis";
  increment(key: string, windowStart: number, windowMs: number): Promise<WindowCounts>;
  read(key: string, windowStart: number, windowMs: number): Promise<WindowCounts>;
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}

export type RateLimitDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export function databaseWindowStore(db: Db): WindowStore {
  let calls = 0;
  return {
    kind: "database",
    async increment(key, windowStart, windowMs) {
      const counts = await incrementWindow(db, key, windowStart, windowMs);
      // Sweep old counters every thousand counted requests; a failed sweep only leaves rows behind.
      if (++calls % 1000 === 0) void deleteExpiredWindows(db).catch(() => {});
      return counts;
    },
    read: (key, windowStart, windowMs) => readWindow(db, key, windowStart, windowMs),
    reset: (key) => resetWindow(db, key),
    async close() {},
  };
}

/** Redis: one key per window (`rl:<key>:<window start>`), INCR + PEXPIRE in one MULTI. */
export async function redisWindowStore(url: string): Promise<WindowStore> {
  const { createClient } = await import("redis");
  const client = createClient({ url, socket: { connectTimeout: 5_000, reconnectStrategy: (retries) => Math.min(retries * 200, 2_000) } });
  client.on("error", (error: Error) => console.error("[rate-limit] redis:", error.message));
  await client.connect();
  const name = (key: string, windowStart: number) => `rl:${key}:${windowStart}`;
  return {
    kind: "redis",
    async increment(key, windowStart, windowMs) {
      const [count, , prev] = (await client
        .multi()
        .incr(name(key, windowStart))
        .pExpire(name(key, windowStart), 2 * windowMs)
        .get(name(key, windowStart - windowMs))
        .exec()) as unknown as [number, unknown, string | null];
      return { windowStart, count: Number(count), prevCount: Number(prev ?? 0) };
    },
    async read(key, windowStart, windowMs) {
      const [count, prev] = await client.mGet([name(key, windowStart), name(key, windowStart - windowMs)]);
      return { windowStart, count: Number(count ?? 0), prevCount: Number(prev ?? 0) };
    },
    async reset(key) {
      const keys: string[] = [];
      for await (const batch of client.scanIterator({ MATCH: `rl:${key}:*`, COUNT: 100 })) keys.push(...(Array.isArray(batch) ? batch : [batch]));
      if (keys.length) await client.del(keys);
    },
    async close() {
      await client.quit().catch(() => {});
    },
  };
}

/** The sliding-window estimate of requests in the last `windowMs`, at time `now`. */
export function estimate(counts: WindowCounts, windowMs: number, now: number): number {
  const overlap = 1 - (now - counts.windowStart) / windowMs;
  return counts.prevCount * Math.max(0, overlap) + counts.count;
}

/** How long until one more request fits, given counts that include the refused one. */
export function retryAfterMs(counts: WindowCounts, rule: RateLimitRule, now: number): number {
  const { limit, windowMs } = rule;
  const elapsed = now - counts.windowStart;
  if (counts.count < limit && counts.prevCount > 0) {
    // Still this window: wait until the previous window's weight has decayed enough.
    const needed = windowMs * (1 - (limit - counts.count) / counts.prevCount);
    return Math.max(0, needed - elapsed);
  }
  // Next window: this window becomes "previous" and must decay until one request fits.
  const needed = counts.count > 0 ? windowMs * Math.max(0, 1 - (limit - 1) / counts.count) : 0;
  return windowMs - elapsed + needed;
}

export class RateLimiter {
  constructor(
    readonly store: WindowStore,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Counts a request and decides; over the limit the request is refused (and still counted). */
  async hit(key: string, rule: RateLimitRule): Promise<RateLimitDecision> {
    const now = this.clock();
    const windowStart = Math.floor(now / rule.windowMs) * rule.windowMs;
    const counts = await this.store.increment(key, windowStart, rule.windowMs);
    const used = estimate(counts, rule.windowMs, now);
    if (used <= rule.limit) return { allowed: true, remaining: Math.floor(rule.limit - used) };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs(counts, rule, now) / 1000)) };
  }

  /** Would one more request be allowed? Counts nothing (for limits that count failures only). */
  async check(key: string, rule: RateLimitRule): Promise<RateLimitDecision> {
    const now = this.clock();
    const windowStart = Math.floor(now / rule.windowMs) * rule.windowMs;
    const counts = await this.store.read(key, windowStart, rule.windowMs);
    const used = estimate(counts, rule.windowMs, now);
    if (used + 1 <= rule.limit) return { allowed: true, remaining: Math.floor(rule.limit - used - 1) };
    const withThis = { ...counts, count: counts.count + 1 };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs(withThis, rule, now) / 1000)) };
  }

  reset(key: string): Promise<void> {
    return this.store.reset(key);
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

/** The limiter the process was booted with (Redis or database). */
export async function createRateLimiter(db: Db, redisUrl: string | undefined): Promise<RateLimiter> {
  return new RateLimiter(redisUrl ? await redisWindowStore(redisUrl) : databaseWindowStore(db));
}

const fallback = new WeakMap<Db, RateLimiter>();

function limiterOf(context: AppLoadContext): RateLimiter {
  if (context.app.limiter) return context.app.limiter;
  // A context built without boot (scripts, some tests) limits through its database.
  let limiter = fallback.get(context.app.db);
  if (!limiter) fallback.set(context.app.db, (limiter = new RateLimiter(databaseWindowStore(context.app.db))));
  return limiter;
}

/**
 * Applies the configured limit `name` to `subject` (an e-mail, a user id, an address).
 * mode "check" only asks; "hit" counts the request. A limit set to "off" always allows.
 */
export async function applyRateLimit(context: AppLoadContext, name: RateLimitName, subject: string, mode: "hit" | "check" = "hit"): Promise<RateLimitDecision> {
  const rule = context.app.config.rateLimits?.[name];
  if (!rule) return { allowed: true, remaining: Number.POSITIVE_INFINITY };
  const key = `${name}:${subject.toLowerCase()}`;
  const limiter = limiterOf(context);
  return mode === "hit" ? limiter.hit(key, rule) : limiter.check(key, rule);
}

/** The client's address for per-address limits; "unknown" groups clients whose address is not known. */
export function clientAddress(context: AppLoadContext): string {
  return context.clientIp || "unknown";
}

/** Headers of a 429 answer. */
export function retryAfterHeaders(decision: RateLimitDecision): Record<string, string> {
  return decision.allowed ? {} : { "Retry-After": String(decision.retryAfterSeconds) };
}

/** The message key forms show for a 429 (locales/<lang>/security.json). */
export const RATE_LIMITED_ERROR = "security:rate_limited";

/** A 429 for API clients: JSON with the wait in seconds, and Retry-After. */
export function rateLimitedJson(decision: Extract<RateLimitDecision, { allowed: false }>): Response {
  return new Response(JSON.stringify({ error: "rate_limited", retryAfter: decision.retryAfterSeconds }), {
    status: 429,
    headers: { "Content-Type": "application/json; charset=utf-8", "Retry-After": String(decision.retryAfterSeconds) },
  });
}

/** A 429 for pages: thrown, it reaches the root error boundary, which shows a localized page. */
export function rateLimitedPage(decision: Extract<RateLimitDecision, { allowed: false }>): Response {
  return new Response("Too Many Requests", { status: 429, headers: { "Retry-After": String(decision.retryAfterSeconds) } });
}
