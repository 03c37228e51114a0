/**
 * npm run search:reindex — rebuilds the configured search index (Meilisearch when MEILI_URL is
 * set, otherwise PostgreSQL full-text) from the database, with a progress bar and counts.
 * On the embedded database, stop the server first: one process per DATA_DIR.
 */
import { openDatabase } from "~/boot.server";
import { reindex } from "~/modules/search/reindex.server";
import { createSearchIndex } from "~/modules/search/service.server";
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
const tty = process.stderr.isTTY;
let lastShown = -1;
function bar(done: number, total: number, label: string, documents: number) {
  const ratio = total ? done / total : 1;
  const pct = Math.floor(ratio * 100);
  if (tty) {
    const width = 30;
    const filled = Math.round(ratio * width);
    process.stderr.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${String(pct).padStart(3)}%  ${label.padEnd(12)} ${done}/${total} rows, ${documents} documents `);
  } else if (pct >= lastShown + 10 || done === total) {
    lastShown = pct - (pct % 10);
    process.stderr.write(`${pct}% (${label}: ${done}/${total} rows, ${documents} documents)\n`);
  }
}
try {
  await migrateToLatest(handle.db);
  const index = createSearchIndex(handle.db, config);
  console.log(`Rebuilding the ${index.name} index from ${handle.engine === "pglite" ? `the embedded database in ${config.dataDir}` : "PostgreSQL"}…`);
  const report = await reindex(handle.db, index, { onProgress: (p) => bar(p.done, p.total, p.kind, p.documents) });
  if (tty) process.stderr.write("\n");
  for (const [kind, c] of Object.entries(report.byKind)) console.log(`  ${kind.padEnd(13)} ${String(c.rows).padStart(8)} rows → ${String(c.documents).padStart(8)} documents`);
  console.log(`Done: ${report.documents} documents in ${(report.ms / 1000).toFixed(1)} s; the index holds ${await index.count()}.`);
} catch (error) {
  if (tty) process.stderr.write("\n");
  console.error(`Rebuild failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await handle.close();
  handle.release();
}
