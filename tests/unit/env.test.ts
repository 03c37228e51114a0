import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "~/utils/env.server";

const dir = () => mkdtempSync(path.join(tmpdir(), "kenes-env-"));

describe("configuration", () => {
  it("has working defaults for the embedded engine and generates a session secret once", () => {
    const dataDir = dir();
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config).toMatchObject({ databaseUrl: undefined, dataDir, port: 3000, host: "127.0.0.1" });
    expect(config.sessionSecret).toHaveLength(64);
    expect(readFileSync(path.join(dataDir, "session-secret"), "utf8").trim()).toBe(config.sessionSecret);
    expect(loadConfig({ DATA_DIR: dataDir }).sessionSecret).toBe(config.sessionSecret);
  });

  it("lists every bad value with its name", () => {
    try {
      loadConfig({ DATA_DIR: dir(), PORT: "eighty", DATABASE_URL: "mysql://x", SESSION_SECRET: "short", HOST: "bad host!" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain('PORT must be an integer from 0 to 65535 (got "eighty")');
      expect(message).toContain("DATABASE_URL must start with postgres://");
      expect(message).toContain("SESSION_SECRET must be at least 32 characters");
      expect(message).toContain("HOST must be a host name or IP address");
    }
  });

  it("requires SESSION_SECRET with PostgreSQL and never prints a password", () => {
    expect(() => loadConfig({ DATABASE_URL: "postgres://u:secret@localhost/db" })).toThrow(/SESSION_SECRET is required with DATABASE_URL/);
    try {
      loadConfig({ DATABASE_URL: "postgres//u:secret@host" });
    } catch (error) {
      expect((error as Error).message).not.toContain("secret@");
    }
  });
});
