/**
 * The audit log is tamper-evident and append-only: the chain verifies, an altered or removed
 * entry is named by verifyAuditChain and by `npm run audit:verify` (exit code 1), UPDATE and
 * DELETE are refused on both engines, and on PostgreSQL the application role has no
 * UPDATE/DELETE privilege on audit_log at all.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest, openPglite, type DatabaseHandle } from "~db/database.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { verifyAuditChain } from "~/modules/audit/verify.server";
import { createPostgresDatabase, engines, postgresUrl } from "../support/engines";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

async function writeEntries(handle: DatabaseHandle, n: number) {
  for (let i = 0; i < n; i++) {
    // Keys in an order jsonb will not keep: the hash must not depend on it.
    await recordAudit(handle.db, { actorId: null, action: `test.entry_${i}`, subject: `s:${i}`, data: { zeta: i, alpha: "ә", nested: { b: 1, a: [2, { y: 1, x: 0 }] } } });
  }
}

/** Changes a row behind the trigger's back, as someone with the owner's rights could. */
async function tamper(handle: DatabaseHandle, statement: ReturnType<typeof sql>) {
  await handle.db.transaction().execute(async (trx) => {
    await sql`alter table audit_log disable trigger audit_log_no_update_delete`.execute(trx);
    await statement.execute(trx);
    await sql`alter table audit_log enable trigger audit_log_no_update_delete`.execute(trx);
  });
}

describe.each(engines)("audit log on $name", (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await engine.open();
    await writeEntries(handle, 12);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("verifies an intact chain", async () => {
    expect(await verifyAuditChain(handle.db, 5)).toEqual(expect.objectContaining({ ok: true, entries: 12 }));
  });

  it("refuses UPDATE, DELETE and TRUNCATE on audit_log", async () => {
    await expect(sql`update audit_log set action = 'forged'`.execute(handle.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(handle.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(handle.db)).rejects.toThrow(/append-only/);
    expect(await verifyAuditChain(handle.db)).toEqual(expect.objectContaining({ ok: true, entries: 12 }));
  });

  it("names the first altered entry", async () => {
    const ids = (await handle.db.selectFrom("audit_log").select("id").orderBy("id").execute()).map((r) => r.id);
    await tamper(handle, sql`update audit_log set data = '{"zeta": 999}'::jsonb where id = ${ids[4]}`);
    const result = await verifyAuditChain(handle.db, 5);
    expect(result).toEqual(expect.objectContaining({ ok: false, brokenId: String(ids[4]), reason: "hash_mismatch", entries: 4 }));
  });

  it("names the entry after a removed one", async () => {
    const fresh = await engine.open();
    try {
      await writeEntries(fresh, 6);
      const ids = (await fresh.db.selectFrom("audit_log").select("id").orderBy("id").execute()).map((r) => r.id);
      await tamper(fresh, sql`delete from audit_log where id = ${ids[2]}`);
      expect(await verifyAuditChain(fresh.db)).toEqual(expect.objectContaining({ ok: false, brokenId: String(ids[3]), reason: "prev_hash_mismatch" }));
    } finally {
      await fresh.close();
    }
  });
});

describe("npm run audit:verify", () => {
  it("exits 0 on an intact chain and 1 naming the first broken entry (embedded database in DATA_DIR)", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "kenes-audit-"));
    try {
      const handle = await openPglite(path.join(dataDir, "pglite"));
      await migrateToLatest(handle.db);
      await writeEntries(handle, 3);
      await handle.close();
      const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", DATA_DIR: dataDir, NODE_ENV: "production" } as NodeJS.ProcessEnv;
      const ok = await run("npm", ["run", "-s", "audit:verify"], { cwd: root, env });
      expect(ok.stdout).toMatch(/intact: 3 entries/);

      const again = await openPglite(path.join(dataDir, "pglite"));
      const second = (await again.db.selectFrom("audit_log").select("id").orderBy("id").offset(1).limit(1).executeTakeFirstOrThrow()).id;
      await tamper(again, sql`update audit_log set action = 'auth.login' where id = ${second}`);
      await again.close();
      const broken = await run("npm", ["run", "-s", "audit:verify"], { cwd: root, env }).then(
        () => ({ code: 0, stderr: "" }),
        (error: { code: number; stderr: string }) => error,
      );
      expect(broken.code).toBe(1);
      expect(broken.stderr).toContain(`BROKEN at entry id ${second}`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe.runIf(postgresUrl)("the application role on PostgreSQL", () => {
  it("kenes_app may insert and read audit rows but not update or delete them", async () => {
    const database = await createPostgresDatabase();
    const loginRole = `kenes_app_test_${process.pid}`;
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      const { openPostgres } = await import("~db/database.server");
      const owner = openPostgres(database.url, { max: 2 });
      await migrateToLatest(owner.db);
      await recordAudit(owner.db, { actorId: null, action: "test.owner", subject: null, data: {} });
      await owner.close();
      await admin.query(`drop role if exists ${loginRole}`);
      await admin.query(`create role ${loginRole} login in role kenes_app`);
      const url = new URL(database.url);
      url.username = loginRole;
      const app = openPostgres(url.toString(), { max: 2 });
      try {
        // The app's own work: migrations already applied, reads, the audit append.
        expect(await migrateToLatest(app.db)).toEqual([]);
        await recordAudit(app.db, { actorId: null, action: "test.app", subject: null, data: { ok: true } });
        expect(await verifyAuditChain(app.db)).toEqual(expect.objectContaining({ ok: true, entries: 2 }));
        await expect(sql`update audit_log set action = 'x'`.execute(app.db)).rejects.toThrow(/permission denied/);
        await expect(sql`delete from audit_log`.execute(app.db)).rejects.toThrow(/permission denied/);
        // Even with the trigger gone (an owner mistake), the grants still stop the app role.
        await admin.query(`alter table audit_log disable trigger audit_log_no_update_delete`);
        await expect(sql`delete from audit_log`.execute(app.db)).rejects.toThrow(/permission denied/);
        // Ordinary tables stay writable.
        await sql`insert into rate_limits (key, window_start, count, expires_at) values ('k', 0, 1, now())`.execute(app.db);
        await sql`update rate_limits set count = 2 where key = 'k'`.execute(app.db);
      } finally {
        await app.close();
      }
    } finally {
      await admin.end();
      await database.drop();
      const cleanup = new pg.Client({ connectionString: postgresUrl });
      await cleanup.connect();
      await cleanup.query(`drop role if exists ${loginRole}`).catch(() => {});
      await cleanup.end();
    }
  });
});
