/**
 * Checks the audit log's hash chain from the first entry: each entry's prev_hash must be the
 * previous entry's hash (null for the first), and its hash must be recomputable from its
 * contents. Reports the first entry where either fails.
 */
import type { Db } from "~db/database.server";
import { auditHash } from "./audit.server";
import { listAuditEntries } from "./queries.server";

export type AuditVerification =
  | { ok: true; entries: number; lastHash: string | null }
  | { ok: false; entries: number; brokenId: string; action: string; at: string; reason: "prev_hash_mismatch" | "hash_mismatch" };

export async function verifyAuditChain(db: Db, pageSize = 5_000): Promise<AuditVerification> {
  let previous: string | null = null;
  let afterId: string | null = null;
  let count = 0;
  for (;;) {
    const page = await listAuditEntries(db, afterId, pageSize);
    for (const row of page) {
      const at = new Date(row.at).toISOString();
      const fail = (reason: "prev_hash_mismatch" | "hash_mismatch") => ({ ok: false as const, entries: count, brokenId: String(row.id), action: row.action, at, reason });
      if ((row.prev_hash ?? null) !== previous) return fail("prev_hash_mismatch");
      const data = typeof row.data === "string" ? JSON.parse(row.data) : row.data;
      const expected = auditHash(previous, at, { actorId: row.actor_id, action: row.action, subject: row.subject, data });
      if (expected !== row.hash) return fail("hash_mismatch");
      previous = row.hash;
      count++;
    }
    if (page.length < pageSize) return { ok: true, entries: count, lastHash: previous };
    afterId = String(page[page.length - 1].id);
  }
}
