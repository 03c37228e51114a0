// Kenes HTTP server: Express serving the Remix build, with start-up checks and graceful shutdown.
// Start-up logic (configuration, database, migrations, demo) lives in the build (app/boot.server.ts)
// so this process holds exactly one database handle, shared with every route.
import { createRequestHandler } from "@remix-run/express";
import express from "express";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));
const build = await import(pathToFileURL(path.join(root, "build", "index.js")).href);

let booted;
try {
  booted = await build.entry.module.boot(process.env);
} catch (error) {
  // Configuration and lock problems are the user's to fix: print the message, not a stack.
  const known = ["ConfigError", "DataDirLockedError"].includes(error?.name);
  console.error(known ? error.message : error);
  process.exit(1);
}
const { context } = booted;

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", "loopback");

app.use("/build", express.static(path.join(root, "public", "build"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));

// Cross-site writes are refused here with a localized 403: Remix would otherwise throw its own
// CSRF error (a 500). The CSRF token check in each action remains the main defence.
const csrfText = Object.fromEntries(
  ["kk", "ru", "en"].map((lang) => [lang, JSON.parse(readFileSync(path.join(root, "locales", lang, "common.json"), "utf8")).errors.csrf]),
);
const allowedOrigins = new Set(context.config.publicUrl ? [new URL(context.config.publicUrl).origin] : []);
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const origin = req.get("origin");
  if (!origin) return next();
  const host = req.get("host");
  if (origin === `http://${host}` || origin === `https://${host}` || allowedOrigins.has(origin)) return next();
  const lang = /^\/(kk|ru|en)(\/|$)/.exec(req.path)?.[1] ?? "kk";
  res.status(403).set("Cache-Control", "no-store");
  if (req.path.startsWith("/api/")) return res.json({ error: { code: "origin_mismatch", message: csrfText.en } });
  return res.type("html").send(`<!doctype html><html lang="${lang}"><meta charset="utf-8"><title>403</title><p>${csrfText[lang]}</p></html>`);
});

app.all("*", createRequestHandler({ build, getLoadContext: () => ({ app: context }) }));

const server = app.listen(context.config.port, context.config.host, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : context.config.port;
  console.log(`Kenes listening on http://${context.config.host}:${port} (${context.engine}${context.engine === "pglite" ? `, DATA_DIR ${context.config.dataDir}` : ""})`);
});

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`[server] ${signal}: closing`);
  server.close();
  server.closeIdleConnections?.();
  // Requests in flight get a moment to finish; then the database closes and the lock is released.
  const force = setTimeout(() => server.closeAllConnections?.(), 3000);
  await new Promise((resolve) => server.once("close", resolve));
  clearTimeout(force);
  await booted.shutdown().catch((error) => console.error(error));
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
