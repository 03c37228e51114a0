/**
 * The database engines integration tests run on: PGlite (in memory) always, and PostgreSQL
 * when TEST_DATABASE_URL (or DATABASE_URL) is set, each test file in a database of its own.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrateToLatest, openPglite, openPostgres, type DatabaseHandle } from "~db/database.server";

export const postgresUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || "";

export interface TestEngine {
  name: "pglite" | "postgres";
  /** A migrated, empty database; close() also drops a PostgreSQL test database. */
  open(): Promise<DatabaseHandle>;
}

/** Creates an empty PostgreSQL database on the test server and returns its URL. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `kenes_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export const engines: TestEngine[] = [
  {
    name: "pglite",
    async open() {
      const handle = await openPglite();
      await migrateToLatest(handle.db);
      return handle;
    },
  },
];

if (postgresUrl) {
  engines.push({
    name: "postgres",
    async open() {
      const database = await createPostgresDatabase();
      const handle = openPostgres(database.url, { max: 5 });
      await migrateToLatest(handle.db);
      return {
        ...handle,
        async close() {
          await handle.close();
          await database.drop();
        },
      };
    },
  });
} else {
  console.log("[tests] PostgreSQL engine skipped: set TEST_DATABASE_URL to also run integration tests on PostgreSQL");
}
