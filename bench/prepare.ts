/**
 * The benchmark's databases. Without --reuse: the data set is built (bench/dataset.ts) into
 * `<prefix>_<size>` (PostgreSQL) or bench/.data/<size> (PGlite), measured, and dropped.
 * With --reuse: the built data set is kept, marked with its size and a hash of bench/dataset.ts,
 * and each run measures a copy of it (`<prefix>_<size>_run`, bench/.data/<size>-run), so the
 * comments a run posts never pile up in the kept one. A marker that does not match (another
 * size, dataset.ts changed) means a rebuild.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { migrateToLatest, openPglite, openPostgres, type Db } from "~db/database.server";
import { materializeReport, staleReports } from "~/modules/reports/builds.server";
import { catchUpConsultationFully, nextConsultationToCatchUp } from "~/modules/responses/similarity-store.server";
import { buildDataset, sizes, type DatasetInfo } from "./dataset";
import { searchPlans } from "./search-plans";
import type { Engine } from "./scenarios";

const root = path.resolve(import.meta.dirname, "..");

export interface Prepared {
  env: Record<string, string>;
  info: DatasetInfo;
  /** Where the data set came from: "built in 63 s" or "reused (built 2026-12-03T…)". */
  origin: string;
  cleanup(): Promise<void>;
}

interface Marker {
  datasetVersion: string;
  size: "quick" | "full";
  builtAt: string;
  info: DatasetInfo;
  /** When the workers' derived state (similar-comment groups, report builds) was built into it. */
  derivedAt?: string;
}

/**
 * What the app's workers derive from the rows (ADR 0063, 0064): similar-comment groups and the
 * stored report of each consultation. A server that has been running has them; a copy of bare
 * rows would spend the whole run catching up (28 minutes on PGlite for this data set), and the
 * benchmark would measure that instead of the pages. So they are built once, here, with the
 * app's own functions, and kept with the data set.
 */
async function deriveState(db: Db, log: (m: string) => void, label: string): Promise<void> {
  const started = performance.now();
  for (let id = await nextConsultationToCatchUp(db); id; id = await nextConsultationToCatchUp(db)) await catchUpConsultationFully(db, id, 2000);
  const stale = await staleReports(db);
  for (const { consultationId } of stale) await materializeReport(db, consultationId);
  log(`${label}: similar-comment groups and ${stale.length} report builds derived in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** A hash of bench/dataset.ts: the rows it builds (and the sizes) are defined there. */
export function datasetVersion(): string {
  return createHash("sha256").update(readFileSync(path.join(root, "bench", "dataset.ts"))).digest("hex").slice(0, 16);
}

function describe(info: DatasetInfo): string {
  return `${info.comments} comments (${info.annotations} annotations) in ${info.consultations} consultations, ${info.answers} answers, ${info.searchDocuments} search documents indexed in ${(info.searchIndexMs / 1000).toFixed(1)} s`;
}

export async function prepare(engine: Engine, options: { quick: boolean; reuse: boolean; adminUrl: string; prefix: string; log(m: string): void }): Promise<Prepared> {
  return engine === "pglite" ? preparePglite(options) : preparePostgres(options);
}

async function preparePglite({ quick, reuse, log }: { quick: boolean; reuse: boolean; log(m: string): void }): Promise<Prepared> {
  const sizeName = quick ? "quick" : "full";
  const keptDir = path.join(root, "bench", ".data", sizeName);
  const markerFile = path.join(keptDir, "dataset.json");
  const version = datasetVersion();
  const started = performance.now();
  let marker: Marker | undefined;
  let built = false;
  if (reuse && existsSync(markerFile)) {
    const m = JSON.parse(readFileSync(markerFile, "utf8")) as Marker;
    if (m.datasetVersion === version && m.size === sizeName && existsSync(path.join(keptDir, "pglite"))) marker = m;
    else log(`pglite: the kept data set in ${keptDir} is of another version or size: rebuilding`);
  }
  if (!marker) {
    rmSync(keptDir, { recursive: true, force: true });
    mkdirSync(keptDir, { recursive: true });
    const handle = await openPglite(path.join(keptDir, "pglite"));
    await migrateToLatest(handle.db);
    const info = await buildDataset(handle.db, sizes[sizeName]);
    await deriveState(handle.db, log, "pglite");
    await handle.close();
    marker = { datasetVersion: version, size: sizeName, builtAt: new Date().toISOString(), info, derivedAt: new Date().toISOString() };
    writeFileSync(markerFile, JSON.stringify(marker, null, 2) + "\n");
    built = true;
    log(`pglite data set: ${describe(info)}, built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (!reuse) return { env: { DATA_DIR: keptDir }, info, origin: `built in ${((performance.now() - started) / 1000).toFixed(0)} s`, cleanup: async () => rmSync(keptDir, { recursive: true, force: true }) };
  }
  if (!marker.derivedAt) {
    // Kept before the derived state was part of the data set: add it once.
    const handle = await openPglite(path.join(keptDir, "pglite"));
    await migrateToLatest(handle.db);
    await deriveState(handle.db, log, "pglite");
    await handle.close();
    marker = { ...marker, derivedAt: new Date().toISOString() };
    writeFileSync(markerFile, JSON.stringify(marker, null, 2) + "\n");
  }
  const origin = built ? `built in ${((performance.now() - started) / 1000).toFixed(0)} s, kept` : `reused (built ${marker.builtAt})`;
  // A copy for this run: the app migrates it and the comment POSTs write into it.
  const runDir = path.join(root, "bench", ".data", `${sizeName}-run`);
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  const t = performance.now();
  cpSync(path.join(keptDir, "pglite"), path.join(runDir, "pglite"), { recursive: true });
  log(`pglite data set ${origin}; copied for this run in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return { env: { DATA_DIR: runDir }, info: marker.info, origin, cleanup: async () => rmSync(runDir, { recursive: true, force: true }) };
}

async function admin<T>(adminUrl: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`BENCH_DB_PREFIX must make a plain lower-case database name, not ${name}`);
  return name;
};

async function preparePostgres({ quick, reuse, adminUrl, prefix, log }: { quick: boolean; reuse: boolean; adminUrl: string; prefix: string; log(m: string): void }): Promise<Prepared> {
  const sizeName = quick ? "quick" : "full";
  const kept = ident(`${prefix}_${sizeName}`);
  const urlOf = (name: string) => {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const version = datasetVersion();
  const started = performance.now();
  // The marker is the kept database's comment (COMMENT ON DATABASE): it travels with the database.
  let marker: Marker | undefined;
  let built = false;
  if (reuse) {
    const comment = await admin(adminUrl, async (c) => (await c.query<{ comment: string | null }>("select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1", [kept])).rows[0]?.comment);
    try {
      const m = comment ? (JSON.parse(comment) as Marker) : undefined;
      if (m?.datasetVersion === version && m.size === sizeName) marker = m;
      else if (comment !== undefined) log(`postgres: the kept database ${kept} is of another version or size: rebuilding`);
    } catch {
      log(`postgres: ${kept} has no bench marker: rebuilding`);
    }
  }
  if (!marker) {
    await admin(adminUrl, async (c) => {
      await c.query(`drop database if exists ${kept} with (force)`);
      await c.query(`create database ${kept}`);
    });
    const handle = openPostgres(urlOf(kept));
    await migrateToLatest(handle.db);
    const info = await buildDataset(handle.db, sizes[sizeName]);
    await deriveState(handle.db, log, "postgres");
    await handle.close();
    marker = { datasetVersion: version, size: sizeName, builtAt: new Date().toISOString(), info, derivedAt: new Date().toISOString() };
    const text = JSON.stringify(marker).replaceAll("'", "''");
    await admin(adminUrl, (c) => c.query(`comment on database ${kept} is '${text}'`));
    built = true;
    log(`postgres data set: ${describe(info)}, built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (!reuse) {
      return {
        env: { DATABASE_URL: urlOf(kept) },
        info,
        origin: `built in ${((performance.now() - started) / 1000).toFixed(0)} s`,
        cleanup: () => admin(adminUrl, (c) => c.query(`drop database if exists ${kept} with (force)`)).then(() => undefined),
      };
    }
  }
  if (!marker.derivedAt) {
    // Kept before the derived state was part of the data set: add it once.
    const handle = openPostgres(urlOf(kept));
    await migrateToLatest(handle.db);
    await deriveState(handle.db, log, "postgres");
    await handle.close();
    marker = { ...marker, derivedAt: new Date().toISOString() };
    const text = JSON.stringify(marker).replaceAll("'", "''");
    await admin(adminUrl, (c) => c.query(`comment on database ${kept} is '${text}'`));
  }
  const origin = built ? `built in ${((performance.now() - started) / 1000).toFixed(0)} s, kept` : `reused (built ${marker.builtAt})`;
  const run = ident(`${kept}_run`);
  const t = performance.now();
  await admin(adminUrl, async (c) => {
    await c.query(`drop database if exists ${run} with (force)`);
    // A template must have no other connection; someone's psql on it makes this fail for a moment.
    for (let attempt = 1; ; attempt++) {
      try {
        await c.query(`create database ${run} template ${kept}`);
        break;
      } catch (error) {
        if (attempt >= 10 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  });
  log(`postgres data set ${origin}; copied to ${run} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return {
    env: { DATABASE_URL: urlOf(run) },
    info: marker.info,
    origin,
    cleanup: () => admin(adminUrl, (c) => c.query(`drop database if exists ${run} with (force)`)).then(() => undefined),
  };
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of every statement search issues for the benchmark's queries, on the
 * copy a run measures (migrated first, as the app would): written to `file`, returned.
 */
export async function recordSearchPlans(engine: Engine, env: Record<string, string>, queries: string[], file: string): Promise<string> {
  const handle = engine === "pglite" ? await openPglite(path.join(env.DATA_DIR, "pglite")) : openPostgres(env.DATABASE_URL);
  try {
    await migrateToLatest(handle.db);
    const markdown = await searchPlans(handle.db, engine, queries.map((q) => ({ name: q, query: { q } })));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, markdown + "\n");
    return file;
  } finally {
    await handle.close();
  }
}
