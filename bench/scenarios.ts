/**
 * What `npm run bench` measures. Each scenario names the app's URL and the floor's URL for the
 * same work, and optionally a budget. A "load" scenario is measured with autocannon at each
 * connection level; a "download" scenario (the report CSV) is fetched whole, one at a time, for
 * its time and the server's peak memory while it streams. A scenario with `pending` is listed
 * without figures (a hook for a feature still being built).
 */
import type { DatasetInfo } from "./dataset";

export interface RequestSpec {
  method: "GET" | "POST";
  path: string;
  /** A fresh body for every request (comment posts need a new idempotency key each time). */
  body?: () => string;
  headers?: Record<string, string>;
  /** When set, requests go to these paths in turn (search: a mix of queries) instead of `path`. */
  paths?: string[];
}

export interface Budget {
  connections: number;
  p95Ms?: number;
  minRps?: number;
  /** Download scenarios: the whole response within this time, the server under this RSS. */
  maxSeconds?: number;
  maxRssMb?: number;
  /** Only on this engine (the comment POST budget is PostgreSQL's). */
  engine?: "pglite" | "postgres";
  text: string;
}

export interface Session {
  cookie: string;
  csrf: string;
}

export interface Scenario {
  key: string;
  name: string | ((d: DatasetInfo) => string);
  kind?: "load" | "download";
  /** The app's response must match this (checked once before measuring: the page shows what it should). */
  expect?: RegExp;
  app?: (d: DatasetInfo, s: Session) => RequestSpec;
  floor?: (d: DatasetInfo) => RequestSpec;
  budget?: Budget;
  /** Not measurable yet: why. */
  pending?: string;
  /** The app's expected status (to count failures). */
  okStatus: number[];
}

let counter = 0;
const commentBody = (extra: Record<string, string>) => () =>
  new URLSearchParams({ ...extra, body: `Бенчмарк пікірі / комментарий ${++counter} ${process.pid}`, blockId: "", idempotencyKey: `bench-${process.pid}-${Date.now()}-${counter}` }).toString();
const form = { "Content-Type": "application/x-www-form-urlencoded" };
const n = (x: number) => x.toLocaleString("en");
const searchPaths = (prefix: string, d: DatasetInfo) => d.searchQueries.map((q) => `${prefix}?${new URLSearchParams({ q })}`);

export const scenarios: Scenario[] = [
  {
    key: "list",
    name: "consultation list",
    app: () => ({ method: "GET", path: "/en/consultations" }),
    floor: () => ({ method: "GET", path: "/list" }),
    okStatus: [200],
  },
  {
    key: "draft",
    // The draft page is the page with annotations: they are part of the main consultation's comments.
    name: (d) => `full draft page with annotations (300 articles, ${n(d.annotations)} annotations)`,
    app: (d) => ({ method: "GET", path: `/en/consultations/${d.mainSlug}` }),
    expect: /<mark[^>]*data-annotation-id/,
    floor: (d) => ({ method: "GET", path: `/draft/${d.mainSlug}` }),
    budget: { connections: 10, p95Ms: 150, text: "p95 ≤ 150 ms at 10 conn." },
    okStatus: [200],
  },
  {
    key: "thread",
    name: "one article's thread, first page (the article with most comments)",
    app: (d) => ({ method: "GET", path: `/en/consultations/${d.mainSlug}/comments?block=${d.hotBlockId}` }),
    floor: (d) => ({ method: "GET", path: `/thread/${d.mainSlug}?block=${d.hotBlockId}` }),
    budget: { connections: 10, p95Ms: 50, text: "p95 ≤ 50 ms at 10 conn." },
    okStatus: [200],
  },
  {
    key: "comment",
    name: "comment POST",
    app: (d, s) => ({ method: "POST", path: `/en/consultations/${d.mainSlug}?index`, body: commentBody({ csrf: s.csrf }), headers: { ...form, Cookie: s.cookie } }),
    floor: (d) => ({ method: "POST", path: `/comment/${d.mainSlug}`, body: commentBody({}), headers: form }),
    budget: { connections: 10, minRps: 200, engine: "postgres", text: "≥ 200 req/s on PostgreSQL at 10 conn." },
    okStatus: [303],
  },
  {
    key: "report",
    name: (d) => `report page (${n(d.size.comments - d.size.otherConsultations * 100)} comments, ${n(d.size.answers)} answers)`,
    app: (d) => ({ method: "GET", path: `/en/consultations/${d.mainSlug}/report` }),
    floor: (d) => ({ method: "GET", path: `/report/${d.mainSlug}` }),
    okStatus: [200],
  },
  {
    key: "report-csv",
    kind: "download",
    name: (d) => `report CSV, ${n(d.csvComments)} rows (time, server peak RSS)`,
    app: (d) => ({ method: "GET", path: `/api/v1/consultations/${d.csvSlug}/report.csv?lang=ru` }),
    floor: (d) => ({ method: "GET", path: `/report-csv/${d.csvSlug}?lang=ru` }),
    budget: { connections: 1, maxSeconds: 10, maxRssMb: 400, text: "≤ 10 s, server < 400 MB (for 100,000 rows)" },
    okStatus: [200],
  },
  {
    key: "search",
    name: (d) => `search API, ${d.searchQueries.length} queries in turn (${n(d.searchDocuments)} documents)`,
    app: (d) => ({ method: "GET", path: "/api/v1/search?q=grant", paths: searchPaths("/api/v1/search", d) }),
    floor: (d) => ({ method: "GET", path: "/search?q=grant", paths: searchPaths("/search", d) }),
    budget: { connections: 10, p95Ms: 50, text: "p95 ≤ 50 ms at 10 conn. (on 100,000 submissions)" },
    okStatus: [200],
  },
];
