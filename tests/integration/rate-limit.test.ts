/**
 * Contract test of the rate limiter's stores: the database table (on PGlite and PostgreSQL)
 * and Redis (REDIS_URL or TEST_REDIS_URL, else 127.0.0.1:6379 when it answers). The clock is
 * injected, so windows are tested without waiting.
 */
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest, openPostgres } from "~db/database.server";
import { RateLimiter, databaseWindowStore, redisWindowStore, type WindowStore } from "~/modules/security/rate-limit.server";
import { createPostgresDatabase, engines } from "../support/engines";

const redisUrl = process.env.TEST_REDIS_URL || process.env.REDIS_URL || "redis://127.0.0.1:6379";

async function redisReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379), timeout: 1000 });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

interface StoreFactory {
  name: string;
  /** Two stores on the same backend, as two processes would have. */
  open(): Promise<{ a: WindowStore; b: WindowStore; close(): Promise<void> }>;
}

const factories: StoreFactory[] = engines.map((engine) => ({
  name: `database on ${engine.name}`,
  async open() {
    if (engine.name === "pglite") {
      // One process by nature: the second "process" shares the handle.
      const handle = await engine.open();
      return { a: databaseWindowStore(handle.db), b: databaseWindowStore(handle.db), close: () => handle.close() };
    }
    // Two pools on one database, as two server processes would have.
    const database = await createPostgresDatabase();
    const first = openPostgres(database.url, { max: 5 });
    await migrateToLatest(first.db);
    const second = openPostgres(database.url, { max: 5 });
    return {
      a: databaseWindowStore(first.db),
      b: databaseWindowStore(second.db),
      async close() {
        await second.close();
        await first.close();
        await database.drop();
      },
    };
  },
}));

const reachable = await redisReachable(redisUrl);
if (reachable) {
  factories.push({
    name: "redis",
    async open() {
      const a = await redisWindowStore(redisUrl);
      const b = await redisWindowStore(redisUrl);
      return {
        a,
        b,
        async close() {
          await a.close();
          await b.close();
        },
      };
    },
  });
} else {
  console.log(`[tests] Redis rate-limit store skipped: nothing answers at ${redisUrl}`);
}

describe.each(factories)("rate limiter store: $name", (factory) => {
  let stores: Awaited<ReturnType<StoreFactory["open"]>>;
  let now = Date.UTC(2026, 11, 1, 12, 0, 0);
  const clock = () => now;
  const rule = { limit: 5, windowMs: 60_000 };
  let n = 0;
  const key = () => `test:${process.pid}:${Date.now()}:${++n}`;

  beforeAll(async () => {
    stores = await factory.open();
  });
  afterAll(async () => {
    await stores?.close();
  });

  it("allows up to the limit, then refuses with a Retry-After inside the window", async () => {
    now = Date.UTC(2026, 11, 1, 12, 0, 0);
    const limiter = new RateLimiter(stores.a, clock);
    const k = key();
    const decisions = [];
    for (let i = 0; i < 7; i++) decisions.push(await limiter.hit(k, rule));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, true, false, false]);
    const refused = decisions[5];
    if (refused.allowed) throw new Error("unreachable");
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(120);
  });

  it("slides: the previous window still counts in proportion, and fades out", async () => {
    now = Date.UTC(2026, 11, 1, 13, 0, 0);
    const limiter = new RateLimiter(stores.a, clock);
    const k = key();
    for (let i = 0; i < 5; i++) expect((await limiter.hit(k, rule)).allowed).toBe(true);
    // A quarter into the next window, 75% of the 5 previous requests (3.75) still count: one more fits.
    now += 60_000 + 15_000;
    expect((await limiter.hit(k, rule)).allowed).toBe(true);
    expect((await limiter.hit(k, rule)).allowed).toBe(false);
    // Two windows later, everything has faded.
    now += 120_000;
    expect((await limiter.hit(k, rule)).allowed).toBe(true);
  });

  it("check() does not count; hit() does", async () => {
    now = Date.UTC(2026, 11, 1, 14, 0, 0);
    const limiter = new RateLimiter(stores.a, clock);
    const k = key();
    for (let i = 0; i < 10; i++) expect((await limiter.check(k, rule)).allowed).toBe(true);
    for (let i = 0; i < 5; i++) await limiter.hit(k, rule);
    expect((await limiter.check(k, rule)).allowed).toBe(false);
    await limiter.reset(k);
    expect((await limiter.check(k, rule)).allowed).toBe(true);
  });

  it("counts exactly under concurrency, across two clients of the same store", async () => {
    now = Date.UTC(2026, 11, 1, 15, 0, 0);
    const a = new RateLimiter(stores.a, clock);
    const b = new RateLimiter(stores.b, clock);
    const k = key();
    const big = { limit: 40, windowMs: 60_000 };
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? a : b).hit(k, big)));
    expect(results.filter((r) => r.allowed)).toHaveLength(40);
  });

  it("keeps keys apart", async () => {
    now = Date.UTC(2026, 11, 1, 16, 0, 0);
    const limiter = new RateLimiter(stores.a, clock);
    const [k1, k2] = [key(), key()];
    for (let i = 0; i < 5; i++) await limiter.hit(k1, rule);
    expect((await limiter.hit(k1, rule)).allowed).toBe(false);
    expect((await limiter.hit(k2, rule)).allowed).toBe(true);
  });
});
