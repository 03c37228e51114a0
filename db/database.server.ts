/**
 * Opens the database: PostgreSQL through `pg` when DATABASE_URL is set, otherwise PGlite
 * (PostgreSQL compiled to WASM, in-process) persisted in a folder. Same schema, same SQL.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { Kysely, PGliteDialect, PostgresDialect, type LogEvent } from "kysely";
import { Migrator, type MigrationProvider } from "kysely/migration";
import pg from "pg";
import { migrations } from "./migrations/index";
import type { Database } from "./schema";

export type Engine = "postgres" | "pglite";
export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
}

// timestamptz comes back as Date (pg's default); bigint ids (outbox, audit) stay strings.
pg.types.setTypeParser(20, (value: string) => value);

export interface OpenOptions {
  /** Called after every query with its duration (Server-Timing, ADR 0060). */
  onQuery?: (durationMs: number) => void;
}

function queryLog(options: OpenOptions) {
  const onQuery = options.onQuery;
  if (!onQuery) return undefined;
  return (event: LogEvent) => onQuery(event.queryDurationMillis);
}

/** PostgreSQL through a pg Pool. */
export function openPostgres(url: string, options: { max?: number } & OpenOptions = {}): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client that errors (server restart) must not crash the process.
  pool.on("error", (error) => console.error("[db] idle client error:", error.message));
  // A client checked out of the pool has no listener of the pool's: one the server ends between
  // two statements of a transaction (restart, pg_terminate_backend) would emit an unhandled
  // 'error' and end the process. Its pending or next query fails instead, and the pool drops it.
  pool.on("connect", (client) => client.on("error", (error) => console.error("[db] client error:", error.message)));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: queryLog(options) });
  return { db, engine: "postgres", close: () => db.destroy() };
}

/**
 * PGlite in `dir` (created with its parents), or in memory when dir is undefined.
 * PGlite has a single connection; kysely's PGlite driver queues queries on it.
 */
export async function openPglite(dir?: string, options: OpenOptions = {}): Promise<DatabaseHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { unaccent } = await import("@electric-sql/pglite/contrib/unaccent");
  if (dir) mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
  const pglite = await PGlite.create(dir, { extensions: { pg_trgm, unaccent } });
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }), log: queryLog(options) });
  return { db, engine: "pglite", close: () => db.destroy() };
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  // Features land in parallel with ISO-dated names, so an older name may arrive after a newer one.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${failed?.migrationName ?? "(unknown)"} failed: ${reason}`);
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** A cheap liveness probe for /healthz. */
export async function checkDatabase(db: Db): Promise<{ ok: boolean; latencyMs: number; error?: string }> {
  const started = performance.now();
  try {
    await db.selectNoFrom((eb) => eb.val(1).as("one")).execute();
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: (error as Error).message };
  }
}
