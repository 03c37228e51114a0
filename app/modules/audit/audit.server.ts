/**
 * Append-only, hash-chained audit log: each entry's hash covers the previous entry's hash,
 * so removing or altering any entry breaks the chain from that point on.
 */
import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "~db/database.server";

export interface AuditEntry {
  actorId: string | null;
  action: string;
  subject: string | null;
  data: Record<string, unknown>;
}

/**
 * JSON with object keys sorted at every level: jsonb does not keep key order, so the hash is
 * computed over a form that reads back identically from the database.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]])) : v,
  );
}

export function auditHash(prevHash: string | null, at: string, entry: AuditEntry): string {
  const canonical = canonicalJson([prevHash, at, entry.actorId, entry.action, entry.subject, entry.data]);
  return createHash("sha256").update(canonical).digest("hex");
}

/** Appends an entry. Serialised by an advisory lock so two writers never fork the chain. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  const write = async (trx: Db) => {
    await sql`select pg_advisory_xact_lock(727001)`.execute(trx);
    const last = await trx.selectFrom("audit_log").select("hash").orderBy("id", "desc").limit(1).executeTakeFirst();
    const at = new Date().toISOString();
    const prevHash = last?.hash ?? null;
    await trx
      .insertInto("audit_log")
      .values({
        at,
        actor_id: entry.actorId,
        action: entry.action,
        subject: entry.subject,
        data: JSON.stringify(entry.data),
        prev_hash: prevHash,
        hash: auditHash(prevHash, at, entry),
      })
      .execute();
  };
  // Inside a caller's transaction the lock lasts until it commits; otherwise open our own.
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
}
