/**
 * What `npm run bench` measures. Each scenario names the app's URL and the floor's URL for the
 * same work, and optionally a budget. Features still being built (reports, CSV, search,
 * annotations, answers) are listed as pending hooks: give them paths (and floor handlers in
 * floor-server.tsx) when they land, and their rows appear in the table.
 */
import type { DatasetInfo } from "./dataset";

export interface RequestSpec {
  method: "GET" | "POST";
  path: string;
  /** A fresh body for every request (comment posts need a new idempotency key each time). */
  body?: () => string;
  headers?: Record<string, string>;
}

export interface Budget {
  connections: number;
  p95Ms?: number;
  minRps?: number;
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
  name: string;
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
    name: "full draft page (300 articles)",
    app: (d) => ({ method: "GET", path: `/en/consultations/${d.mainSlug}` }),
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
  // Hooks for the features other branches are building.
  { key: "annotations", name: "draft with annotations", pending: "annotations (issue: annotations branch)", okStatus: [200] },
  { key: "report", name: "report page", pending: "reports (answers/reports branch)", okStatus: [200] },
  { key: "report-csv", name: "report CSV, 100,000 rows (time, server memory)", pending: "reports (answers/reports branch); budget ≤ 10 s, server < 400 MB", okStatus: [200] },
  { key: "search", name: "search, 100,000 submissions", pending: "search (search branch); budget p95 ≤ 50 ms", okStatus: [200] },
];
