// Kenes HTTP server: a bare node:http server running the front of the Remix build (static files,
// shared page cache, /healthz, admission control, then Remix; app/server/front.server.ts), with
// start-up checks and graceful shutdown. Start-up logic (configuration, database, migrations,
// demo) lives in the build (app/boot.server.ts) so this process holds exactly one database handle.
import http from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));
const build = await import(pathToFileURL(path.join(root, "build", "index.js")).href);

let booted;
let front;
try {
  booted = await build.entry.module.boot(process.env);
  front = await build.entry.module.createFront({
    build,
    context: booted.context,
    publicDir: path.join(root, "public"),
    forgedRequestPages: build.entry.module.forgedRequestPages,
  });
} catch (error) {
  // Configuration and lock problems are the user's to fix: print the message, not a stack.
  const known = ["ConfigError", "DataDirLockedError"].includes(error?.name);
  console.error(known ? error.message : error);
  await booted?.shutdown().catch(() => {});
  process.exit(1);
}
const { context } = booted;

const server = http.createServer({ keepAliveTimeout: 5_000, requestTimeout: context.config.front.requestTimeoutMs + 5_000 }, front.handle);

server.listen(context.config.port, context.config.host, () => {
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
  front.stop();
  await booted.shutdown().catch((error) => console.error(error));
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
