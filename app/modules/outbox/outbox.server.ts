/**
 * The transactional outbox: a write that has consequences outside the database (search index,
 * e-mail, feeds) adds a row here in its own transaction; workers deliver after commit.
 */
import type { Db } from "~db/database.server";

export async function enqueueOutbox(db: Db, topic: string, payload: Record<string, unknown>): Promise<void> {
  await db.insertInto("outbox").values({ topic, payload: JSON.stringify(payload), available_at: new Date() }).execute();
}
