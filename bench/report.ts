/**
 * bench/results/latest.md from the measurements: the scenarios, the main table (app, floor, SQL
 * time, memory, budget verdicts), the budgets of issue 11 one by one, the captured responses, the
 * payload of each page, and (--profile) the CPU profile summaries.
 */
import type { DatasetInfo, DatasetSize } from "./dataset";
import type { DownloadFigures, LoadFigures, TimingFigures } from "./measure";
import type { Payload } from "./payload";
import { MEMORY_BUDGET, PGLITE_FACTOR, scenarioName, scenarios, type Budget, type Engine, type Scenario } from "./scenarios";

/** One row of the table: a scenario on an engine at a number of connections. */
export interface Row {
  engine: Engine;
  scenario: string;
  connections: number;
  app: LoadFigures | DownloadFigures;
  floor?: LoadFigures | DownloadFigures;
  timing?: TimingFigures;
  /** The app's peak RSS while this row was measured (its load and timing requests). */
  peakRssMb: number;
}

/** What the app answered when its response was captured for the floor. */
export interface Capture {
  scenario: string;
  engine: Engine;
  paths: number;
  statuses: number[];
  /** Body bytes (the mean over the paths when there are several). */
  bytes: number;
  contentType: string;
  cacheControl: string;
  etag: string;
  serverTiming: string;
  warnings: string[];
}

export interface EngineResult {
  engine: Engine;
  info: DatasetInfo;
  origin: string;
  rows: Row[];
  captures: Capture[];
  payloads: Record<string, Payload>;
  /** --profile: profile-summary.ts's top entries for each scenario. */
  profiles: Record<string, string[]>;
  /** Scenarios that could not be finished (the app crashed, a request could not be made). */
  aborted: { scenario: string; reason: string }[];
  floorPeakMb: number;
}

export interface RunInfo {
  startedAt: string;
  seconds: number;
  machine: string;
  quick: boolean;
  duration: number;
  connections: number[];
  only?: string[];
  profile: boolean;
  reuse: boolean;
  size: DatasetSize;
  settings: { warmUpRequests: number; timingSamples: number; timingMaxSeconds: number; downloads: number; minResponses: number[] };
}

const fmt = (n: number | undefined, digits = 1) => (n !== undefined && Number.isFinite(n) ? n.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "–");
const int = (n: number | undefined) => fmt(n, 0);
const kb = (bytes: number) => `${fmt(bytes / 1024)} KB`;
const isDownload = (s: Scenario | undefined) => s?.kind === "download";

/** App throughput as a share of the floor's, in %. Downloads: the floor's time over the app's. */
function floorShare(row: Row, scenario: Scenario | undefined): number {
  if (!row.floor) return NaN;
  return isDownload(scenario) ? (100 * row.floor.p50) / row.app.p50 : (100 * row.app.rps) / row.floor.rps;
}

function unanswered(row: Row): string | undefined {
  const parts = [row.app.failures ? `${row.app.failures} failed` : "", row.app.shed ? `${row.app.shed} shed (503)` : ""].filter(Boolean);
  return parts.length ? parts.join(", ") : undefined;
}

interface Verdict {
  met: boolean;
  text: string;
  measured: string;
}

/** A budget on a row: every figure it names must hold, and nothing may be left unanswered. */
function judge(budget: Budget, row: Row, scenario: Scenario, info: DatasetInfo | undefined): Verdict {
  const misses: string[] = [];
  const measured: string[] = [];
  const bad = unanswered(row);
  if (bad) misses.push(bad);
  if (budget.minFloorShare !== undefined) {
    const share = floorShare(row, scenario);
    measured.push(`${fmt(share)} % of floor`);
    if (!(share >= budget.minFloorShare)) misses.push("share");
  }
  if (budget.minRps !== undefined) {
    measured.push(`${int(row.app.rps)} req/s`);
    if (!(row.app.rps >= budget.minRps)) misses.push("req/s");
  }
  if (budget.maxP95Ms !== undefined) {
    measured.push(`p95 ${fmt(row.app.p95)} ms`);
    if (!(row.app.p95 <= budget.maxP95Ms)) misses.push("p95");
  }
  if (budget.maxSeconds !== undefined) {
    measured.push(`${fmt(row.app.p95 / 1000, 2)} s`);
    if (!(row.app.p95 <= budget.maxSeconds * 1000)) misses.push("time");
  }
  if (budget.maxRssMb !== undefined) {
    measured.push(`${int(row.peakRssMb)} MB`);
    if (!(row.peakRssMb < budget.maxRssMb)) misses.push("memory");
  }
  if (bad) measured.push(bad);
  else if (!measured.length) measured.push("0 failed, 0 shed");
  const d = row.app as DownloadFigures;
  const rows = isDownload(scenario) && d.rows !== undefined && info && d.rows < 100_000 ? ` — only ${d.rows.toLocaleString("en")} rows in this run: indicative` : "";
  return { met: misses.length === 0, text: budget.text + rows, measured: measured.join(", ") };
}

function memoryVerdict(row: Row): Verdict {
  return { met: row.peakRssMb < MEMORY_BUDGET.maxRssMb, text: MEMORY_BUDGET.text, measured: `${int(row.peakRssMb)} MB` };
}

/** PGlite's row against PostgreSQL's: within PGLITE_FACTOR× (p95 and req/s; downloads: time) and nothing unanswered. */
function pgliteVerdict(row: Row, pg: Row, scenario: Scenario): Verdict {
  const slower = row.app.p95 / pg.app.p95;
  const rpsDown = pg.app.rps / row.app.rps;
  const bad = unanswered(row);
  const met = !bad && slower <= PGLITE_FACTOR && (isDownload(scenario) || rpsDown <= PGLITE_FACTOR);
  const measured = [isDownload(scenario) ? `time ×${fmt(slower, 2)}` : `p95 ×${fmt(slower, 2)}, req/s ÷${fmt(rpsDown, 2)}`, bad].filter(Boolean).join(", ");
  return { met, text: `within ${PGLITE_FACTOR}× of PostgreSQL, 0 failures`, measured };
}

const show = (v: Verdict) => `${v.met ? "met" : "**MISSED**"}: ${v.text} (${v.measured})`;

function rowVerdicts(row: Row, scenario: Scenario, all: Row[], info: DatasetInfo | undefined): Verdict[] {
  const out: Verdict[] = [];
  for (const b of scenario.budgets ?? []) if (b.connections === row.connections && (b.engines ?? ["postgres"]).includes(row.engine)) out.push(judge(b, row, scenario, info));
  if (row.connections === MEMORY_BUDGET.connections) out.push(memoryVerdict(row));
  if (row.engine === "pglite") {
    const pg = all.find((r) => r.engine === "postgres" && r.scenario === row.scenario && r.connections === row.connections);
    if (pg) out.push(pgliteVerdict(row, pg, scenario));
  }
  return out;
}

function requestText(scenario: Scenario, info: DatasetInfo | undefined): string {
  if (!scenario.request || !info) return "–";
  const spec = scenario.request(info, { cookie: "…", csrf: "…" });
  const headers = Object.entries(spec.headers ?? {}).map(([k, v]) => (k === "Cookie" ? "the bench user's session cookie" : `\`${k}: ${v}\``));
  const readable = (p: string) => decodeURIComponent(p.replaceAll("+", " "));
  const path = spec.paths?.length ? `${spec.paths.length} paths in turn, e.g. \`${readable(spec.paths[0])}\`` : `\`${spec.path}\``;
  return `${spec.method} ${path}${headers.length ? ` with ${headers.join(", ")}` : ""}${scenario.kind === "download" ? " (downloaded whole)" : ""}`;
}

function mainTable(results: EngineResult[], info: DatasetInfo | undefined): string[] {
  const all = results.flatMap((r) => r.rows);
  const lines = [
    "| scenario | engine | conn. | p50 ms | p95 ms | req/s | 503 | failed | floor p95 ms | floor req/s | % of floor | p95 − floor ms | SQL ms | queries | render/other ms | server ms | peak RSS MB | budget |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ];
  for (const scenario of scenarios) {
    for (const result of results) {
      for (const row of result.rows.filter((r) => r.scenario === scenario.key)) {
        const t = row.timing;
        const download = isDownload(scenario);
        const cells = [
          `\`${scenario.key}\``,
          row.engine,
          String(row.connections),
          fmt(row.app.p50),
          fmt(row.app.p95),
          download ? "–" : int(row.app.rps),
          String(row.app.shed),
          String(row.app.failures),
          fmt(row.floor?.p95),
          download ? "–" : int(row.floor?.rps),
          fmt(floorShare(row, scenario)),
          row.floor ? fmt(row.app.p95 - row.floor.p95) : "–",
          fmt(t?.dbMs),
          fmt(t?.queries),
          t ? fmt(t.totalMs - t.dbMs) : "–",
          fmt(t?.totalMs),
          int(row.peakRssMb),
          rowVerdicts(row, scenario, all, info).map(show).join("; "),
        ];
        lines.push(`| ${cells.join(" | ")} |`);
      }
    }
  }
  return lines;
}

/** Every budget of issue 11, judged once per engine it applies to (or "not measured"). */
function budgetTable(results: EngineResult[], run: RunInfo, info: DatasetInfo | undefined): string[] {
  const all = results.flatMap((r) => r.rows);
  const lines = ["| scenario | budget | engine | measured | verdict |", "| --- | --- | --- | --- | --- |"];
  const notMeasured = (c: number) => (run.connections.includes(c) ? "not measured in this run" : `not measured: no ${c}-connection level${run.quick ? " in --quick" : ""}`);
  const chosen = scenarios.filter((s) => !s.pending && (!run.only || run.only.includes(s.key)));
  for (const scenario of chosen) {
    for (const b of scenario.budgets ?? []) {
      for (const engine of (b.engines ?? ["postgres"]) as Engine[]) {
        if (!results.some((r) => r.engine === engine)) continue;
        const row = all.find((r) => r.engine === engine && r.scenario === scenario.key && r.connections === b.connections);
        if (!row) lines.push(`| \`${scenario.key}\` | ${b.text} | ${engine} | – | ${notMeasured(b.connections)} |`);
        else {
          const v = judge(b, row, scenario, info);
          lines.push(`| \`${scenario.key}\` | ${v.text} | ${engine} | ${v.measured} | ${v.met ? "met" : "**MISSED**"} |`);
        }
      }
    }
  }
  // Memory: the worst scenario per engine at 50 connections.
  for (const result of results) {
    const at = result.rows.filter((r) => r.connections === MEMORY_BUDGET.connections);
    if (!at.length) {
      lines.push(`| every scenario | ${MEMORY_BUDGET.text} | ${result.engine} | – | ${notMeasured(MEMORY_BUDGET.connections)} |`);
      continue;
    }
    const worst = at.reduce((a, b) => (b.peakRssMb > a.peakRssMb ? b : a));
    const met = at.every((r) => memoryVerdict(r).met);
    lines.push(`| every scenario | ${MEMORY_BUDGET.text} | ${result.engine} | highest: \`${worst.scenario}\` ${int(worst.peakRssMb)} MB | ${met ? "met" : "**MISSED**"} |`);
  }
  // PGlite against PostgreSQL: every row of each scenario.
  if (results.some((r) => r.engine === "pglite") && results.some((r) => r.engine === "postgres")) {
    for (const scenario of chosen) {
      const pairs = all.filter((r) => r.engine === "pglite" && r.scenario === scenario.key).flatMap((r) => {
        const pg = all.find((p) => p.engine === "postgres" && p.scenario === r.scenario && p.connections === r.connections);
        return pg ? [{ row: r, v: pgliteVerdict(r, pg, scenario) }] : [];
      });
      if (!pairs.length) continue;
      const missed = pairs.filter((p) => !p.v.met);
      const shown = (missed.length ? missed : pairs).map((p) => `${p.row.connections} conn.: ${p.v.measured}`).join("; ");
      lines.push(`| \`${scenario.key}\` | PGlite within ${PGLITE_FACTOR}× of PostgreSQL, 0 failures | pglite | ${shown} | ${missed.length ? "**MISSED**" : "met"} |`);
    }
  }
  return lines;
}

function captureTable(results: EngineResult[]): string[] {
  const lines = ["| scenario | engine | status | content-type | body | cache-control | ETag | Server-Timing | warnings |", "| --- | --- | --- | --- | ---: | --- | --- | --- | --- |"];
  for (const scenario of scenarios) {
    for (const result of results) {
      const c = result.captures.find((x) => x.scenario === scenario.key);
      if (!c) continue;
      const code = (s: string) => (s ? `\`${s.replaceAll("|", "\\|")}\`` : "–");
      lines.push(`| \`${c.scenario}\` | ${c.engine} | ${c.statuses.join(", ")}${c.paths > 1 ? ` (${c.paths} paths)` : ""} | ${code(c.contentType.split(";")[0])} | ${kb(c.bytes)}${c.paths > 1 ? " (mean)" : ""} | ${code(c.cacheControl)} | ${c.etag ? "yes" : "–"} | ${code(c.serverTiming)} | ${c.warnings.length ? c.warnings.slice(0, 3).join("; ").replaceAll("|", "\\|") : ""} |`);
    }
  }
  return lines;
}

function payloadTable(result: EngineResult): string[] {
  const lines = [
    "| scenario | body | handoff | translations in handoff | sent for `Accept-Encoding: gzip, br` | gzip / brotli of the body | handoff texts also in the HTML | texts repeated in the handoff | largest repeat |",
    "| --- | ---: | ---: | --- | --- | --- | --- | --- | --- |",
  ];
  for (const scenario of scenarios) {
    const p = result.payloads[scenario.key];
    if (!p) continue;
    const share = p.bytes ? ` (${fmt((100 * p.handoffBytes) / p.bytes, 0)} %)` : "";
    const translations = p.translationsBytes ? `${kb(p.translationsBytes)}: ${p.translationsWhere.join("; ")}` : p.uiStringsInHandoff ? `${p.uiStringsInHandoff} of ${p.uiStrings} UI strings` : "none";
    const repeats = (r: Payload["inBoth"]) => (r.count ? `${r.count} texts, ${kb(r.bytes)}` : "none");
    const largest = [...p.inBoth.largest, ...p.inHandoffTwice.largest].sort((a, b) => b.bytes - a.bytes)[0];
    const preview = largest ? `${kb(largest.bytes)}: \`${largest.preview.replaceAll("`", "'").replaceAll("|", "\\|")}…\`` : "–";
    lines.push(`| \`${scenario.key}\` | ${kb(p.bytes)} | ${p.handoffBytes ? `${kb(p.handoffBytes)}${share}` : "–"} | ${p.handoffBytes ? translations : "–"} | ${p.sentEncoding}, ${kb(p.sentBytes)} | ${kb(p.gzipBytes)} / ${kb(p.brotliBytes)} | ${p.handoffBytes ? repeats(p.inBoth) : "–"} | ${p.handoffBytes ? repeats(p.inHandoffTwice) : "–"} | ${preview} |`);
  }
  return lines;
}

export function markdown(run: RunInfo, results: EngineResult[]): string {
  const info = results[0]?.info;
  const size = run.size;
  const mainComments = size.comments - size.otherConsultations * 100;
  const n = (x: number | undefined) => (x === undefined ? "?" : x.toLocaleString("en"));
  const chosen = scenarios.filter((s) => !run.only || run.only.includes(s.key));
  const out: string[] = [];
  out.push(`# Kenes benchmark (${run.quick ? "quick" : "full"}${run.only ? `, only ${run.only.join(", ")}` : ""}${run.profile ? ", with CPU profiles: figures are slowed by the profiler" : ""})`, "");
  out.push(
    `Run ${run.startedAt} on ${run.machine}; it took ${Math.round(run.seconds / 60)} min. ` +
      `Data set (bench/dataset.ts, ${run.quick ? "quick" : "full"} size): one consultation with ${size.articles} articles and ${n(mainComments)} comments (${n(size.hotComments)} on one article; ${n(info?.annotations)} of all comments are annotations), ${n(size.answers)} answers to them, ${size.otherConsultations} other consultations with 100 comments each, and a closed consultation with ${n(size.csvComments)} comments (40% answered) for the report CSV; ${n(info?.searchDocuments)} search documents. ` +
      results.map((r) => `${r.engine}: ${r.origin}`).join("; ") +
      `. autocannon over loopback, ${run.duration} s per measurement at ${run.connections.join(", ")} connections (a window with fewer than ${run.settings.minResponses.join(" / ")} responses is measured again by that number of requests), after ${run.settings.warmUpRequests} warm-up requests; the CSV is downloaded whole ${run.settings.downloads === 1 ? "once" : `${run.settings.downloads} times`}, one at a time.`,
    "",
  );
  out.push(
    "**How to read it.** The *floor* is a bare `node:http` server in its own process answering each request with the very bytes the app sent for it (status, headers, body — captured in this run), from memory: what the machine, Node's HTTP stack and the load generator cost for that response. " +
      "*% of floor* is the app's req/s as a share of the floor's at the same connections (for the CSV: the floor's download time over the app's); *p95 − floor* is the app's p95 minus the floor's. " +
      "p50/p95 and req/s count only answers with the expected status; *503* answers (load shedding) are counted apart from *failed* ones (any other status, errors, timeouts). " +
      "*SQL ms*, *queries*, *server ms* are means over a few sequential requests made right after each load measurement, read from the app's `Server-Timing` header (`SERVER_TIMING=on`): time in the database, number of queries, the app's whole handling; *render/other* = server − SQL; the rest of the client's time is the HTTP stack and framework outside the timing (compare the floor). “–” where the app sent no `Server-Timing`. " +
      "*peak RSS* is the app process's VmHWM while that row was measured (reset before it). A budget is judged on its row (PostgreSQL unless it says otherwise) and is **MISSED** when a figure misses it or any request on that row failed or was shed.",
    "",
  );
  out.push("## Scenarios", "", "| key | what | request |", "| --- | --- | --- |");
  for (const s of chosen) out.push(`| \`${s.key}\` | ${scenarioName(s, info)} | ${s.pending ? `not measured: ${s.pending}` : requestText(s, info)} |`);
  out.push("", "## Results", "", ...mainTable(results, info), "");
  out.push("## Budgets (issue 11)", "", ...budgetTable(results, run, info), "");
  out.push("## Captured responses (what the floor serves)", "", ...captureTable(results), "");
  const payloadEngine = results.find((r) => r.engine === "postgres" && Object.keys(r.payloads).length) ?? results.find((r) => Object.keys(r.payloads).length);
  if (payloadEngine) {
    out.push(
      "## Payload",
      "",
      `Measured on ${payloadEngine.engine} (the same data set on both engines). *body*: bytes without compression; *handoff*: the \`window.__remixContext = …\` script (every loader's data for the browser) and its share of the body; *translations*: i18next resources found in it; *sent*: what the server answered to \`Accept-Encoding: gzip, br\` (its Content-Encoding and size); *gzip / brotli*: node:zlib on the body (gzip 6, brotli 5) for comparison; *repeats*: handoff strings of 200+ characters whose text is also in the HTML, or that occur more than once in the handoff.`,
      "",
      ...payloadTable(payloadEngine),
      "",
    );
  }
  const aborted = results.flatMap((r) => r.aborted.map((a) => `- ${r.engine} \`${a.scenario}\`: ${a.reason}`));
  if (aborted.length) out.push("## Aborted scenarios", "", ...aborted, "");
  out.push("## Memory", "");
  for (const r of results) {
    const highest = r.rows.filter((x) => Number.isFinite(x.peakRssMb)).sort((a, b) => b.peakRssMb - a.peakRssMb)[0];
    out.push(`- ${r.engine}: app peak RSS ${highest ? `${int(highest.peakRssMb)} MB (\`${highest.scenario}\` at ${highest.connections} conn.)` : "–"}; floor ${int(r.floorPeakMb)} MB over the run.`);
  }
  out.push("");
  if (run.profile) {
    out.push("## CPU profiles (`node --cpu-prof`, one app process per scenario, start-up included; files in bench/.data/profiles/)", "");
    for (const r of results) {
      for (const [key, lines] of Object.entries(r.profiles)) out.push(`<details><summary>${r.engine} <code>${key}</code></summary>`, "", "```", ...lines, "```", "", "</details>", "");
    }
  }
  return out.join("\n");
}
