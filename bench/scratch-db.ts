/**
 * A scratch database for the search benchmarks: a fresh PostgreSQL database on BENCH_DATABASE_URL
 * (created here, dropped by `drop` unless kept), or an in-memory PGlite without it.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openPglite, openPostgres, type DatabaseHandle } from "~db/database.server";

export async function scratchDatabase(options: { prefix: string; max?: number; keep?: boolean }): Promise<{ handle: DatabaseHandle; drop?: () => Promise<void> }> {
  const benchUrl = process.env.BENCH_DATABASE_URL;
  if (!benchUrl) return { handle: await openPglite() };
  const name = `${options.prefix}_${randomBytes(4).toString("hex")}`;
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: benchUrl });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(benchUrl);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString(), options.max ? { max: options.max } : {});
  if (options.keep) {
    console.log(`keeping database ${name}`);
    return { handle };
  }
  return { handle, drop: () => admin(`drop database if exists ${name} with (force)`) };
}
