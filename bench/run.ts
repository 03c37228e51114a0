/**
 * npm run bench [-- --quick] [-- --engine=pglite|postgres] [-- --duration=10] [-- --only=a,b]
 *               [-- --reuse] [-- --profile]        (environment: BENCH_DATABASE_URL, BENCH_DB_PREFIX, BENCH_APP_*)
 * tsx bench/run.ts --render=bench/results/latest.json
 *
 * For each engine (PGlite; PostgreSQL when BENCH_DATABASE_URL or DATABASE_URL is set): builds or
 * reuses the deterministic data set (bench/prepare.ts, bench/dataset.ts), starts the built server
 * (`node server.js`, SERVER_TIMING=on) and the floor (bench/floor-server.ts, its own process),
 * and for every scenario (bench/scenarios.ts):
 *   1. captures the app's exact response for each of the scenario's paths and loads those bytes
 *      into the floor;
 *   2. measures its payload (HTML, handoff, compression, repeated texts) on page scenarios;
 *   3. measures the app with autocannon at 1, 10 and 50 connections, and after each level makes
 *      a few sequential requests to read the app's Server-Timing (SQL time, queries, total);
 *      the app's peak RSS is taken per level (each scenario has an app process of its own);
 *   4. measures the floor with the same settings.
 * Then writes bench/results/latest.md and latest.json (bench/report.ts). A benchmark, not a test.
 * `--render=<run>.json` writes <run>.md again from a saved run, measuring nothing.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { BENCH_USER, sizes, type DatasetInfo } from "./dataset";
import type { CaptureManifest } from "./floor-server";
import { rawRequest, replayableHeaders, type RawResponse } from "./http";
import { download, measureLoad, memory, peakDuring, sampleTimings, warmUp, type DownloadFigures } from "./measure";
import { analysePayload } from "./payload";
import { prepare, recordSearchPlans } from "./prepare";
import { summarizeProfile } from "./profile-summary";
import { markdown, type Capture, type EngineResult, type Row, type RunInfo } from "./report";
import { scenarios, type Engine, type Scenario, type Session } from "./scenarios";

const root = path.resolve(import.meta.dirname, "..");
const args = new Map(process.argv.slice(2).map((a) => { const [k, v] = a.replace(/^--/, "").split("="); return [k, v ?? "true"] as const; }));
const known = new Set(["quick", "engine", "duration", "only", "reuse", "profile", "render"]);
for (const k of args.keys()) if (!known.has(k)) throw new Error(`unknown option --${k} (known: ${[...known].map((o) => `--${o}`).join(", ")})`);
const quick = args.has("quick");
const reuse = args.has("reuse");
const profile = args.has("profile");
const duration = Number(args.get("duration") ?? (quick ? 1 : 10));
const connectionLevels = quick ? [1, 10] : [1, 10, 50];
const postgresAdminUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || "";
/** Database names are `<prefix>_quick` / `<prefix>_full` (and `…_run` copies with --reuse). */
const dbPrefix = process.env.BENCH_DB_PREFIX || "kenes_bench";
// --only=report,search measures some scenarios (a check after a fix); it writes only-<keys>.md/json, not latest.
const only = args.get("only")?.split(",").filter(Boolean);
if (only) for (const k of only) if (!scenarios.some((s) => s.key === k)) throw new Error(`--only: no scenario "${k}" (scenarios: ${scenarios.map((s) => s.key).join(", ")})`);
const engines = (args.get("engine") ? [args.get("engine")] : ["pglite", ...(postgresAdminUrl ? ["postgres"] : [])]) as Engine[];
for (const e of engines) if (e !== "pglite" && e !== "postgres") throw new Error(`--engine: pglite or postgres, not ${e}`);
if (engines.includes("postgres") && !postgresAdminUrl) throw new Error("--engine=postgres needs BENCH_DATABASE_URL (or DATABASE_URL)");
const settings = {
  warmUpRequests: quick ? 4 : 20,
  minResponses: (c: number) => (quick ? Math.max(3, c) : Math.max(5, 2 * c)),
  timingSamples: quick ? 10 : 20,
  timingMaxSeconds: quick ? 3 : 5,
  downloads: quick ? 1 : 3,
};

/** The app runs as `npm start` runs it: with the Node flags of package.json's start script (the heap cap). */
function nodeFlagsOfStart(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const m = /\bnode((?:\s+--\S+)*)\s+server\.js/.exec(pkg.scripts.start ?? "");
  return m ? m[1].trim().split(/\s+/).filter(Boolean) : [];
}

const num = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–");

function log(message: string) {
  process.stderr.write(`[bench] ${message}\n`);
}

interface Server {
  url: string;
  child: ChildProcess;
  /** The last 20,000 characters the process wrote (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

async function start(command: string[], env: Record<string, string>, pattern: RegExp): Promise<Server> {
  const child = spawn(command[0], command.slice(1), { cwd: root, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d) => (output = (output + d).slice(-20_000)));
  child.stderr!.on("data", (d) => (output = (output + d).slice(-20_000)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command.join(" ")} did not start:\n${output}`)), 300_000);
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
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
      if (child.exitCode === null && child.signalCode === null) {
        log(`${command.join(" ")} did not exit in 20 s: SIGKILL`);
        child.kill("SIGKILL");
        await exited;
      }
    },
  };
}

/** Signs the bench user in over HTTP: a real session and CSRF token for the signed-in scenarios. */
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

/** The app's environment: the bench's settings, plus any BENCH_APP_<NAME>=v as <NAME>=v (e.g. an overload limit to try). */
function appEnv(prepared: Record<string, string>): Record<string, string> {
  const passed = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith("BENCH_APP_")).map(([k, v]) => [k.slice("BENCH_APP_".length), v ?? ""]));
  return {
    ...prepared,
    SESSION_SECRET: "bench-secret-0123456789abcdef0123456789",
    SERVER_TIMING: "on",
    DEMO: "off",
    RATE_LIMIT_SIGNIN_ACCOUNT: "off",
    RATE_LIMIT_SIGNIN_IP: "off",
    RATE_LIMIT_SIGNUP_IP: "off",
    RATE_LIMIT_COMMENTS_USER: "off",
    ...passed,
  };
}

/** Writes the captured responses for the floor and has it load them. */
async function loadFloor(floor: Server, dir: string, name: string, captured: { path: string; response: RawResponse }[]) {
  const manifest: CaptureManifest = { responses: [] };
  captured.forEach(({ path: p, response }, i) => {
    const bodyFile = path.join(dir, `${name}-${i}.body`);
    writeFileSync(bodyFile, response.body);
    manifest.responses.push({ path: p, status: response.status, headers: replayableHeaders(response.rawHeaders), bodyFile });
  });
  const manifestFile = path.join(dir, `${name}.json`);
  writeFileSync(manifestFile, JSON.stringify(manifest));
  const answer = await rawRequest(floor.url, { method: "POST", path: "/__floor/load", body: manifestFile });
  if (answer.status !== 204) throw new Error(`the floor did not load ${name}: ${answer.status} ${answer.body.toString()}`);
}

const describeCapture = (scenario: Scenario, engine: Engine, responses: RawResponse[], warnings: string[]): Capture => ({
  scenario: scenario.key,
  engine,
  paths: responses.length,
  statuses: [...new Set(responses.map((r) => r.status))],
  bytes: responses.reduce((n, r) => n + r.body.length, 0) / Math.max(1, responses.length),
  contentType: responses[0]?.headers["content-type"] ?? "",
  cacheControl: responses[0]?.headers["cache-control"] ?? "",
  etag: responses[0]?.headers["etag"] ?? "",
  serverTiming: responses[0]?.headers["server-timing"] ?? "",
  warnings,
});

async function runEngine(engine: Engine, captureDir: string): Promise<EngineResult> {
  const prepared = await prepare(engine, { quick, reuse, adminUrl: postgresAdminUrl, prefix: dbPrefix, log });
  const { info } = prepared;
  const result: EngineResult = { engine, info, origin: prepared.origin, rows: [], captures: [], payloads: {}, profiles: {}, aborted: [], floorPeakMb: NaN };
  const chosen = scenarios.filter((s) => !s.pending && (!only || only.includes(s.key)));
  // The CSV first, the comment POST last (scenarios.ts: it adds comments under the others).
  const ordered = [...chosen.filter((s) => s.kind === "download"), ...chosen.filter((s) => s.kind !== "download")];
  if (chosen.some((s) => s.key.startsWith("search")) && !profile) {
    // Point 7 of issue 11: the plans of the measured queries, on this run's data set.
    const file = await recordSearchPlans(engine, prepared.env, info.searchQueries, path.join(root, "bench", "results", `search-plans-${engine}.md`));
    log(`${engine}: search query plans written to ${path.relative(root, file)}`);
  }
  const profileRoot = path.join(root, "bench", ".data", "profiles", engine);
  if (profile) rmSync(profileRoot, { recursive: true, force: true });
  const startApp = async (profileDir?: string) => {
    const flags = [...nodeFlagsOfStart(), ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [])];
    return start([process.execPath, ...flags, "server.js"], appEnv(prepared.env), /listening on (http:\/\/[^\s]+)/);
  };
  const floor = await start([process.execPath, "--import", "tsx", "bench/floor-server.ts"], {}, /floor listening on (http:\/\/[^\s]+)/);
  try {
    // One app process per scenario: its memory figures are its own (not the heap an earlier page
    // grew), a crash ends only that scenario, and with --profile each gets its own CPU profile.
    for (const scenario of ordered) {
      const profileDir = profile ? path.join(profileRoot, scenario.key) : undefined;
      const app = await startApp(profileDir);
      try {
        const session = await signIn(app.url);
        await runScenario(scenario, engine, info, session, app, floor, captureDir, result);
      } catch (error) {
        const exited = app.child.exitCode !== null || app.child.signalCode !== null ? ` (the app process exited: ${app.child.signalCode ?? `code ${app.child.exitCode}`})` : "";
        log(`${engine} ${scenario.key}: the app's last output:\n${app.output().slice(-3000)}`);
        log(`ERROR: ${engine} ${scenario.key} aborted${exited}: ${error instanceof Error ? error.message : String(error)}`);
        result.aborted.push({ scenario: scenario.key, reason: `${error instanceof Error ? error.message.split("\n")[0] : String(error)}${exited}` });
      } finally {
        await app.stop();
      }
      if (profileDir) {
        const file = existsSync(profileDir) ? readdirSync(profileDir).find((f) => f.endsWith(".cpuprofile")) : undefined;
        result.profiles[scenario.key] = file ? summarizeProfile(path.join(profileDir, file), { top: 15 }) : ["no profile written"];
        if (file) log(`${engine} ${scenario.key}: profile ${path.relative(root, path.join(profileDir, file))}`);
      }
    }
    result.floorPeakMb = memory(floor.child.pid).peak;
  } finally {
    await floor.stop();
    await prepared.cleanup();
  }
  return result;
}

async function runScenario(scenario: Scenario, engine: Engine, info: DatasetInfo, session: Session, app: Server, floor: Server, captureDir: string, result: EngineResult) {
  const spec = scenario.request!(info, session);
  const pid = app.child.pid;
  const tag = `${engine} ${scenario.key}`;
  const loadOptions = { duration, minResponses: settings.minResponses, log: (m: string) => log(`${tag}: ${m}`) };

  if (scenario.kind === "download") {
    // The app's downloads; the last one is the capture the floor then serves.
    const { result: measured, peakMb } = await peakDuring(pid, () => download(app.url, spec, settings.downloads, scenario.okStatus));
    const warnings: string[] = [];
    if (!measured.last || !scenario.okStatus.includes(measured.last.status)) warnings.push(`status ${measured.last?.status ?? "none"}, expected ${scenario.okStatus.join("/")}`);
    result.captures.push(describeCapture(scenario, engine, measured.last ? [measured.last] : [], warnings));
    let floorFigures: DownloadFigures | undefined;
    if (measured.last) {
      await loadFloor(floor, captureDir, `${engine}-${scenario.key}`, [{ path: spec.path, response: measured.last }]);
      floorFigures = (await download(floor.url, spec, settings.downloads, [measured.last.status])).figures;
    }
    // No Server-Timing columns: a streamed body's header is sent before its queries have run.
    result.rows.push({ engine, scenario: scenario.key, connections: 1, app: measured.figures, floor: floorFigures, peakRssMb: peakMb });
    const f = measured.figures;
    log(`${tag}: ${f.rows} rows, ${(f.bytes / 2 ** 20).toFixed(1)} MB in ${(f.p50 / 1000).toFixed(2)} s (floor ${((floorFigures?.p50 ?? NaN) / 1000).toFixed(2)} s), peak RSS ${peakMb.toFixed(0)} MB${f.failures ? `, ${f.failures} FAILED` : ""}${f.shed ? `, ${f.shed} shed (503)` : ""}`);
    return;
  }

  // 1. Capture every path's response, exactly as the app sends it to this request.
  const paths = spec.paths?.length ? spec.paths : [spec.path];
  const captured: { path: string; response: RawResponse }[] = [];
  const warnings: string[] = [];
  for (const p of paths) {
    const response = await rawRequest(app.url, { method: spec.method, path: p, headers: spec.headers, body: spec.body?.() });
    if (!scenario.okStatus.includes(response.status)) warnings.push(`${p}: status ${response.status}, expected ${scenario.okStatus.join("/")}`);
    captured.push({ path: p, response });
  }
  if (scenario.expect && !scenario.expect.test(captured[0].response.body.toString("utf8"))) warnings.push(`the response does not match ${scenario.expect}`);
  for (const w of warnings.slice(0, 5)) log(`WARNING: ${tag}: ${w}`);
  result.captures.push(describeCapture(scenario, engine, captured.map((c) => c.response), warnings));
  await loadFloor(floor, captureDir, `${engine}-${scenario.key}`, captured);

  // 2. Payload: the identity body just captured, and what the server sends to a client accepting gzip and brotli.
  if (scenario.payload) {
    const compressed = await rawRequest(app.url, { method: spec.method, path: paths[0], headers: { ...spec.headers, "Accept-Encoding": "gzip, br" }, body: spec.body?.() });
    result.payloads[scenario.key] = analysePayload(captured[0].response.body, { encoding: compressed.headers["content-encoding"] ?? "identity", bytes: compressed.body.length });
  }

  // 3. The app at each level, its Server-Timing after each, its peak memory per level. Rows go in
  // as they are measured: if the app dies at 50 connections, the lower levels still show.
  await warmUp(app.url, spec, settings.warmUpRequests);
  const rows: Row[] = [];
  for (const connections of connectionLevels) {
    const { result: measured, peakMb } = await peakDuring(pid, async () => {
      const figures = await measureLoad(app.url, spec, connections, scenario.okStatus, loadOptions);
      try {
        return { figures, timing: await sampleTimings(app.url, spec, settings.timingSamples, settings.timingMaxSeconds) };
      } catch (error) {
        return { figures, timing: undefined, error };
      }
    });
    const { figures: m, timing: t } = measured;
    const row: Row = { engine, scenario: scenario.key, connections, app: m, timing: t, peakRssMb: peakMb };
    rows.push(row);
    result.rows.push(row);
    log(`${tag} app   c=${String(connections).padEnd(2)} p50 ${m.p50.toFixed(1)} p95 ${m.p95.toFixed(1)} ms, ${m.rps.toFixed(0)} req/s${m.failures ? `, ${m.failures} FAILED` : ""}${m.shed ? `, ${m.shed} shed (503)` : ""}; SQL ${num(t?.dbMs ?? NaN)} ms (${num(t?.queries ?? NaN)} queries), server ${num(t?.totalMs ?? NaN)} ms; peak RSS ${peakMb.toFixed(0)} MB`);
    if ("error" in measured) throw measured.error;
  }

  // 4. The floor: the same requests, the same settings, the captured bytes from memory.
  const floorOk = [...new Set(captured.map((c) => c.response.status))];
  await warmUp(floor.url, spec, settings.warmUpRequests);
  for (const row of rows) {
    row.floor = await measureLoad(floor.url, spec, row.connections, floorOk, { ...loadOptions, log: (m) => log(`${tag} floor: ${m}`) });
    log(`${tag} floor c=${String(row.connections).padEnd(2)} p50 ${row.floor.p50.toFixed(1)} p95 ${row.floor.p95.toFixed(1)} ms, ${row.floor.rps.toFixed(0)} req/s${row.floor.failures ? `, ${row.floor.failures} FAILED` : ""}`);
  }
}

// --render=bench/results/latest.json: only writes the .md again from a run's .json (after a change
// to the report's format or to a budget in scenarios.ts), measuring nothing.
const render = args.get("render");
if (render) {
  // JSON wrote NaN (a figure that could not be measured) as null: read it back as NaN.
  const saved = JSON.parse(readFileSync(render, "utf8"), (_key, value) => (value === null ? NaN : value)) as RunInfo & { results: EngineResult[] };
  const target = render.replace(/\.json$/, "") + ".md";
  writeFileSync(target, markdown(saved, saved.results));
  log(`wrote ${target} from ${render}`);
  process.exit(0);
}

const cpus = os.cpus();
const machine = `${cpus.length} × ${cpus[0]?.model?.trim() ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}, load average at start ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")}`;
const startedAt = new Date();
if (!existsSync(path.join(root, "build", "index.js"))) throw new Error("run `npx remix build` first (npm run bench does)");
log(`${quick ? "quick" : "full"} run: ${engines.join(", ")}; ${duration} s per measurement; connections ${connectionLevels.join(", ")}${reuse ? "; reusing kept data sets" : ""}${profile ? "; CPU profiles" : ""}`);
const captureDir = mkdtempSync(path.join(os.tmpdir(), "kenes-bench-"));
const results: EngineResult[] = [];
try {
  for (const engine of engines) results.push(await runEngine(engine, captureDir));
} finally {
  rmSync(captureDir, { recursive: true, force: true });
}
const seconds = (Date.now() - startedAt.getTime()) / 1000;
const run = { startedAt: startedAt.toISOString(), seconds, machine, quick, duration, connections: connectionLevels, only, profile, reuse, size: sizes[quick ? "quick" : "full"], settings: { ...settings, minResponses: connectionLevels.map(settings.minResponses) } };
const text = markdown(run, results);
mkdirSync(path.join(root, "bench", "results"), { recursive: true });
// Quick runs write the same files (their heading says "quick"); --only and --profile write their own.
const suffix = [only ? `only-${only.join("-")}` : profile ? "" : "latest", profile ? "profile" : ""].filter(Boolean).join("-");
writeFileSync(path.join(root, "bench", "results", `${suffix}.json`), JSON.stringify({ ...run, results }, null, 2) + "\n");
writeFileSync(path.join(root, "bench", "results", `${suffix}.md`), text);
process.stdout.write(text);
log(`wrote bench/results/${suffix}.json and ${suffix}.md in ${seconds.toFixed(0)} s`);
