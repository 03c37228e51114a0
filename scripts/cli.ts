/** Shared start-up for command-line scripts: checked configuration and the database (locked like the server). */
import { openDatabase } from "~/boot.server";
import { ConfigError, loadConfig } from "~/utils/env.server";
import { migrateToLatest } from "~db/database.server";

export async function withDatabase<T>(run: (handle: Awaited<ReturnType<typeof openDatabase>>, config: ReturnType<typeof loadConfig>) => Promise<T>): Promise<T> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  let handle;
  try {
    handle = await openDatabase(config);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  try {
    await migrateToLatest(handle.db);
    return await run(handle, config);
  } finally {
    await handle.close();
    handle.release();
  }
}

/** `--name value` and `--flag` arguments. */
export function parseArgs(argv: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) continue;
    const [name, inline] = arg.slice(2).split("=", 2);
    if (inline !== undefined) out[name] = inline;
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith("--")) out[name] = argv[++i];
    else out[name] = true;
  }
  return out;
}
