/**
 * What every loader and action receives in `context.app`: the database and the checked
 * configuration, created once per process by app/boot.server.ts.
 */
import type { Db, Engine } from "~db/database.server";
import type { Config } from "./env.server";
import type { Cookies } from "./cookies.server";
import type { RateLimiter } from "~/modules/security/rate-limit.server";
import type { ChangeWatcher } from "~/modules/changes/changes.server";
import type { SharedRender } from "./shared-render.server";

export interface AppContext {
  db: Db;
  engine: Engine;
  config: Config;
  cookies: Cookies;
  startedAt: Date;
  /** The process's rate limiter (Redis or database); contexts without one limit through `db`. */
  limiter?: RateLimiter;
  /** The in-memory mirror of the change counters (the page cache's clock); absent in scripts and tests without a server. */
  changes?: ChangeWatcher;
}

declare module "@remix-run/node" {
  interface AppLoadContext {
    app: AppContext;
    /** This response's Content-Security-Policy nonce (server.js), for Remix's inline scripts. */
    cspNonce?: string;
    /** The client's address (Express `req.ip`, X-Forwarded-For only from a trusted proxy). */
    clientIp?: string;
    /** Present on an anonymous request for a public page: the render is shared (ADR 0060). */
    shared?: SharedRender;
    /** Present on a document request: server HTML islands rendered into the page, not its data (ADR 0066). */
    islands?: Map<string, string>;
    /** Set by the draft page's action when a block comment was refused: its loader then renders that block live. */
    focusBlockId?: string;
  }
}
declare module "@remix-run/server-runtime" {
  interface AppLoadContext {
    app: AppContext;
    cspNonce?: string;
    clientIp?: string;
    shared?: SharedRender;
    islands?: Map<string, string>;
    focusBlockId?: string;
  }
}
