/**
 * Process start-up, called once by server.js through the server build: check the
 * configuration, lock DATA_DIR (embedded engine), open the database, migrate, load the demo.
 */
import { lockDataDir } from "~db/data-dir-lock.server";
import { migrateToLatest, openPglite, openPostgres, type DatabaseHandle } from "~db/database.server";
import { seedDemo, shouldSeedDemo } from "~db/seed/seed.server";
import path from "node:path";
import { startSearch } from "./modules/search/service.server";
import { createCookies } from "./utils/cookies.server";
import type { AppContext } from "./utils/context.server";
import { loadConfig, type Config } from "./utils/env.server";
import { startWorkers } from "./workers.server";
import { createRateLimiter } from "./modules/security/rate-limit.server";
import { recordQuery } from "./server/timing.server";

export interface Booted {
  context: AppContext;
  shutdown(): Promise<void>;
}

/** Opens the configured engine; the embedded one only after taking the DATA_DIR lock. */
export async function openDatabase(config: Config): Promise<DatabaseHandle & { release(): void }> {
  // SERVER_TIMING=on: every query's time is added to its request's Server-Timing header.
  const options = config.front.serverTiming ? { onQuery: recordQuery } : {};
  if (config.databaseUrl) return { ...openPostgres(config.databaseUrl, options), release: () => {} };
  const release = lockDataDir(config.dataDir);
  try {
    const handle = await openPglite(path.join(config.dataDir, "pglite"), options);
    return { ...handle, release };
  } catch (error) {
    release();
    throw error;
  }
}

export async function boot(env: Record<string, string | undefined> = process.env): Promise<Booted> {
  const config = loadConfig(env);
  const handle = await openDatabase(config);
  try {
    const applied = await migrateToLatest(handle.db);
    if (applied.length) console.log(`[db] applied ${applied.length} migration(s): ${applied.join(", ")}`);
    if (await shouldSeedDemo(handle.db, config, handle.engine)) {
      const summary = await seedDemo(handle.db);
      console.log(`[seed] demo loaded: ${summary}`);
    }
  } catch (error) {
    await handle.close().catch(() => {});
    handle.release();
    throw error;
  }
  const secure = (config.publicUrl ?? "").startsWith("https://");
  const limiter = await createRateLimiter(handle.db, config.redisUrl).catch(async (error) => {
    await handle.close().catch(() => {});
    handle.release();
    throw new Error(`rate limiter: cannot connect to REDIS_URL: ${(error as Error).message}`);
  });
  const context: AppContext = {
    db: handle.db,
    engine: handle.engine,
    config,
    cookies: createCookies(config.sessionSecret, secure),
    startedAt: new Date(),
    limiter,
  };
  const workers = startWorkers(context);
  // Search index worker (the outbox's "search" consumer); SEARCH_WORKER=off leaves it to `npm run search:worker`.
  const search = env.SEARCH_WORKER === "off" ? undefined : startSearch(context);
  return {
    context,
    async shutdown() {
      await search?.stop();
      await workers.stop();
      await limiter.close();
      await handle.close();
      handle.release();
    },
  };
}
