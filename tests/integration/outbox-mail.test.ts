/**
 * E-mail notifications through the outbox: a real SMTP server process (smtp-server) is down, comes
 * up, goes down and comes up again; the worker retries, nothing is lost, each message arrives once.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "~db/database.server";
import { notificationHandlers } from "~/modules/notifications/mail.server";
import { startOutboxWorker, type RunningWorker } from "~/modules/notifications/outbox-worker.server";
import { publishReport } from "~/modules/reports/commands.server";
import { answerComments, publishResponses } from "~/modules/responses/commands.server";
import { engines } from "../support/engines";
import { makeComments, makeConsultation, makeOrg, makeUser } from "../support/responses-fixture";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

interface Received {
  messageId: string;
  to: string[];
  subject: string;
}

class SmtpSink {
  received: Received[] = [];
  private child?: ChildProcess;
  constructor(public readonly port: number) {}
  async start() {
    const child = spawn(process.execPath, [path.resolve(import.meta.dirname, "../support/smtp-sink.mjs"), String(this.port)], { stdio: ["ignore", "pipe", "inherit"] });
    this.child = child;
    let buffer = "";
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (d) => {
        buffer += d;
        let nl: number;
        while ((nl = buffer.indexOf("\n")) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          if (line.startsWith("READY")) resolve();
          else if (line.trim()) this.received.push(JSON.parse(line));
        }
      });
      child.once("exit", (code) => reject(new Error(`smtp sink exited with ${code}`)));
    });
  }
  async stop() {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  }
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const why = { kk: "Себебі.", ru: "Причина.", en: "" };

for (const engine of engines) {
  describe(`outbox e-mail delivery (${engine.name})`, () => {
    let handle: DatabaseHandle;
    let worker: RunningWorker | undefined;
    let sink: SmtpSink;
    beforeAll(async () => {
      handle = await engine.open();
      sink = new SmtpSink(await freePort());
    });
    afterAll(async () => {
      await worker?.stop();
      await sink?.stop();
      await handle?.close();
    });

    it("delivers every notice exactly once across SMTP outages", async () => {
      const db = handle.db;
      const org = await makeOrg(db, "mail-body");
      const staff = await makeUser(db, "staff", org.id);
      const commenters = await Promise.all([1, 2, 3, 4, 5].map(() => makeUser(db, "citizen")));
      const c = await makeConsultation(db, { slug: "mail-1", organizationId: org.id });
      const ids = await makeComments(db, c, commenters.map((u, i) => ({ authorId: u.id, body: `Комментарий ${i}, "с кавычками"` })));

      // The mail server is down: answering and publishing still return at once.
      await answerComments(db, { actor: staff, consultationId: c.id, commentIds: ids, status: "noted", justification: why });
      expect(await publishResponses(db, { actor: staff, consultationId: c.id })).toEqual({ ok: true, count: 5 });

      const port = sink.port;
      worker = startOutboxWorker(db, {
        handlers: notificationHandlers(db, { smtpUrl: `smtp://127.0.0.1:${port}`, publicUrl: "https://kenes.test" }),
        pollMs: 50,
        backoffMs: () => 100,
      });
      const mailRows = () => db.selectFrom("outbox").selectAll().where("topic", "=", "mail.send").execute();
      await until("five mails queued and failing", async () => {
        const rows = await mailRows();
        return rows.length === 5 && rows.every((r) => r.attempts >= 2 && r.last_error !== null && r.processed_at === null);
      });

      await sink.start();
      await until("five mails delivered", async () => (await mailRows()).every((r) => r.processed_at !== null));
      expect(sink.received).toHaveLength(5);
      expect(new Set(sink.received.flatMap((m) => m.to))).toEqual(new Set(commenters.map((u) => u.email)));

      // Down again: the report notice waits, then goes out when the server is back.
      await sink.stop();
      expect((await publishReport(db, { actor: staff, consultationId: c.id })).ok).toBe(true);
      await until("report mails queued and failing", async () => {
        const rows = (await mailRows()).filter((r) => r.processed_at === null);
        return rows.length === 5 && rows.every((r) => r.attempts >= 1 && r.last_error !== null);
      });
      await sink.start();
      await until("all mails delivered", async () => (await mailRows()).every((r) => r.processed_at !== null));

      expect(sink.received).toHaveLength(10);
      const perId = new Map<string, number>();
      for (const m of sink.received) perId.set(m.messageId, (perId.get(m.messageId) ?? 0) + 1);
      expect(perId.size).toBe(10);
      expect([...perId.values()].every((n) => n === 1)).toBe(true);
      const rows = await mailRows();
      expect(new Set(rows.map((r) => `<outbox-${r.id}@kenes.test>`))).toEqual(new Set(perId.keys()));
      const pending = await db.selectFrom("outbox").select("topic").where("topic", "in", ["mail.send", "notify.response_published", "notify.report_published"]).where("processed_at", "is", null).execute();
      expect(pending).toEqual([]);
      await worker.stop();
      worker = undefined;
    });
  });
}
