/**
 * npm run search:worker — the search outbox worker as a process of its own (for deployments
 * that run the web servers with SEARCH_WORKER=off). Any number may run: rows are claimed with
 * FOR UPDATE SKIP LOCKED. Stops cleanly on SIGTERM/SIGINT after the batch in flight.
 */
import { openDatabase } from "~/boot.server";
import { createSearchIndex } from "~/modules/search/service.server";
import { SearchWorker } from "~/modules/search/worker.server";
import { loadConfig } from "~/utils/env.server";
import { migrateToLatest } from "~db/database.server";

const config = loadConfig();
let handle;
try {
  handle = await openDatabase(config);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
await migrateToLatest(handle.db);
const index = createSearchIndex(handle.db, config);
const worker = new SearchWorker(handle.db, index);
worker.start();
console.log(`[search] worker delivering the outbox to the ${index.name} index (${handle.engine}); Ctrl-C to stop`);
let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[search] ${signal}: finishing the current batch`);
  await worker.stop();
  await handle!.close();
  handle!.release();
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
