/**
 * Raw HTTP for the harness: the exact bytes and headers a server sent (fetch would decompress
 * and merge headers), and the app's Server-Timing header read into numbers.
 */
import http from "node:http";

export interface RawResponse {
  status: number;
  /** Headers in the order and case received, repeated ones (Set-Cookie) kept. */
  rawHeaders: [string, string][];
  /** Lower-cased name → value (repeated ones joined with ", "). */
  headers: Record<string, string>;
  body: Buffer;
  ms: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

type RequestSpec = { method: string; path: string; headers?: Record<string, string>; body?: string };

/**
 * One request; the body is read whole. `keepAlive: false` opens a connection of its own. A kept
 * connection the server closed as idle just as it was reused (its keep-alive timeout is 5 s,
 * about a load window's length) fails with ECONNRESET before any byte of an answer: that request
 * is sent once more on a new connection, as Node's documentation advises.
 */
export async function rawRequest(base: string, spec: RequestSpec, options: { keepAlive?: boolean } = {}): Promise<RawResponse> {
  try {
    return await requestOnce(base, spec, options);
  } catch (error) {
    if ((error as { reusedSocket?: boolean }).reusedSocket && (error as NodeJS.ErrnoException).code === "ECONNRESET") return requestOnce(base, spec, { keepAlive: false });
    throw error;
  }
}

function requestOnce(base: string, spec: RequestSpec, options: { keepAlive?: boolean }): Promise<RawResponse> {
  const url = new URL(base);
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, method: spec.method, path: spec.path, headers: { ...spec.headers, ...(spec.body !== undefined ? { "Content-Length": String(Buffer.byteLength(spec.body)) } : {}) }, agent: options.keepAlive === false ? false : agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const rawHeaders: [string, string][] = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) rawHeaders.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
          const headers: Record<string, string> = {};
          for (const [k, v] of rawHeaders) headers[k.toLowerCase()] = headers[k.toLowerCase()] ? `${headers[k.toLowerCase()]}, ${v}` : v;
          resolve({ status: res.statusCode ?? 0, rawHeaders, headers, body: Buffer.concat(chunks), ms: performance.now() - t0 });
        });
        res.on("error", reject);
      },
    );
    req.setTimeout(300_000, () => req.destroy(new Error(`${spec.method} ${spec.path}: no answer in 300 s`)));
    req.on("error", (error) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
    req.end(spec.body);
  });
}

/** Headers the floor must not replay: Node writes them itself (and Date differs anyway). */
const HOP_BY_HOP = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);

export function replayableHeaders(raw: [string, string][]): [string, string][] {
  return raw.filter(([k]) => !HOP_BY_HOP.has(k.toLowerCase()));
}

export interface ServerTiming {
  dbMs?: number;
  queries?: number;
  totalMs?: number;
}

/**
 * Reads `Server-Timing: db;dur=12.3;desc="5 queries", total;dur=20.1` (the app's SERVER_TIMING=on
 * format). Metrics it does not know are ignored; missing ones stay undefined.
 */
export function parseServerTiming(header: string | undefined): ServerTiming {
  const out: ServerTiming = {};
  if (!header) return out;
  // Split on commas outside quoted strings.
  for (const metric of header.match(/(?:[^,"]|"[^"]*")+/g) ?? []) {
    const [name, ...params] = metric.split(";").map((p) => p.trim());
    const param = (key: string) => params.find((p) => p.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1).replace(/^"|"$/g, "");
    const dur = Number(param("dur"));
    if (name === "db") {
      if (Number.isFinite(dur)) out.dbMs = dur;
      const n = /(\d+)/.exec(param("desc") ?? "");
      if (n) out.queries = Number(n[1]);
    } else if (name === "total" && Number.isFinite(dur)) out.totalMs = dur;
  }
  return out;
}
