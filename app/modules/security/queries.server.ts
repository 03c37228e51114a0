import type { Db } from "~db/database.server";
import type { SessionPolicy } from "~/modules/accounts/queries.server";

/** A user's live sessions (the same conditions as findSessionUser), newest first. */
export async function listActiveSessions(db: Db, userId: string, policy: SessionPolicy) {
  const now = Date.now();
  return db
    .selectFrom("sessions")
    .select(["id", "created_at", "last_seen_at"])
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", new Date(now))
    .where("last_seen_at", ">", new Date(now - policy.idleMinutes * 60_000))
    .where("created_at", ">", new Date(now - policy.maxDays * 86_400_000))
    .orderBy("created_at", "desc")
    .limit(100)
    .execute();
}
