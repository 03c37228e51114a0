/**
 * The FLOOR: a bare node:http server that answers each request with the very bytes the app sent
 * for it (captured by bench/run.ts in the same run), from memory. No app code, no database, no
 * framework: what the machine, Node's HTTP stack and the load generator cost for that response.
 * The app's figures are printed as a share of these (docs/decisions/0065-benchmark-true-floor.md).
 *
 *   POST /__floor/load   body: the path of a capture manifest (JSON, see CaptureManifest); replaces
 *                        the responses served. Answers 204 once every body is in memory.
 *   anything else        the captured response for the request's path (path + query, exactly as
 *                        sent), after the request body was read in full; 404 when none was captured.
 *
 * Runs in its own process (`node --import tsx bench/floor-server.ts`), prints
 * "floor listening on http://…" when ready.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";

/** What bench/run.ts writes for the floor: one entry per path of a scenario. */
export interface CaptureManifest {
  responses: { path: string; status: number; headers: [string, string][]; bodyFile: string }[];
}

interface Stored {
  status: number;
  headers: [string, string][];
  body: Buffer;
}

let responses = new Map<string, Stored>();

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

const server = createServer(async (req, res) => {
  const body = await readBody(req);
  if (req.method === "POST" && req.url === "/__floor/load") {
    const manifest = JSON.parse(readFileSync(body.toString("utf8"), "utf8")) as CaptureManifest;
    responses = new Map(manifest.responses.map((r) => [r.path, { status: r.status, headers: r.headers, body: readFileSync(r.bodyFile) }]));
    res.writeHead(204).end();
    return;
  }
  const stored = responses.get(req.url ?? "");
  if (!stored) {
    res.writeHead(404, { "Content-Type": "text/plain" }).end("not captured");
    return;
  }
  // Headers as the app sent them (minus Date, Connection, Content-Length, Transfer-Encoding, which
  // Node writes itself): a flat [name, value, name, value…] list keeps repeated Set-Cookie lines.
  res.writeHead(stored.status, [...stored.headers.flat(), "Content-Length", String(stored.body.length)]);
  res.end(stored.body);
});

server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  console.log(`floor listening on http://${process.env.HOST ?? "127.0.0.1"}:${port}`);
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
