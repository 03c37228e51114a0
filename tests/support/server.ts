/**
 * Starts the built server (`node server.js`, as in production) on a free port, on PGlite in a
 * temporary DATA_DIR or on a fresh PostgreSQL database, and stops it afterwards.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPostgresDatabase } from "./engines";

export interface RunningServer {
  url: string;
  engine: "pglite" | "postgres";
  dataDir: string;
  databaseUrl?: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, "../..");

export async function startServer(options: { engine: "pglite" | "postgres"; env?: Record<string, string>; dataDir?: string; databaseUrl?: string }): Promise<RunningServer> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "kenes-test-"));
  let database: Awaited<ReturnType<typeof createPostgresDatabase>> | undefined;
  let databaseUrl = options.databaseUrl;
  if (options.engine === "postgres" && !databaseUrl) {
    database = await createPostgresDatabase();
    databaseUrl = database.url;
  }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "/tmp",
    NODE_ENV: "production",
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    DEMO: "on",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl, SESSION_SECRET: "test-secret-0123456789abcdef0123456789" } : {}),
    ...options.env,
  };
  const child = spawn(process.execPath, ["server.js"], { cwd: root, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 90 s:\n${output}`)), 90_000);
    const onData = () => {
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    engine: options.engine,
    dataDir,
    databaseUrl,
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      await database?.drop();
    },
  };
}

/** The engines HTTP tests run on: PGlite always, PostgreSQL when a test server is configured. */
export const serverEngines: ("pglite" | "postgres")[] = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
