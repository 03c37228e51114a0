/**
 * GET /healthz, answered by the front without Remix: 200 while the database answers, 503 when
 * it does not. Probes run at most once a second, shared by every request in between, so a
 * load balancer polling hard cannot load the database (the answer says when it was checked).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { checkDatabase } from "~db/database.server";
import type { AppContext } from "~/utils/context.server";

const PROBE_EVERY_MS = 1_000;
/** A probe older than this is not answered from: the check waits for the database (or says it failed). */
const ANSWER_FROM_PROBE_MS = 5_000;
/** A database that has not answered within this is reported as failing (503). */
const PROBE_TIMEOUT_MS = 3_000;

function probeDatabase(context: AppContext): Promise<{ ok: boolean; latencyMs: number; error?: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ ok: boolean; latencyMs: number; error: string }>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, latencyMs: PROBE_TIMEOUT_MS, error: `no answer within ${PROBE_TIMEOUT_MS} ms` }), PROBE_TIMEOUT_MS);
    timer.unref();
  });
  return Promise.race([checkDatabase(context.db), timeout]).finally(() => clearTimeout(timer));
}

interface Probe {
  ok: boolean;
  latencyMs: number;
  error?: string;
  at: number;
}

export function healthCheck(context: AppContext) {
  let last: Probe | undefined;
  let pending: Promise<Probe> | undefined;
  const probe = (): Promise<Probe> => {
    const age = last ? Date.now() - last.at : Infinity;
    if (age >= PROBE_EVERY_MS)
      pending ??= probeDatabase(context)
        .then((result) => (last = { ...result, at: Date.now() }))
        .finally(() => (pending = undefined));
    // While a new probe runs, the last one answers (it says when it was made): a health check
    // must not queue behind a busy database, only report one that stopped answering.
    if (last && age < ANSWER_FROM_PROBE_MS) return Promise.resolve(last);
    return pending!;
  };
  return async function serveHealth(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const database = await probe();
    const body = JSON.stringify({
      status: database.ok ? "ok" : "degraded",
      database: { engine: context.engine, ok: database.ok, latencyMs: database.latencyMs, ...(database.error ? { error: database.error } : {}), checkedAt: new Date(database.at).toISOString() },
      uptimeSeconds: Math.round((Date.now() - context.startedAt.getTime()) / 1000),
    });
    res.statusCode = database.ok ? 200 : 503;
    res.setHeader("Content-Type", "application/json; charset=utf-8");
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("Content-Length", Buffer.byteLength(body));
    res.end(req.method === "HEAD" ? undefined : body);
  };
}
