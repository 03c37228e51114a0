/**
 * What `npm run bench` measures, and the budgets of issue 11. A "load" scenario is measured with
 * autocannon at each connection level, then its floor (the same captured bytes served from memory
 * by bench/floor-server.ts) with the same settings; a "download" scenario (the report CSV) is
 * fetched whole, one at a time, for its time and the server's peak memory. A scenario with
 * `pending` is listed without figures (the data set lacks what it needs; none does today).
 *
 * Keys are stable (`--only=`, latest.json); names are for readers.
 */
import type { DatasetInfo } from "./dataset";

export type Engine = "pglite" | "postgres";

export interface RequestSpec {
  method: "GET" | "POST";
  path: string;
  /** A fresh body for every request (comment posts need a new idempotency key each time). */
  body?: () => string;
  headers?: Record<string, string>;
  /** When set, requests go to these paths in turn (search: a mix of queries) instead of `path`. */
  paths?: string[];
}

/**
 * One budget line of issue 11. It is judged on the row of `connections` (PostgreSQL unless
 * `engines` says otherwise); every figure it names must hold, and the row must have no failed and
 * no shed (503) responses: a figure that left requests unanswered is not met.
 */
export interface Budget {
  connections: number;
  engines?: Engine[];
  /** App req/s as a share (%) of the floor's at the same connections. */
  minFloorShare?: number;
  minRps?: number;
  maxP95Ms?: number;
  /** Download scenarios: the whole response within this time, the server's peak RSS under this. */
  maxSeconds?: number;
  maxRssMb?: number;
  text: string;
}

/** Every scenario at 50 connections, on both engines (issue 11, point 9). */
export const MEMORY_BUDGET = { connections: 50, maxRssMb: 1024, text: "server < 1 GB at 50 conn." };
/** PGlite against PostgreSQL, each row (issue 11's last budget line). */
export const PGLITE_FACTOR = 3;

export interface Session {
  cookie: string;
  csrf: string;
}

export interface Scenario {
  key: string;
  name: string | ((d: DatasetInfo) => string);
  kind?: "load" | "download";
  /** An HTML page (or the search JSON): its payload is measured (HTML, handoff, compression, repeats). */
  payload?: boolean;
  /** The app's response must match this (checked on the captured response). */
  expect?: RegExp;
  request?: (d: DatasetInfo, s: Session) => RequestSpec;
  budgets?: Budget[];
  /** Not measurable: why. */
  pending?: string;
  /** The statuses a correct answer has; anything else but 503 is a failure (503 is counted as shed). */
  okStatus: number[];
}

let counter = 0;
const commentBody = (csrf: string) => () =>
  new URLSearchParams({ csrf, body: `Бенчмарк пікірі / комментарий ${++counter} ${process.pid}`, blockId: "", idempotencyKey: `bench-${process.pid}-${Date.now()}-${counter}` }).toString();
const n = (x: number) => x.toLocaleString("en");
/** A fresh render: the page cache for anonymous readers answers this by rendering (the lead's front honours it). */
const fresh = { "Cache-Control": "no-cache" };
const searchPaths = (d: DatasetInfo) => d.searchQueries.map((q) => `/api/v1/search?${new URLSearchParams({ q })}`);
const draftName = (d: DatasetInfo) => `draft, ${n(d.size.articles)} articles, ${n(d.annotations)} annotations`;
const threadPath = (d: DatasetInfo) => `/en/consultations/${d.mainSlug}/comments?block=${d.hotBlockId}`;
const reportComments = (d: DatasetInfo) => n(d.size.comments - d.size.otherConsultations * 100);
// Saved runs from before the lot specification have no `lot` (only --render reads them).
const lotPath = (d: DatasetInfo) => (d.lot ? `/en/consultations/${d.lot.slug}/lots/${d.lot.hotCode}` : "/en/consultations/(no lot in this data set)");
const lotName = (d: DatasetInfo) =>
  d.lot ? `lot page ${d.lot.hotCode} (${n(d.lot.hotComments)} of the ${n(d.lot.comments)} comments on ${d.lot.lots} lots; ${n(d.lot.annotations)} annotations, ${n(d.lot.feedback)} structured answers in all)` : "lot page";

export const scenarios: Scenario[] = [
  {
    key: "healthz",
    name: "GET /healthz",
    request: () => ({ method: "GET", path: "/healthz" }),
    budgets: [{ connections: 10, engines: ["pglite", "postgres"], minFloorShare: 20, text: "≥ 20 % of floor at 10 conn." }],
    okStatus: [200],
  },
  {
    key: "list",
    name: "consultation list",
    payload: true,
    request: () => ({ method: "GET", path: "/en/consultations" }),
    budgets: [
      { connections: 10, engines: ["pglite", "postgres"], minFloorShare: 15, text: "≥ 15 % of floor at 10 conn." },
      { connections: 10, minRps: 500, text: "≥ 500 req/s at 10 conn." },
    ],
    okStatus: [200],
  },
  {
    key: "draft",
    name: (d) => `${draftName(d)}: fresh render`,
    payload: true,
    request: (d) => ({ method: "GET", path: `/en/consultations/${d.mainSlug}`, headers: fresh }),
    expect: /<mark[^>]*data-annotation-id/,
    budgets: [{ connections: 10, maxP95Ms: 150, text: "p95 ≤ 150 ms at 10 conn." }],
    okStatus: [200],
  },
  {
    key: "draft-repeat",
    name: (d) => `${draftName(d)}: anonymous repeat`,
    payload: true,
    request: (d) => ({ method: "GET", path: `/en/consultations/${d.mainSlug}` }),
    expect: /<mark[^>]*data-annotation-id/,
    budgets: [{ connections: 10, minFloorShare: 30, text: "≥ 30 % of floor at 10 conn." }],
    okStatus: [200],
  },
  {
    key: "draft-signed-in",
    name: (d) => `${draftName(d)}: signed in`,
    payload: true,
    request: (d, s) => ({ method: "GET", path: `/en/consultations/${d.mainSlug}`, headers: { Cookie: s.cookie } }),
    // The signed-in page has the sign-out form: the session cookie was honoured.
    expect: /action="\/en\/logout"/,
    okStatus: [200],
  },
  {
    key: "thread",
    name: (d) => `thread of one article (${n(d.size.hotComments)} comments), first page: fresh`,
    payload: true,
    request: (d) => ({ method: "GET", path: threadPath(d), headers: fresh }),
    budgets: [{ connections: 10, maxP95Ms: 50, text: "p95 ≤ 50 ms at 10 conn." }],
    okStatus: [200],
  },
  {
    key: "thread-repeat",
    name: (d) => `thread of one article (${n(d.size.hotComments)} comments), first page: anonymous repeat`,
    payload: true,
    request: (d) => ({ method: "GET", path: threadPath(d) }),
    okStatus: [200],
  },
  {
    key: "report",
    name: (d) => `report page (${reportComments(d)} comments, ${n(d.size.answers)} answers): fresh`,
    payload: true,
    request: (d) => ({ method: "GET", path: `/en/consultations/${d.mainSlug}/report`, headers: fresh }),
    budgets: [{ connections: 50, maxP95Ms: 100, text: "p95 ≤ 100 ms at 50 conn." }],
    okStatus: [200],
  },
  {
    key: "report-repeat",
    name: (d) => `report page (${reportComments(d)} comments): anonymous repeat`,
    payload: true,
    request: (d) => ({ method: "GET", path: `/en/consultations/${d.mainSlug}/report` }),
    okStatus: [200],
  },
  {
    key: "lot",
    name: (d) => `${lotName(d)}: fresh`,
    payload: true,
    request: (d) => ({ method: "GET", path: lotPath(d), headers: fresh }),
    // The anchors' annotations are highlighted on the lot page as on the draft.
    expect: /<mark[^>]*data-annotation-id/,
    okStatus: [200],
  },
  {
    key: "lot-repeat",
    name: (d) => `${lotName(d)}: anonymous repeat`,
    payload: true,
    request: (d) => ({ method: "GET", path: lotPath(d) }),
    expect: /<mark[^>]*data-annotation-id/,
    okStatus: [200],
  },
  {
    key: "search",
    name: (d) => `search API, ${d.searchQueries.length} queries in turn (${n(d.searchDocuments)} documents): fresh`,
    payload: true,
    request: (d) => ({ method: "GET", path: searchPaths(d)[0], paths: searchPaths(d), headers: fresh }),
    budgets: [
      { connections: 10, maxP95Ms: 50, text: "p95 ≤ 50 ms at 10 conn." },
      { connections: 50, text: "0 failures at 50 conn." },
    ],
    okStatus: [200],
  },
  {
    key: "search-repeat",
    name: (d) => `search API, ${d.searchQueries.length} queries in turn: repeat`,
    request: (d) => ({ method: "GET", path: searchPaths(d)[0], paths: searchPaths(d) }),
    okStatus: [200],
  },
  {
    // Last of the load scenarios: its comments change the main consultation under the others.
    key: "comment",
    name: "comment POST (signed in, CSRF, new idempotency key each)",
    request: (d, s) => ({ method: "POST", path: `/en/consultations/${d.mainSlug}?index`, body: commentBody(s.csrf), headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: s.cookie } }),
    budgets: [{ connections: 10, minRps: 400, text: "≥ 400 req/s at 10 conn." }],
    okStatus: [303],
  },
  {
    key: "report-csv",
    kind: "download",
    name: (d) => `report CSV, ${n(d.csvComments)} rows (whole download)`,
    request: (d) => ({ method: "GET", path: `/api/v1/consultations/${d.csvSlug}/report.csv?lang=ru` }),
    budgets: [{ connections: 1, maxSeconds: 5, maxRssMb: 400, text: "≤ 5 s, server < 400 MB (for 100,000 rows)" }],
    okStatus: [200],
  },
];

export const scenarioName = (scenario: Scenario, info: DatasetInfo | undefined) => (typeof scenario.name === "function" ? (info ? scenario.name(info) : scenario.key) : scenario.name);
