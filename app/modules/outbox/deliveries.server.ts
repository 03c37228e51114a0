/**
 * Per-consumer outbox deliveries (ADR 0031) for any consumer: claim with FOR UPDATE SKIP LOCKED
 * and a lease, complete, or release for a retry with exponential back-off. The search worker
 * has its own copy of these statements (app/modules/search/commands.server.ts); this one serves
 * the other consumers (similar-comment groups) without reaching into the search module.
 */
import { sql } from "kysely";
import type { Db } from "~db/database.server";

export interface Delivery {
  outboxId: string;
  attempts: number;
  topic: string;
  payload: Record<string, unknown>;
}

/** Claims up to `limit` due deliveries of `consumer` for `leaseSeconds`, oldest first. */
export async function claimConsumerDeliveries(db: Db, consumer: string, limit: number, leaseSeconds: number): Promise<Delivery[]> {
  const { rows } = await sql<{ outbox_id: string; attempts: number; topic: string; payload: unknown }>`
    update outbox_deliveries d
    set locked_until = now() + make_interval(secs => ${leaseSeconds}), attempts = d.attempts + 1
    from outbox o
    where o.id = d.outbox_id and d.consumer = ${consumer} and d.outbox_id in (
      select outbox_id from outbox_deliveries
      where consumer = ${consumer} and processed_at is null and available_at <= now()
        and (locked_until is null or locked_until < now())
      order by outbox_id
      limit ${limit}
      for update skip locked)
    returning d.outbox_id::text as outbox_id, d.attempts, o.topic, o.payload`.execute(db);
  return rows
    .map((r) => ({
      outboxId: String(r.outbox_id),
      attempts: Number(r.attempts),
      topic: r.topic,
      payload: (typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>,
    }))
    .sort((a, b) => Number(a.outboxId) - Number(b.outboxId));
}

export async function completeConsumerDeliveries(db: Db, consumer: string, outboxIds: string[]): Promise<void> {
  if (!outboxIds.length) return;
  await sql`update outbox_deliveries set processed_at = now(), locked_until = null, last_error = null
    where consumer = ${consumer} and outbox_id = any(${outboxIds}::bigint[])`.execute(db);
}

/** Releases failed deliveries for a retry after min(maxDelayMs, baseDelayMs · 2^(attempts−1)). */
export async function failConsumerDeliveries(db: Db, consumer: string, outboxIds: string[], error: string, baseDelayMs = 1000, maxDelayMs = 300_000): Promise<void> {
  if (!outboxIds.length) return;
  await sql`update outbox_deliveries
    set locked_until = null, last_error = ${error.slice(0, 2000)},
      available_at = now() + make_interval(secs => least(${maxDelayMs}::float8, ${baseDelayMs}::float8 * power(2, greatest(attempts - 1, 0))) / 1000.0)
    where consumer = ${consumer} and outbox_id = any(${outboxIds}::bigint[])`.execute(db);
}
