/**
 * Nothing acknowledged is lost: comments are posted continuously, the server is killed with
 * SIGKILL in the middle, restarted on the same DATA_DIR / database, and every comment that got
 * a success answer is there exactly once; those whose answer was lost are retried with the same
 * idempotency key and are there exactly once too. And two server processes on one PostgreSQL
 * behave as one (same data, one rate limit, one audit chain).
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openPostgres } from "~db/database.server";
import { verifyAuditChain } from "~/modules/audit/verify.server";
import { createPostgresDatabase, postgresUrl } from "../support/engines";
import { HttpClient } from "../support/http";
import { serverEngines, startServer, type RunningServer } from "../support/server";
import { DEMO_PASSWORD, demoEmails } from "../support/write-actions";

const slug = "grant-rules-2027";
const page = `/en/consultations/${slug}`;

/** Every public comment body of the consultation, through the open-data API (all pages). */
async function allBodies(base: string): Promise<string[]> {
  const bodies: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 1000; i++) {
    const response = await fetch(new URL(`/api/v1/consultations/${slug}/comments?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, base));
    expect(response.status).toBe(200);
    const data = (await response.json()) as { items: { body: string }[]; nextCursor: string | null };
    bodies.push(...data.items.map((c) => c.body));
    if (!data.nextCursor) break;
    cursor = data.nextCursor;
  }
  return bodies;
}

interface Attempt {
  body: string;
  key: string;
  outcome: "acknowledged" | "unknown" | "refused";
}

describe.each(serverEngines)("SIGKILL in the middle of a comment campaign on %s", (engine) => {
  it("keeps every acknowledged comment exactly once, and retries of lost answers do not duplicate", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "kenes-resilience-"));
    const database = engine === "postgres" ? await createPostgresDatabase() : undefined;
    const options = { engine, dataDir, databaseUrl: database?.url } as const;
    let server: RunningServer | undefined = await startServer(options);
    try {
      const client = new HttpClient(server.url);
      await client.signIn("en", demoEmails.citizen, DEMO_PASSWORD);
      const token = await client.token(page);
      const run = randomUUID().slice(0, 8);
      const attempts: Attempt[] = [];
      let acknowledged = 0;
      let killed = false;
      const post = async (attempt: Attempt, base: string) => {
        const c = client as HttpClient & { base: string };
        const target = new URL(`${page}?index`, base).toString();
        try {
          const r = await c.postForm(target, { csrf: token, body: attempt.body, blockId: "", idempotencyKey: attempt.key });
          await r.arrayBuffer();
          return r.status === 303 ? "acknowledged" : "refused";
        } catch {
          return "unknown";
        }
      };
      const worker = async (w: number) => {
        for (let i = 0; !killed || i < 0; i++) {
          const attempt: Attempt = { body: `resilience ${run} w${w} n${i}`, key: `res-${run}-${w}-${i}`, outcome: "unknown" };
          attempts.push(attempt);
          attempt.outcome = await post(attempt, server!.url);
          if (attempt.outcome === "acknowledged") acknowledged++;
          if (attempt.outcome === "unknown") return; // the server is gone
          if (acknowledged >= 40 && !killed) {
            killed = true;
            server!.process.kill("SIGKILL");
          }
        }
      };
      await Promise.all([0, 1, 2, 3].map(worker));
      await new Promise((resolve) => (server!.process.exitCode !== null || server!.process.signalCode ? resolve(null) : server!.process.once("exit", resolve)));
      expect(attempts.filter((a) => a.outcome === "refused")).toEqual([]);
      const lost = attempts.filter((a) => a.outcome === "unknown");

      server = await startServer(options);
      // The answers that never came: the client retries with the same key, as the form does.
      for (const attempt of lost) expect(await post(attempt, server.url)).toBe("acknowledged");
      const bodies = await allBodies(server.url);
      const count = (body: string) => bodies.filter((b) => b === body).length;
      const wrong = attempts.map((a) => ({ body: a.body, outcome: a.outcome, count: count(a.body) })).filter((a) => a.count !== 1);
      expect(wrong).toEqual([]);
      expect(attempts.filter((a) => a.outcome === "acknowledged").length).toBeGreaterThanOrEqual(40);
    } finally {
      await server?.stop();
      rmSync(dataDir, { recursive: true, force: true });
      await database?.drop();
    }
  });
});

describe.runIf(postgresUrl)("two server processes on one PostgreSQL", () => {
  it("share data, rate limits and one audit chain", async () => {
    const database = await createPostgresDatabase();
    const env = { RATE_LIMIT_SIGNIN_ACCOUNT: "3/15m" };
    // One after the other: the first loads the demo, the second finds it there.
    const a = await startServer({ engine: "postgres", databaseUrl: database.url, env });
    const b = await startServer({ engine: "postgres", databaseUrl: database.url, env });
    try {
      const servers = [a, b];
      // The same account signed in through each process; comments posted to both, interleaved.
      const clients = await Promise.all(
        servers.map(async (s) => {
          const c = new HttpClient(s.url);
          await c.signIn("en", demoEmails.ngo, DEMO_PASSWORD);
          return { c, token: await c.token(page), base: s.url };
        }),
      );
      const run = randomUUID().slice(0, 8);
      const sent: string[] = [];
      await Promise.all(
        Array.from({ length: 30 }, async (_, i) => {
          const { c, token } = clients[i % 2];
          const body = `two processes ${run} #${i}`;
          const r = await c.postForm(`${page}?index`, { csrf: token, body, blockId: "", idempotencyKey: `two-${run}-${i}` });
          expect(r.status).toBe(303);
          sent.push(body);
        }),
      );
      // The same idempotency key through the other process does not make a second comment.
      const dup = await clients[1].c.postForm(`${page}?index`, { csrf: clients[1].token, body: `two processes ${run} #0`, blockId: "", idempotencyKey: `two-${run}-0` });
      expect(dup.status).toBe(303);
      const [fromA, fromB] = await Promise.all([allBodies(a.url), allBodies(b.url)]);
      expect(fromA).toEqual(fromB);
      for (const body of sent) expect(fromA.filter((x) => x === body)).toHaveLength(1);

      // Failed sign-ins for one account counted across both processes.
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const s = servers[i % 2];
        const r = await new HttpClient(s.url).submit("/en/login", { email: demoEmails.mp, password: `wrong-${i}` });
        statuses.push(r.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);

      // Both processes appended to one audit chain (sign-ins, failures), and it is intact.
      const handle = openPostgres(database.url, { max: 1 });
      try {
        const result = await verifyAuditChain(handle.db);
        expect(result).toEqual(expect.objectContaining({ ok: true }));
        expect(result.entries).toBeGreaterThanOrEqual(5);
      } finally {
        await handle.close();
      }
    } finally {
      await b.stop();
      await a.stop();
      await database.drop();
    }
  });
});
