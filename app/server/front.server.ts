/**
 * The HTTP front: a bare node:http handler in front of Remix (ADR 0060). What can be answered
 * without rendering is answered here, from memory: static files, the translations, /healthz,
 * and pages an anonymous reader shares with every other (the page cache). Everything else is
 * admitted (or refused with 503 under overload), rendered by Remix, and streamed — compressed
 * when the client accepts it. Security headers and the forged-request and NUL guards run first
 * on every request, as before.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import proxyaddr from "proxy-addr";
import { createReadableStreamFromReadable, createRequestHandler, type ServerBuild } from "@remix-run/node";
import { ChangeWatcher, type ChangeSnapshot } from "~/modules/changes/changes.server";
import { contentSecurityPolicy, createNonce, foreignOriginGuard, nulInUrlGuard, securityHeaders } from "~/modules/security/headers.server";
import type { AppContext } from "~/utils/context.server";
import { localeAssets } from "~/utils/i18n.server";
import type { SharedRender } from "~/utils/shared-render.server";
import { Admission, AdmissionRefused, type Release } from "./admission.server";
import { compressStream, isCompressible, MIN_COMPRESS_BYTES, negotiateEncoding } from "./compression.server";
import { healthCheck } from "./healthz.server";
import { etagMatches, hasSessionCookie, langOfPath, sendOverloaded, wantsFresh } from "./http.server";
import { PageCache, pageEtag, type CachedPage } from "./page-cache.server";
import { StaticFiles } from "./static.server";
import { serverTimingHeader, withRequestTiming, type RequestTiming } from "./timing.server";

/**
 * Pages every anonymous reader may share (the issue's "public pages"): lists, a consultation's
 * draft, threads, diff, lots, report, plan, reports dashboard, search, feeds, and the public
 * JSON API. Sign-in, registration, account and staff pages are never shared.
 */
const PUBLIC_PAGE =
  /^\/(?:(?:kk|ru|en)(?:\/consultations(?:\/[^/]+(?:\/(?:comments|diff|report|lots(?:\/[^/]+)?|feed\.atom))?)?|\/reports(?:\/feed\.atom)?|\/plan(?:\/\d{4})?|\/search)?|api\/v1\/(?:consultations(?:\/[^/]+(?:\/(?:comments|report))?)?|search|plan))$/;

export function isPublicPage(pathname: string): boolean {
  return PUBLIC_PAGE.test(pathname);
}

const trustProxy = proxyaddr.compile("loopback");
const SAFE_METHODS = new Set(["GET", "HEAD"]);
const RETRY_AFTER_SECONDS = 5;
/** How long a shared page may be served stale by a proxy while it fetches a fresh one (s). */
const STALE_WHILE_REVALIDATE = 30;

export interface Front {
  handle(req: IncomingMessage, res: ServerResponse): void;
  cache: PageCache;
  admission: Admission;
  stop(): void;
}

interface Rendered {
  status: number;
  headers: Headers;
  body: Buffer;
}

export async function createFront(options: { build: ServerBuild; context: AppContext; publicDir: string; forgedRequestPages: Record<string, { title: string; text: string }> }): Promise<Front> {
  const { context } = options;
  const config = context.config;
  const front = config.front;
  const remix = createRequestHandler(options.build, config.production ? "production" : "development");
  const watcher = new ChangeWatcher(context.db, front.changesPollMs);
  await watcher.start();
  context.changes = watcher;
  const files = StaticFiles.fromDirectory(options.publicDir);
  for (const asset of localeAssets()) files.add(asset.path, asset.body, "application/json; charset=utf-8", true);
  const cache = new PageCache(front.pageCacheBytes, watcher);
  const admission = new Admission({ ...front, writeTimeoutMs: front.requestTimeoutMs });
  const health = healthCheck(context);
  const httpsAlways = (config.publicUrl ?? "").startsWith("https://");
  const nulGuard = nulInUrlGuard();
  const originGuard = foreignOriginGuard(options.forgedRequestPages);
  // Renders of one shared page in progress: concurrent anonymous readers wait for the same one.
  const flights = new Map<string, Promise<CachedPage | undefined>>();

  const isHttps = (req: IncomingMessage) => {
    if (httpsAlways) return true;
    const forwarded = req.headers["x-forwarded-proto"];
    return typeof forwarded === "string" && forwarded.split(",")[0]?.trim() === "https" && trustProxy(req.socket.remoteAddress ?? "", 0);
  };

  function clientGone(req: IncomingMessage, res: ServerResponse): boolean {
    return req.destroyed || res.destroyed || req.socket.destroyed;
  }

  function remixRequest(req: IncomingMessage, signal: AbortSignal): Request {
    const host = req.headers["x-forwarded-host"] && trustProxy(req.socket.remoteAddress ?? "", 0) ? String(req.headers["x-forwarded-host"]).split(",")[0].trim() : req.headers.host;
    const url = new URL(req.url ?? "/", `${isHttps(req) ? "https" : "http"}://${host || `${config.host}:${config.port}`}`);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const v of value) headers.append(name, v);
      else headers.set(name, value);
    }
    // HEAD is rendered as GET; the front leaves the body out.
    const method = req.method === "HEAD" ? "GET" : (req.method ?? "GET");
    const init: RequestInit & { duplex?: "half" } = { method, headers, signal };
    if (!SAFE_METHODS.has(method)) {
      init.body = createReadableStreamFromReadable(req) as unknown as BodyInit;
      init.duplex = "half";
    }
    return new Request(url, init);
  }

  /** Runs Remix for a request, within the request time limit. */
  async function render(req: IncomingMessage, res: ServerResponse, load: { cspNonce?: string; shared?: SharedRender }): Promise<Response | "timeout"> {
    const controller = new AbortController();
    res.once("close", () => controller.abort());
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve("timeout");
      }, front.requestTimeoutMs);
    });
    try {
      // A document request (not a client navigation's ?_data=) renders islands into its HTML only.
      const documentRequest = !/[?&]_data=/.test(req.url ?? "");
      const loadContext = { app: context, cspNonce: load.cspNonce, clientIp: proxyaddr(req, trustProxy), shared: load.shared, islands: documentRequest ? new Map<string, string>() : undefined };
      return await Promise.race([remix(remixRequest(req, controller.signal), loadContext), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  function setTiming(res: ServerResponse, timing: RequestTiming) {
    if (front.serverTiming) res.setHeader("Server-Timing", serverTimingHeader(timing));
  }

  function copyHeaders(res: ServerResponse, headers: Headers) {
    for (const [name, value] of headers) if (name !== "set-cookie") res.setHeader(name, value);
    const cookies = headers.getSetCookie();
    if (cookies.length) res.setHeader("Set-Cookie", cookies);
  }

  /** Streams a response rendered for this request alone. */
  async function sendPrivate(req: IncomingMessage, res: ServerResponse, response: Response, timing: RequestTiming): Promise<void> {
    res.statusCode = response.status;
    copyHeaders(res, response.headers);
    // Rendered for this reader alone: no proxy or shared cache may keep it.
    if (!response.headers.has("cache-control")) res.setHeader("Cache-Control", "private, no-store");
    setTiming(res, timing);
    const type = response.headers.get("content-type");
    const encoding = response.body && !response.headers.has("content-encoding") && isCompressible(type) ? negotiateEncoding(req) : null;
    if (!response.body || req.method === "HEAD") {
      await response.body?.cancel().catch(() => {});
      res.end();
      return;
    }
    const body = Readable.fromWeb(response.body as unknown as WebReadableStream);
    if (encoding) {
      res.setHeader("Content-Encoding", encoding);
      res.removeHeader("Content-Length");
      res.setHeader("Vary", appendVary(res.getHeader("Vary"), "Accept-Encoding"));
      await pipeline(body, compressStream(encoding), res).catch(() => res.destroy());
    } else await pipeline(body, res).catch(() => res.destroy());
  }

  async function collect(response: Response): Promise<Rendered> {
    const body = response.body ? Buffer.from(await response.arrayBuffer()) : Buffer.alloc(0);
    return { status: response.status, headers: response.headers, body };
  }

  /** Renders a public page for anonymous readers and keeps it when it may be shared. */
  async function renderShared(req: IncomingMessage, res: ServerResponse, key: string, pathname: string, started: ReadonlyMap<string, string>): Promise<CachedPage | Rendered | Response | "timeout"> {
    const shared: SharedRender = { scopes: new Set() };
    const response = await render(req, res, { shared });
    if (response === "timeout") return "timeout";
    const type = response.headers.get("content-type") ?? "";
    const html = type.startsWith("text/html");
    // A page that declared nothing to share (a streamed export) is sent as it comes; an HTML
    // page is still collected, for it was rendered without a nonce: its scripts go by hash.
    if (shared.scopes.size === 0 && !html) return response;
    const rendered = await collect(response);
    const csp = html ? hashedCsp(rendered.body) : undefined;
    const storable = rendered.status === 200 && shared.scopes.size > 0 && rendered.headers.getSetCookie().length === 0;
    if (!storable) {
      if (csp) rendered.headers.set("Content-Security-Policy", csp);
      return rendered;
    }
    const deps: ChangeSnapshot = {};
    for (const scope of shared.scopes) deps[scope] = started.get(scope) ?? "0";
    const headers: Record<string, string> = {};
    for (const [name, value] of rendered.headers) if (!UNCACHED_HEADERS.has(name)) headers[name] = value;
    const now = Date.now();
    const page: CachedPage = {
      status: rendered.status,
      headers,
      body: rendered.body,
      etag: pageEtag(pathname.startsWith("/api/") ? "api" : langOfPath(pathname), rendered.body),
      csp,
      encoded: {},
      deps,
      storedAt: now,
      expiresAt: Math.min(now + front.pageCacheTtlSeconds * 1000, shared.until ?? Infinity),
      bytes: rendered.body.length + key.length * 2 + 512,
    };
    cache.set(key, page);
    return page;
  }

  async function sendShared(req: IncomingMessage, res: ServerResponse, page: CachedPage, timing: RequestTiming): Promise<void> {
    const { body, encoding } = await cache.encoded(page, negotiateEncoding(req));
    const etag = encoding ? page.etag.replace(/"$/, `-${encoding}"`) : page.etag;
    for (const [name, value] of Object.entries(page.headers)) res.setHeader(name, value);
    if (page.csp) res.setHeader("Content-Security-Policy", page.csp);
    res.setHeader("ETag", etag);
    const maxAge = Math.max(0, Math.min(config.front.sharedMaxAge, Math.floor((page.expiresAt - Date.now()) / 1000)));
    res.setHeader("Cache-Control", `public, max-age=${maxAge}, stale-while-revalidate=${STALE_WHILE_REVALIDATE}`);
    // A proxy must not hand the anonymous page to a signed-in reader (who sends the session cookie).
    res.setHeader("Vary", "Accept-Encoding, Cookie");
    setTiming(res, timing);
    if (etagMatches(req.headers["if-none-match"], etag)) {
      res.statusCode = 304;
      res.end();
      return;
    }
    res.statusCode = page.status;
    if (encoding) res.setHeader("Content-Encoding", encoding);
    res.setHeader("Content-Length", body.length);
    res.end(req.method === "HEAD" ? undefined : body);
  }

  async function sendRendered(req: IncomingMessage, res: ServerResponse, rendered: Rendered, timing: RequestTiming): Promise<void> {
    res.statusCode = rendered.status;
    copyHeaders(res, rendered.headers);
    setTiming(res, timing);
    const encoding = rendered.body.length >= MIN_COMPRESS_BYTES && isCompressible(rendered.headers.get("content-type")) ? negotiateEncoding(req) : null;
    if (!encoding || req.method === "HEAD") {
      res.setHeader("Content-Length", rendered.body.length);
      res.end(req.method === "HEAD" ? undefined : rendered.body);
      return;
    }
    res.setHeader("Content-Encoding", encoding);
    res.setHeader("Vary", appendVary(res.getHeader("Vary"), "Accept-Encoding"));
    res.removeHeader("Content-Length");
    await pipeline(Readable.from([rendered.body]), compressStream(encoding), res).catch(() => res.destroy());
  }

  async function handleRequest(req: IncomingMessage, res: ServerResponse, timing: RequestTiming): Promise<void> {
    const nonce = createNonce();
    for (const [name, value] of Object.entries(securityHeaders(nonce, isHttps(req)))) res.setHeader(name, value);
    if (!passes(nulGuard, req, res) || !passes(originGuard, req, res)) return;
    const rawUrl = req.url ?? "/";
    const query = rawUrl.indexOf("?");
    const pathname = query < 0 ? rawUrl : rawUrl.slice(0, query);
    const safe = SAFE_METHODS.has(req.method ?? "");
    if (safe && pathname === "/healthz") return health(req, res);
    if (safe && (await files.serve(req, res, pathname))) return;

    const shareable = safe && cache.enabled && isPublicPage(pathname) && !hasSessionCookie(req);
    // The counters as they were before this request read anything: what a shared render is labelled with.
    const started = watcher.current();
    if (shareable && !wantsFresh(req)) {
      const hit = cache.get(rawUrl) ?? (await flights.get(rawUrl));
      if (hit) return sendShared(req, res, hit, timing);
    }

    const slot = admission.acquire(safe ? "read" : "write");
    let release: Release;
    try {
      if (typeof slot === "string") throw new AdmissionRefused(slot);
      release = await slot;
    } catch (error) {
      if (error instanceof AdmissionRefused) return sendOverloaded(req, res, pathname, RETRY_AFTER_SECONDS);
      throw error;
    }
    // The client left while the request waited for its turn: nobody will read the answer, and
    // its body can no longer be read (the request's events are over), so rendering it would only
    // hold the slot until the request time limit. A write that was never acknowledged is not
    // lost: its form resends with the same idempotency key.
    if (clientGone(req, res)) {
      release();
      res.destroy();
      return;
    }
    try {
      if (shareable) {
        let settle: (page: CachedPage | undefined) => void = () => {};
        const ownsFlight = !flights.has(rawUrl);
        if (ownsFlight) flights.set(rawUrl, new Promise((resolve) => (settle = resolve)));
        try {
          const result = await renderShared(req, res, rawUrl, pathname, started);
          settle(result !== "timeout" && !(result instanceof Response) && "etag" in result ? result : undefined);
          if (result === "timeout") return sendOverloaded(req, res, pathname, RETRY_AFTER_SECONDS);
          if (result instanceof Response) return await sendPrivate(req, res, result, timing);
          if ("etag" in result) return await sendShared(req, res, result, timing);
          return await sendRendered(req, res, result, timing);
        } finally {
          settle(undefined);
          if (ownsFlight) flights.delete(rawUrl);
        }
      }
      const response = await render(req, res, { cspNonce: nonce });
      if (response === "timeout") return sendOverloaded(req, res, pathname, RETRY_AFTER_SECONDS);
      // After a write, this process's readers must see it at once: re-read the counters first.
      if (!safe) await watcher.refresh().catch(() => {});
      await sendPrivate(req, res, response, timing);
    } finally {
      release();
    }
  }

  return {
    cache,
    admission,
    handle(req, res) {
      withRequestTiming((timing) =>
        handleRequest(req, res, timing).catch((error) => {
          console.error("[front]", req.method, req.url, error);
          if (!res.headersSent) {
            res.statusCode = 500;
            res.setHeader("Content-Type", "text/plain; charset=utf-8");
            res.end("Internal Server Error");
          } else res.destroy();
        }),
      );
    },
    stop() {
      watcher.stop();
      admission.stop();
    },
  };
}

/** Headers a stored render does not replay: per response, or set by the front itself. */
const UNCACHED_HEADERS = new Set(["set-cookie", "date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "cache-control", "etag", "vary", "content-security-policy", "server-timing"]);

/** Runs one of the guard middlewares; false when it answered the request itself. */
function passes(guard: (req: IncomingMessage, res: ServerResponse, next: () => void) => void, req: IncomingMessage, res: ServerResponse): boolean {
  let ok = false;
  guard(req, res, () => (ok = true));
  return ok;
}

function appendVary(current: unknown, value: string): string {
  const existing = typeof current === "string" && current ? current.split(",").map((v) => v.trim()) : [];
  return existing.includes(value) ? existing.join(", ") : [...existing, value].join(", ");
}

/**
 * A shared render carries no nonce (it is served to many): its inline scripts — Remix's
 * hydration data and module loader, scroll restoration — are allowed by their SHA-256 instead.
 * Scripts are found in our own output, where user text cannot open a <script> (React escapes
 * text, the sanitizer drops the tag, Remix escapes "<" in its JSON).
 */
export function hashedCsp(html: Buffer): string {
  // Found in the bytes (a page is megabytes; its scripts are a few hundred bytes at its end):
  // the hash of a script's UTF-8 bytes is the hash CSP asks for.
  const hashes = new Set<string>();
  for (let at = html.indexOf("<script"); at !== -1; at = html.indexOf("<script", at + 1)) {
    const next = html[at + 7];
    if (next !== 0x3e /* > */ && next !== 0x20 && next !== 0x09 && next !== 0x0a) continue;
    const tagEnd = html.indexOf(">", at);
    const close = tagEnd === -1 ? -1 : html.indexOf("</script>", tagEnd);
    if (close === -1) break;
    const attributes = html.toString("latin1", at + 7, tagEnd);
    if (!/\bsrc\s*=/.test(attributes)) hashes.add(`'sha256-${createHash("sha256").update(html.subarray(tagEnd + 1, close)).digest("base64")}'`);
    at = close;
  }
  return contentSecurityPolicy([...hashes].join(" "));
}
