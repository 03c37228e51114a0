import type { Db } from "~db/database.server";

/** Audit entries after `afterId` in chain order, a page at a time (ids are bigint strings). */
export async function listAuditEntries(db: Db, afterId: string | null, limit: number) {
  let query = db.selectFrom("audit_log").select(["id", "at", "actor_id", "action", "subject", "data", "prev_hash", "hash"]).orderBy("id").limit(limit);
  if (afterId !== null) query = query.where("id", ">", afterId);
  return query.execute();
}
