// Kenes HTTP server: Express serving the Remix build, with start-up checks and graceful shutdown.
// Start-up logic (configuration, database, migrations, demo) lives in the build (app/boot.server.ts)
// so this process holds exactly one database handle, shared with every route.
import { createRequestHandler } from "@remix-run/express";
import express from "express";
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
// Security headers (CSP with a per-request nonce, HSTS over HTTPS…) on every response, static files
// too; a write from another site's page gets a 403 here (Remix's own Origin check would answer 500).
app.use(build.entry.module.securityMiddleware({ publicUrl: context.config.publicUrl, forgedRequestPages: build.entry.module.forgedRequestPages }));

app.use("/build", express.static(path.join(root, "public", "build"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));

app.all("*", createRequestHandler({ build, getLoadContext: (req, res) => ({ app: context, cspNonce: res.locals.cspNonce, clientIp: req.ip }) }));

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
