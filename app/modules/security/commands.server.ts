/** SQL of the database rate limiter: one atomic upsert per counted request. */
import { sql } from "kysely";
import type { Db } from "~db/database.server";

export interface WindowCounts {
  windowStart: number;
  count: number;
  prevCount: number;
}

/**
 * Counts one request for `key` in the window starting at `windowStart` and returns the counts.
 * The row holds the current and the previous window; moving into a new window shifts them in
 * the same statement, so concurrent requests from any number of processes never lose a count.
 */
export async function incrementWindow(db: Db, key: string, windowStart: number, windowMs: number): Promise<WindowCounts> {
  const expires = new Date(windowStart + 2 * windowMs);
  const row = await sql<{ count: number; prev_count: number }>`
    insert into rate_limits as r (key, window_start, count, prev_count, expires_at)
    values (${key}, ${windowStart}, 1, 0, ${expires})
    on conflict (key) do update set
      prev_count = case
        when r.window_start = excluded.window_start then r.prev_count
        when r.window_start = excluded.window_start - ${windowMs} then r.count
        else 0 end,
      count = case when r.window_start = excluded.window_start then r.count + 1 else 1 end,
      window_start = greatest(r.window_start, excluded.window_start),
      expires_at = excluded.expires_at
    returning count, prev_count`.execute(db);
  const r = row.rows[0];
  return { windowStart, count: Number(r.count), prevCount: Number(r.prev_count) };
}

/** The counts as they stand, without counting a request. */
export async function readWindow(db: Db, key: string, windowStart: number, windowMs: number): Promise<WindowCounts> {
  const row = await db.selectFrom("rate_limits").select(["window_start", "count", "prev_count"]).where("key", "=", key).executeTakeFirst();
  if (!row) return { windowStart, count: 0, prevCount: 0 };
  const stored = Number(row.window_start);
  if (stored === windowStart) return { windowStart, count: row.count, prevCount: row.prev_count };
  if (stored === windowStart - windowMs) return { windowStart, count: 0, prevCount: row.count };
  return { windowStart, count: 0, prevCount: 0 };
}

/** Removes counters whose windows are over (called now and then, never on the hot path's answer). */
export async function deleteExpiredWindows(db: Db): Promise<void> {
  await db.deleteFrom("rate_limits").where("expires_at", "<", new Date()).execute();
}

/** Forgets every counter for a key (an administrator lifting a block). */
export async function resetWindow(db: Db, key: string): Promise<void> {
  await db.deleteFrom("rate_limits").where("key", "=", key).execute();
}
