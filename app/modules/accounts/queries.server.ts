import type { Db } from "~db/database.server";
import type { Lang, Localized, Role } from "~db/schema";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organizationId: string | null;
  organizationName: Localized | null;
  sessionId: string;
}

/** Sessions end after this long without a request, and in any case after SESSION_MAX_DAYS (defaults of SESSION_IDLE_MINUTES / SESSION_MAX_DAYS). */
export const SESSION_IDLE_MINUTES = 60 * 24 * 7;
export const SESSION_MAX_DAYS = 30;

export interface SessionPolicy {
  idleMinutes: number;
  maxDays: number;
}

/** The user behind a live session, or undefined (unknown, expired, idle too long, revoked, disabled). */
export async function findSessionUser(
  db: Db,
  sessionId: string,
  policy: SessionPolicy = { idleMinutes: SESSION_IDLE_MINUTES, maxDays: SESSION_MAX_DAYS },
): Promise<CurrentUser | undefined> {
  const row = await db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .leftJoin("organizations as o", "o.id", "u.organization_id")
    .select(["s.id as sessionId", "s.last_seen_at", "u.id", "u.email", "u.name", "u.role", "u.organization_id", "o.name as orgName"])
    .where("s.id", "=", sessionId)
    .where("s.revoked_at", "is", null)
    .where("s.expires_at", ">", new Date())
    .where("s.last_seen_at", ">", new Date(Date.now() - policy.idleMinutes * 60_000))
    // The absolute lifetime is checked against created_at too, so shortening SESSION_MAX_DAYS applies to existing sessions.
    .where("s.created_at", ">", new Date(Date.now() - policy.maxDays * 86_400_000))
    .where("u.disabled_at", "is", null)
    .executeTakeFirst();
  if (!row) return undefined;
  // Touch at most every five minutes (or a tenth of a short idle timeout): idle expiry needs no write per request.
  if (Date.now() - new Date(row.last_seen_at).getTime() > Math.min(5 * 60_000, policy.idleMinutes * 6_000)) {
    await db.updateTable("sessions").set({ last_seen_at: new Date() }).where("id", "=", sessionId).execute();
  }
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    organizationId: row.organization_id,
    organizationName: row.orgName ?? null,
    sessionId: row.sessionId,
  };
}

export async function findUserByEmail(db: Db, email: string) {
  return db.selectFrom("users").selectAll().where(db.fn("lower", ["email"]), "=", email.toLowerCase()).executeTakeFirst();
}

export async function findOrganizationBySlug(db: Db, slug: string) {
  return db.selectFrom("organizations").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export async function listGovernmentBodies(db: Db) {
  return db.selectFrom("organizations").select(["id", "slug", "name"]).where("kind", "=", "government_body").orderBy("slug").execute();
}

export type { Lang };
