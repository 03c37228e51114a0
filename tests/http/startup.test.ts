/** Start-up behaviour of the real server process: configuration errors, the DATA_DIR lock, demo rules. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HttpClient } from "../support/http";
import { createPostgresDatabase, postgresUrl } from "../support/engines";
import { startServer, type RunningServer } from "../support/server";

const root = path.resolve(import.meta.dirname, "../..");
const started: RunningServer[] = [];
afterAll(async () => {
  for (const s of started) await s.stop();
});

function runServer(env: Record<string, string>) {
  return spawnSync(process.execPath, ["server.js"], { cwd: root, env: { PATH: process.env.PATH ?? "", ...env } as unknown as NodeJS.ProcessEnv, encoding: "utf8", timeout: 60_000 });
}

describe("server start-up", () => {
  it("refuses bad configuration with one clear line per problem and no stack trace", () => {
    const result = runServer({ DATA_DIR: mkdtempSync(path.join(tmpdir(), "kenes-cfg-")), PORT: "http", HOST: "a b" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT must be an integer from 0 to 65535 (got "http")');
    expect(result.stderr).toContain('HOST must be a host name or IP address (got "a b")');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("a second process on the same DATA_DIR refuses to start instead of corrupting it", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "kenes-lock-"));
    const first = await startServer({ engine: "pglite", dataDir });
    started.push(first);
    const second = runServer({ DATA_DIR: dataDir, PORT: "0" });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`DATA_DIR ${dataDir} is in use by another Kenes process (pid ${first.process.pid})`);
    // The first one is unharmed.
    expect((await new HttpClient(first.url).get("/healthz")).status).toBe(200);
    await first.stop();
    // A lock left by a killed process does not block a restart.
    const again = await startServer({ engine: "pglite", dataDir });
    again.process.kill("SIGKILL");
    await new Promise((r) => again.process.once("exit", r));
    const third = await startServer({ engine: "pglite", dataDir });
    started.push(third);
    expect((await new HttpClient(third.url).get("/api/v1/consultations")).status).toBe(200);
    await third.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.runIf(postgresUrl)("never creates demo accounts on PostgreSQL unless asked", async () => {
    const database = await createPostgresDatabase();
    try {
      const server = await startServer({ engine: "postgres", databaseUrl: database.url, env: { DEMO: "auto" } });
      started.push(server);
      const list = JSON.parse((await new HttpClient(server.url).get("/api/v1/consultations")).text);
      expect(list.items).toEqual([]);
      await server.stop();
      const seeded = spawnSync("npm", ["run", "-s", "db:seed", "--", "--demo"], { cwd: root, env: { ...process.env, DATABASE_URL: database.url, SESSION_SECRET: "x".repeat(40) }, encoding: "utf8", timeout: 120_000 });
      expect(seeded.status, seeded.stderr).toBe(0);
      expect(seeded.stdout).toContain("demo on postgres: 6 organisations");
    } finally {
      await database.drop();
    }
  });
});
