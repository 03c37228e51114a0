import { randomBytes } from "node:crypto";
import type { Db } from "~db/database.server";
import type { Lang, Role } from "~db/schema";
import { recordAudit } from "~/modules/audit/audit.server";
import type { RegisterInput } from "./accounts.schema";
import { getDummyHash, hashPassword, verifyPassword } from "./password.server";
import { SESSION_MAX_DAYS, findUserByEmail } from "./queries.server";

export type RegisterResult = { ok: true; userId: string } | { ok: false; field: "email"; error: "errors.email_taken" };

/** Creates a citizen, or an NGO representative joined to the NGO with that BIN (created if new). */
export async function registerUser(db: Db, input: RegisterInput, lang: Lang): Promise<RegisterResult> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, input.email)) return { ok: false, field: "email", error: "errors.email_taken" } as const;
    let organizationId: string | null = null;
    if (input.asNgo) {
      const existing = await trx.selectFrom("organizations").select("id").where("bin", "=", input.bin).executeTakeFirst();
      organizationId =
        existing?.id ??
        (
          await trx
            .insertInto("organizations")
            .values({
              slug: `ngo-${input.bin}`,
              kind: "ngo",
              bin: input.bin,
              // An NGO names itself once; the same name stands in every language.
              name: JSON.stringify({ kk: input.organizationName, ru: input.organizationName, en: input.organizationName }),
            })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id;
    }
    const user = await trx
      .insertInto("users")
      .values({
        email: input.email,
        password_hash: passwordHash,
        name: input.name,
        role: input.asNgo ? "ngo_representative" : "citizen",
        organization_id: organizationId,
        locale: lang,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: user.id, action: "account.registered", subject: `user:${user.id}`, data: { role: input.asNgo ? "ngo_representative" : "citizen" } });
    return { ok: true, userId: user.id } as const;
  });
}

/** Checks e-mail and password; the same answer and about the same time whichever was wrong. */
export async function authenticate(db: Db, email: string, password: string): Promise<{ userId: string } | undefined> {
  const user = await findUserByEmail(db, email);
  if (!user || user.disabled_at) {
    await verifyPassword(password, await getDummyHash());
    await recordAudit(db, { actorId: null, action: "auth.login_failed", subject: null, data: {} });
    return undefined;
  }
  if (!(await verifyPassword(password, user.password_hash))) {
    await recordAudit(db, { actorId: user.id, action: "auth.login_failed", subject: `user:${user.id}`, data: {} });
    return undefined;
  }
  return { userId: user.id };
}

export async function createSession(db: Db, userId: string, maxDays: number = SESSION_MAX_DAYS): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db
    .insertInto("sessions")
    .values({ id, user_id: userId, expires_at: new Date(Date.now() + maxDays * 86_400_000), last_seen_at: new Date() })
    .execute();
  await recordAudit(db, { actorId: userId, action: "auth.login", subject: `user:${userId}`, data: {} });
  return id;
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.updateTable("sessions").set({ revoked_at: new Date() }).where("id", "=", sessionId).where("revoked_at", "is", null).execute();
}

/** Signs a user out on every device; returns how many sessions ended. */
export async function revokeAllSessions(db: Db, userId: string): Promise<number> {
  const result = await db.updateTable("sessions").set({ revoked_at: new Date() }).where("user_id", "=", userId).where("revoked_at", "is", null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface CreateAccountInput {
  email: string;
  password: string;
  name: string;
  role: Role;
  organizationId?: string | null;
}

/** Creates any kind of account (CLI and seeding); refuses a taken e-mail. */
export async function createAccount(db: Db, input: CreateAccountInput): Promise<string> {
  if (await findUserByEmail(db, input.email)) throw new Error(`an account with e-mail ${input.email} already exists`);
  if ((input.role === "staff" || input.role === "ngo_representative") && !input.organizationId) {
    throw new Error(`role ${input.role} needs an organisation`);
  }
  const user = await db
    .insertInto("users")
    .values({
      email: input.email.toLowerCase(),
      password_hash: await hashPassword(input.password),
      name: input.name,
      role: input.role,
      organization_id: input.organizationId ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return user.id;
}
