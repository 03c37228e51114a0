/**
 * GET /healthz, answered by the front without Remix: 200 while the database answers, 503 when
 * it does not. Probes run at most once a second, shared by every request in between, so a
 * load balancer polling hard cannot load the database (the answer says when it was checked).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { checkDatabase } from "~db/database.server";
import type { AppContext } from "~/utils/context.server";

const PROBE_EVERY_MS = 1_000;

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
    if (last && Date.now() - last.at < PROBE_EVERY_MS) return Promise.resolve(last);
    pending ??= checkDatabase(context.db)
      .then((result) => (last = { ...result, at: Date.now() }))
      .finally(() => (pending = undefined));
    return pending;
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
