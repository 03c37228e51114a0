/**
 * What every loader and action receives in `context.app`: the database and the checked
 * configuration, created once per process by app/boot.server.ts.
 */
import type { Db, Engine } from "~db/database.server";
import type { Config } from "./env.server";
import type { Cookies } from "./cookies.server";

export interface AppContext {
  db: Db;
  engine: Engine;
  config: Config;
  cookies: Cookies;
  startedAt: Date;
}

declare module "@remix-run/node" {
  interface AppLoadContext {
    app: AppContext;
  }
}
declare module "@remix-run/server-runtime" {
  interface AppLoadContext {
    app: AppContext;
  }
}
