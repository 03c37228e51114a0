/**
 * Every write refuses a forged request (no token, wrong token, another browser's token, a
 * foreign or "null" Origin) without changing anything, and every role × write action is
 * allowed or refused as designed. Route files with an action are discovered by scanning
 * app/routes; each must have an entry in tests/support/write-actions.ts.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient } from "../support/http";
import { serverEngines, startServer, type RunningServer } from "../support/server";
import { clientAs, isRefused, postTarget, prepareFixture, roles, routesWithActions, submitAs, writeActions, type Fixture, type RoleKey } from "../support/write-actions";

const root = path.resolve(import.meta.dirname, "../..");

describe("write routes", () => {
  it("every route file with an action is covered by tests/support/write-actions.ts", () => {
    const covered = new Set(writeActions.map((a) => a.route));
    const found = routesWithActions(root);
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((r) => !covered.has(r))).toEqual([]);
    // And no entry names a route that no longer exists.
    expect([...covered].filter((r) => !found.includes(r))).toEqual([]);
  });
});

const derivedTables = new Set([
  "change_counters",
  "report_builds",
  "report_build_items",
  "report_build_leases",
  "comment_similarity",
  "similarity_groups",
  "similarity_state",
  "outbox_deliveries",
  "search_documents",
  "search_terms",
  "search_index_state",
]);

/** A fingerprint of every table's contents (PostgreSQL only: PGlite cannot be read from another process). */
async function fingerprint(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = (
      await client.query<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
         and table_name not in ('rate_limits', 'kysely_migration', 'kysely_migration_lock') order by 1`,
      )
    ).rows
      .map((r) => r.table_name)
      // What background workers derive, at their own pace, from the writes made while preparing
      // (report builds, similar-comment groups, the search index and their bookkeeping): a forged
      // write would show in the tables they derive from, which are all compared.
      .filter((table) => !derivedTables.has(table));
    const parts: string[] = [];
    for (const table of tables) {
      // Sessions are touched by reads (last_seen_at); what matters is which exist and which are revoked.
      const expr = table === "sessions" ? `md5(id || coalesce(revoked_at::text, ''))` : `md5(t::text)`;
      const row = await client.query(`select count(*)::int as n, md5(coalesce(string_agg(${expr}, '' order by ${expr}), '')) as h from "${table}" t`);
      parts.push(`${table}:${row.rows[0].n}:${row.rows[0].h}`);
    }
    return parts.join("\n");
  } finally {
    await client.end();
  }
}

function forgedRequestRefused(response: Response, text: string): boolean {
  if (response.status === 403) return true;
  // A form may answer with its own page and the localized CSRF message, as long as nothing happened.
  return response.status >= 400 && response.status < 500 && /did not come from this site|сайттан|с этого сайта/.test(text);
}

describe.each(serverEngines)("on %s", (engine) => {
  let server: RunningServer;
  let fixture: Fixture;
  beforeAll(async () => {
    server = await startServer({ engine });
    fixture = await prepareFixture(server.url);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("every write refuses forged requests and changes nothing", async () => {
    // First every victim signs in and every target is prepared (that writes sessions and audit rows)…
    const plans = [];
    for (const action of writeActions) {
      // Sign-in and registration are for visitors; the others are tried by the first role allowed to use them.
      const role = (action.allowed.includes("anonymous") ? "anonymous" : action.allowed[0]) as RoleKey;
      const victim = await clientAs(server.url, role);
      const target = await action.target(fixture, role, () => clientAs(server.url, "staff"));
      const token = await victim.token(target.page);
      const othersToken = await new HttpClient(server.url).token(target.page);
      plans.push({ action, role, victim, target, token, othersToken });
    }
    // …then the forged requests, between two fingerprints of the whole database.
    const before = server.databaseUrl ? await fingerprint(server.databaseUrl) : "";
    const failures: string[] = [];
    for (const { action, role, victim, target, token, othersToken } of plans) {
      const attempts: { label: string; fields: Record<string, string>; headers?: Record<string, string> }[] = [
        { label: "no token", fields: target.fields },
        { label: "empty token", fields: { ...target.fields, csrf: "" } },
        { label: "wrong token", fields: { ...target.fields, csrf: randomBytes(32).toString("base64url") } },
        { label: "another browser's token", fields: { ...target.fields, csrf: othersToken } },
        { label: "foreign Origin", fields: { ...target.fields, csrf: token }, headers: { Origin: "https://evil.example" } },
        { label: "null Origin", fields: { ...target.fields, csrf: token }, headers: { Origin: "null" } },
      ];
      for (const attempt of attempts) {
        const response = await postTarget(victim, target, attempt.fields, attempt.headers);
        const text = await response.text();
        if (!forgedRequestRefused(response, text)) failures.push(`${action.name} (${action.route}) as ${role}, ${attempt.label}: ${response.status} ${response.headers.get("Location") ?? ""}`);
      }
    }
    expect(failures).toEqual([]);
    if (server.databaseUrl) expect(await fingerprint(server.databaseUrl)).toBe(before);
  });

  it("a genuine request with the right token is accepted (the test can tell the difference)", async () => {
    const citizen = await clientAs(server.url, "citizen");
    const comment = writeActions.find((a) => a.name === "comment on a draft")!;
    const target = await comment.target(fixture, "citizen", () => clientAs(server.url, "staff"));
    const token = await citizen.token(target.page);
    const response = await citizen.postForm(target.action, { ...target.fields, csrf: token }, { Origin: new URL(server.url).origin });
    expect(response.status).toBe(303);
  });

  describe("authorization matrix: every role × every write action", () => {
    const cells = writeActions.flatMap((action) => roles.map((role) => ({ action, role })));
    // One signed-in client per role, except for actions that end or replace the session.
    const shared = new Map<RoleKey, Promise<HttpClient>>();
    const clientFor = (role: RoleKey, fresh: boolean) => {
      if (fresh) return clientAs(server.url, role);
      if (!shared.has(role)) shared.set(role, clientAs(server.url, role));
      return shared.get(role)!;
    };
    it.each(cells.map((c) => [c.action.name, c.role, c.action.allowed.includes(c.role) ? "allowed" : "refused", c] as const))(
      "%s as %s: %s",
      async (_name, role, expected, { action }) => {
        const client = await clientFor(role, action.changesSession === true);
        const target = await action.target(fixture, role, () => clientFor("staff", false));
        const response = await submitAs(client, target);
        const text = await response.text();
        expect(response.status, text.slice(0, 300)).toBeLessThan(500);
        expect(isRefused(response) ? "refused" : "allowed", `${response.status} ${response.headers.get("Location") ?? ""}`).toBe(expected);
      },
    );
  });
});
