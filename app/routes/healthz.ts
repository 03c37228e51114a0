import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { checkDatabase } from "~db/database.server";

/** GET /healthz: 200 while the database answers, 503 when it does not. */
export async function loader({ context }: LoaderFunctionArgs) {
  const database = await checkDatabase(context.app.db);
  return json(
    { status: database.ok ? "ok" : "degraded", database: { engine: context.app.engine, ...database }, uptimeSeconds: Math.round((Date.now() - context.app.startedAt.getTime()) / 1000) },
    { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
