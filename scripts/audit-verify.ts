/**
 * npm run audit:verify — checks the audit log's hash chain on the configured database
 * (DATABASE_URL, or the embedded one in DATA_DIR: stop the server first, it holds the lock).
 * Exit code 0: intact; 1: broken (the first broken entry is named); 2: could not check.
 */
import { openDatabase } from "~/boot.server";
import { verifyAuditChain } from "~/modules/audit/verify.server";
import { loadConfig } from "~/utils/env.server";

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  const handle = await openDatabase(config);
  try {
    const result = await verifyAuditChain(handle.db);
    if (result.ok) {
      console.log(`audit log intact: ${result.entries} entries, last hash ${result.lastHash ?? "(none)"}`);
      return 0;
    }
    const why = result.reason === "prev_hash_mismatch" ? "its prev_hash is not the previous entry's hash (an entry before it was removed or changed)" : "its contents do not match its hash (it was altered)";
    console.error(`audit log BROKEN at entry id ${result.brokenId} (${result.action}, ${result.at}): ${why}. ${result.entries} entries before it are intact.`);
    return 1;
  } finally {
    await handle.close();
    handle.release();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error && ["ConfigError", "DataDirLockedError"].includes(error.name) ? error.message : error);
    process.exit(2);
  },
);
