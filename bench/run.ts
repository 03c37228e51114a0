/**
 * npm run bench [-- --quick] [-- --engine=pglite|postgres] [-- --duration=10]
 *
 * Builds the deterministic data set (bench/dataset.ts) on PGlite and, when BENCH_DATABASE_URL or
 * DATABASE_URL is set, on PostgreSQL (in a database `kenes_bench` it creates on that server),
 * starts the built server (`node server.js`) and the floor (bench/floor-server.tsx), measures
 * every scenario (bench/scenarios.ts) with autocannon at 1, 10 and 50 connections over
 * loopback, and writes bench/results/latest.json and latest.md. A benchmark, not a test.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { migrateToLatest, openPglite, openPostgres } from "~db/database.server";
import { BENCH_USER, buildDataset, sizes, type DatasetInfo } from "./dataset";
import { scenarios, type RequestSpec, type Scenario, type Session } from "./scenarios";

const root = path.resolve(import.meta.dirname, "..");
const args = new Map(process.argv.slice(2).map((a) => { const [k, v] = a.replace(/^--/, "").split("="); return [k, v ?? "true"] as const; }));
const quick = args.has("quick");
const duration = Number(args.get("duration") ?? (quick ? 1 : 10));
const connectionLevels = quick ? [1, 10] : [1, 10, 50];
const size = sizes[quick ? "quick" : "full"];
const postgresAdminUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || "";
// --only=report,search measures some scenarios (a check after a fix); it writes only-<keys>.md/json, not latest.
const only = args.get("only")?.split(",").filter(Boolean);
const engines = (args.get("engine") ? [args.get("engine")] : ["pglite", ...(postgresAdminUrl ? ["postgres"] : [])]) as ("pglite" | "postgres")[];

interface Measurement {
  engine: string;
  target: "app" | "floor";
  scenario: string;
  connections: number;
  requests: number;
  failures: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  rssMb: number;
  /** Download scenarios: bytes and data rows of one response, the server's peak RSS while streaming. */
  bytes?: number;
  rows?: number;
  peakRssMb?: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function log(message: string) {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Peak and current resident memory of a process, from /proc (Linux). */
function memory(pid: number | undefined): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
    return { rss: kb("VmRSS"), peak: kb("VmHWM") };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

async function start(command: string[], env: Record<string, string>, pattern: RegExp): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(command[0], command.slice(1), { cwd: root, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command.join(" ")} did not start:\n${output}`)), 120_000);
    child.stdout!.on("data", () => {
      const m = pattern.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once("exit", (code) => reject(new Error(`${command.join(" ")} exited with ${code}:\n${output}`)));
  });
  return {
    url,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

/** A fresh request for autocannon: a new body (comment posts), the next path (search's queries in turn). */
function setup(spec: RequestSpec) {
  let i = 0;
  return (request: Record<string, unknown>) => {
    const next = { ...request };
    if (spec.body) next.body = spec.body();
    if (spec.paths?.length) next.path = spec.paths[i++ % spec.paths.length];
    return next;
  };
}

/** Resets the process's VmHWM (Linux: write 5 to clear_refs), so the peak read later is this scenario's. */
function resetPeak(pid: number | undefined): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

/**
 * Fetches the whole response `runs` times, one after another, and reports the times, its size,
 * its data rows (lines after the header) and the server's peak RSS while streaming (VmHWM after
 * a reset, or, where that is not allowed, the highest VmRSS sampled every 10 ms).
 */
async function download(base: string, spec: RequestSpec, runs: number, okStatus: number[], pid: number | undefined): Promise<Omit<Measurement, "engine" | "target" | "scenario" | "rssMb">> {
  const times: number[] = [];
  let failures = 0;
  let bytes = 0;
  let rows = 0;
  let sampled = 0;
  const canReset = resetPeak(pid);
  const sampler = setInterval(() => (sampled = Math.max(sampled, memory(pid).rss)), 10);
  const started = performance.now();
  try {
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      const response = await fetch(new URL(spec.path, base), { method: spec.method, headers: spec.headers });
      if (!okStatus.includes(response.status)) failures++;
      let size = 0;
      let lines = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
      }
      times.push(performance.now() - t0);
      bytes = size;
      rows = Math.max(0, lines - 1);
    }
  } finally {
    clearInterval(sampler);
  }
  const peak = canReset ? Math.max(memory(pid).peak, sampled) : sampled;
  times.sort((a, b) => a - b);
  return { connections: 1, requests: runs, failures, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), rps: runs / ((performance.now() - started) / 1000), bytes, rows, peakRssMb: peak };
}

/**
 * autocannon for `duration` seconds; responses still in flight when it ends are not counted, so a
 * page slower than the window would show no figures: then it is measured again until
 * `minResponses(connections)` responses came back (`amount`), however long that takes.
 */
async function measure(base: string, spec: RequestSpec, connections: number, okStatus: number[]): Promise<Omit<Measurement, "engine" | "target" | "scenario" | "rssMb">> {
  const first = await measureOnce(base, spec, connections, okStatus, { duration });
  const min = quick ? Math.max(3, connections) : Math.max(5, 2 * connections);
  if (first.requests >= min) return first;
  log(`only ${first.requests} responses in ${duration} s at ${connections} conn.: measuring ${min} requests instead`);
  return measureOnce(base, spec, connections, okStatus, { amount: min });
}

async function measureOnce(base: string, spec: RequestSpec, connections: number, okStatus: number[], bound: { duration: number } | { amount: number }): Promise<Omit<Measurement, "engine" | "target" | "scenario" | "rssMb">> {
  const times: number[] = [];
  let failures = 0;
  const instance = autocannon({
    url: base,
    connections,
    ...bound,
    timeout: 120,
    pipelining: 1,
    requests: [
      {
        method: spec.method,
        path: spec.path,
        headers: spec.headers,
        setupRequest: setup(spec),
      },
    ],
  });
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    times.push(responseTime);
    if (!okStatus.includes(statusCode)) failures++;
  });
  const t0 = performance.now();
  const result = await instance;
  failures += result.errors + result.timeouts;
  times.sort((a, b) => a - b);
  return {
    connections,
    requests: times.length,
    failures,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    rps: times.length / ("duration" in bound ? result.duration || duration : (performance.now() - t0) / 1000),
  };
}

/** Signs the bench user in over HTTP: the app's comment POST carries a real session and CSRF token. */
async function signIn(base: string): Promise<Session> {
  const jar = new Map<string, string>();
  const remember = (r: Response) => {
    for (const line of r.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const page = await fetch(new URL("/en/login", base));
  remember(page);
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
  const login = await fetch(new URL("/en/login", base), {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie() },
    body: new URLSearchParams({ csrf, email: BENCH_USER.email, password: BENCH_USER.password }),
  });
  remember(login);
  if (login.status !== 303) throw new Error(`bench sign-in failed: ${login.status}`);
  return { cookie: cookie(), csrf };
}

function describe(info: DatasetInfo): string {
  return `${info.comments} comments (${info.annotations} annotations) in ${info.consultations} consultations, ${info.answers} answers, ${info.searchDocuments} search documents indexed in ${(info.searchIndexMs / 1000).toFixed(1)} s`;
}

const nameOf = (scenario: Scenario, info: DatasetInfo | undefined) => (typeof scenario.name === "function" ? (info ? scenario.name(info) : scenario.key) : scenario.name);

async function prepare(engine: "pglite" | "postgres"): Promise<{ env: Record<string, string>; info: DatasetInfo; cleanup(): Promise<void> }> {
  const started = performance.now();
  if (engine === "pglite") {
    const dataDir = path.join(root, "bench", ".data", quick ? "quick" : "full");
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    const handle = await openPglite(path.join(dataDir, "pglite"));
    await migrateToLatest(handle.db);
    const info = await buildDataset(handle.db, size);
    await handle.close();
    log(`pglite data set: ${describe(info)}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return { env: { DATA_DIR: dataDir }, info, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `kenes_bench_${quick ? "quick" : "full"}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString());
  await migrateToLatest(handle.db);
  const info = await buildDataset(handle.db, size);
  await handle.close();
  log(`postgres data set: ${describe(info)}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return {
    env: { DATABASE_URL: url.toString(), SESSION_SECRET: "bench-secret-0123456789abcdef0123456789" },
    info,
    async cleanup() {
      const c = new pg.Client({ connectionString: postgresAdminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function runEngine(engine: "pglite" | "postgres"): Promise<{ rows: Measurement[]; peakMb: Record<string, number>; info: DatasetInfo }> {
  const { env, info, cleanup } = await prepare(engine);
  const rows: Measurement[] = [];
  const peakMb: Record<string, number> = {};
  // Downloads first: the server's peak memory while streaming is then not the heap other pages grew.
  const chosen = scenarios.filter((s) => !s.pending && (!only || only.includes(s.key)));
  const measurable = [...chosen.filter((s) => s.kind === "download"), ...chosen.filter((s) => s.kind !== "download")];
  try {
    for (const target of ["app", "floor"] as const) {
      const limits = { RATE_LIMIT_SIGNIN_ACCOUNT: "off", RATE_LIMIT_SIGNIN_IP: "off", RATE_LIMIT_SIGNUP_IP: "off", RATE_LIMIT_COMMENTS_USER: "off", DEMO: "off" };
      // The floor runs tsx → node: NODE_ENV=production gives React's production build in both.
      const proc =
        target === "app"
          ? await start([process.execPath, "server.js"], { ...env, ...limits }, /listening on (http:\/\/[^\s]+)/)
          : await start([process.execPath, "--import", "tsx", "bench/floor-server.tsx"], { ...env, BENCH_USER_ID: info.benchUserId }, /floor listening on (http:\/\/[^\s]+)/);
      try {
        const session = target === "app" ? await signIn(proc.url) : { cookie: "", csrf: "" };
        for (const scenario of measurable) {
          const spec = target === "app" ? scenario.app!(info, session) : scenario.floor!(info);
          const okStatus = target === "app" ? scenario.okStatus : [200, 303];
          if (scenario.kind === "download") {
            const m = await download(proc.url, spec, quick ? 1 : 3, okStatus, proc.child.pid);
            rows.push({ engine, target, scenario: scenario.key, rssMb: memory(proc.child.pid).rss, ...m });
            log(`${engine} ${target.padEnd(5)} ${scenario.key.padEnd(8)} ${m.rows} rows, ${((m.bytes ?? 0) / 2 ** 20).toFixed(1)} MB in ${(m.p50 / 1000).toFixed(2)} s, peak RSS ${m.peakRssMb?.toFixed(0)} MB${m.failures ? `, ${m.failures} FAILED` : ""}`);
            continue;
          }
          if (target === "app" && scenario.expect) {
            const body = await (await fetch(new URL(spec.path, proc.url), { headers: spec.headers })).text();
            if (!scenario.expect.test(body)) log(`WARNING: ${scenario.key}: the app's response does not match ${scenario.expect}`);
          }
          // Warm up (JIT, caches, the pool) before measuring.
          await measureQuiet(proc.url, spec, scenario);
          for (const connections of connectionLevels) {
            const m = await measure(proc.url, spec, connections, okStatus);
            const mem = memory(proc.child.pid);
            rows.push({ engine, target, scenario: scenario.key, rssMb: mem.rss, ...m });
            log(`${engine} ${target.padEnd(5)} ${scenario.key.padEnd(8)} c=${String(connections).padEnd(2)} p50 ${m.p50.toFixed(1)} p95 ${m.p95.toFixed(1)} p99 ${m.p99.toFixed(1)} ms, ${m.rps.toFixed(0)} req/s${m.failures ? `, ${m.failures} FAILED` : ""}`);
          }
        }
        peakMb[target] = memory(proc.child.pid).peak;
      } finally {
        await proc.stop();
      }
    }
  } finally {
    await cleanup();
  }
  return { rows, peakMb, info };
}

async function measureQuiet(base: string, spec: RequestSpec, _scenario: Scenario) {
  const instance = autocannon({ url: base, connections: 2, amount: quick ? 4 : 20, timeout: 120, requests: [{ method: spec.method, path: spec.path, headers: spec.headers, setupRequest: setup(spec) }] });
  await instance;
}

function fmt(n: number, digits = 1): string {
  return Number.isFinite(n) ? n.toFixed(digits) : "–";
}

function table(results: Measurement[], peaks: Record<string, Record<string, number>>, info: DatasetInfo | undefined): string {
  const lines: string[] = [];
  lines.push(`| scenario | engine | conn. | p50 ms | p95 ms | p99 ms | req/s | floor p95 ms | floor req/s | p95 × floor | req/s ÷ floor | budget |`);
  lines.push(`| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |`);
  for (const scenario of scenarios) {
    const name = nameOf(scenario, info);
    if (scenario.pending) {
      lines.push(`| ${name} | – | – | – | – | – | – | – | – | – | – | pending: ${scenario.pending} |`);
      continue;
    }
    for (const app of results.filter((r) => r.scenario === scenario.key && r.target === "app")) {
      const floor = results.find((r) => r.scenario === scenario.key && r.target === "floor" && r.engine === app.engine && r.connections === app.connections);
      if (scenario.kind === "download") {
        // Times in ms of whole downloads; the req/s columns hold the server's peak RSS (MB) instead.
        const b = scenario.budget;
        const mb = (m: Measurement | undefined) => (m?.bytes !== undefined ? `${fmt(m.bytes / 2 ** 20)} MB` : "–");
        const missed = !!b && (!(app.p95 <= (b.maxSeconds ?? Infinity) * 1000) || !((app.peakRssMb ?? NaN) < (b.maxRssMb ?? Infinity)) || app.failures > 0);
        const scaled = app.rows !== undefined && app.rows < 100_000 ? ` — only ${app.rows.toLocaleString("en")} rows in this run` : "";
        const failed = app.failures ? ` (${app.failures} failed)` : "";
        lines.push(
          `| ${name}${failed} | ${app.engine} | ${app.connections} | ${fmt(app.p50)} | ${fmt(app.p95)} | ${fmt(app.p99)} | peak ${fmt(app.peakRssMb ?? NaN, 0)} MB | ${fmt(floor?.p95 ?? NaN)} | peak ${fmt(floor?.peakRssMb ?? NaN, 0)} MB | ${floor ? fmt(app.p95 / floor.p95, 2) : "–"} | – | ${b ? `${missed ? "**MISSED**" : "met"}: ${b.text}; ${(app.p50 / 1000).toFixed(2)} s, ${fmt(app.peakRssMb ?? NaN, 0)} MB, ${(app.rows ?? 0).toLocaleString("en")} rows, ${mb(app)}${scaled}` : ""} |`,
        );
        continue;
      }
      let budget = "";
      const b = scenario.budget;
      if (b && b.connections === app.connections && (!b.engine || b.engine === app.engine)) {
        const missed = (b.p95Ms !== undefined && !(app.p95 <= b.p95Ms)) || (b.minRps !== undefined && !(app.rps >= b.minRps)) || app.failures > 0;
        budget = `${missed ? "**MISSED**" : "met"}: ${b.text}`;
      }
      const failed = app.failures ? ` (${app.failures} failed)` : "";
      lines.push(
        `| ${name}${failed} | ${app.engine} | ${app.connections} | ${fmt(app.p50)} | ${fmt(app.p95)} | ${fmt(app.p99)} | ${fmt(app.rps, 0)} | ${fmt(floor?.p95 ?? NaN)} | ${fmt(floor?.rps ?? NaN, 0)} | ${floor ? fmt(app.p95 / floor.p95, 2) : "–"} | ${floor ? fmt(app.rps / floor.rps, 2) : "–"} | ${budget} |`,
      );
    }
  }
  lines.push("");
  for (const [engine, p] of Object.entries(peaks)) lines.push(`Peak server memory (RSS) on ${engine}: app ${fmt(p.app ?? NaN, 0)} MB, floor ${fmt(p.floor ?? NaN, 0)} MB.`);
  return lines.join("\n");
}

const cpus = os.cpus();
const machine = `${cpus.length} × ${cpus[0]?.model?.trim() ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
const startedAt = new Date();
const all: Measurement[] = [];
const peaks: Record<string, Record<string, number>> = {};
let info: DatasetInfo | undefined;
if (!existsSync(path.join(root, "build", "index.js"))) throw new Error("run `npx remix build` first (npm run bench does)");
log(`${quick ? "quick" : "full"} run: ${engines.join(", ")}; ${duration} s per measurement; connections ${connectionLevels.join(", ")}`);
for (const engine of engines) {
  const result = await runEngine(engine);
  const { rows, peakMb } = result;
  info = result.info;
  all.push(...rows);
  peaks[engine] = peakMb;
}
const markdown = [
  `# Kenes benchmark (${quick ? "quick" : "full"}${only ? `, only ${only.join(", ")}` : ""})`,
  "",
  `Run ${startedAt.toISOString()} on ${machine}. Data set: one consultation with ${size.articles} articles and ${(size.comments - size.otherConsultations * 100).toLocaleString("en")} comments (${size.hotComments.toLocaleString("en")} on one article; ${info?.annotations.toLocaleString("en") ?? "?"} of all comments are annotations), ${size.answers.toLocaleString("en")} answers to them, ${size.otherConsultations} other consultations with 100 comments each, and a closed consultation with ${size.csvComments.toLocaleString("en")} comments (40% answered) for the report CSV; ${info?.searchDocuments.toLocaleString("en") ?? "?"} search documents built by reindex(). ${duration} s per measurement with autocannon over loopback; the CSV is downloaded whole ${quick ? "once" : "3 times"}, one at a time (its row: times in ms, peak server RSS in the req/s columns). The floor is a bare node:http server running the same queries and rendering the same React components with renderToString (the CSV: the same query streamed through csv-stringify).`,
  "",
  table(all, peaks, info),
  "",
].join("\n");
mkdirSync(path.join(root, "bench", "results"), { recursive: true });
// Quick runs write the same files (their table says "quick"): the latest figures, whatever the mode.
const suffix = only ? `only-${only.join("-")}` : "latest";
writeFileSync(path.join(root, "bench", "results", `${suffix}.json`), JSON.stringify({ startedAt, machine, quick, duration, size, dataset: info ? { ...info, size: undefined } : null, results: all, peakMb: peaks }, null, 2) + "\n");
writeFileSync(path.join(root, "bench", "results", `${suffix}.md`), markdown);
process.stdout.write(markdown);
log(`wrote bench/results/${suffix}.json and ${suffix}.md in ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s`);
