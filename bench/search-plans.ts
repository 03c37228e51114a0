/**
 * npm run bench:search-plans — the query plans of search (ADR 0067). For each query of the search
 * benchmark's mix (and a few orders and pages of a common word), runs the PostgreSQL adapter,
 * records every statement it issues, and runs EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) of each with
 * the same parameters; writes bench/results/search-plans.md.
 *
 * As a script: PGlite in memory, or a scratch database on BENCH_DATABASE_URL (created, dropped),
 * filled with BENCH_DOCS (150,000) documents of bench/search-corpus.ts; or BENCH_PLANS_DATABASE_URL:
 * a database that already holds an index (e.g. one kept by `BENCH_KEEP_DB=1 npm run bench:search`).
 * As a function: `writeSearchPlans(db, engine)` on any database whose search index is built.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { CompiledQuery, sql, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from "kysely";
import { migrateToLatest, openPostgres, type DatabaseHandle, type Db, type Engine } from "~db/database.server";
import { COUNT_CAP, PostgresSearchIndex } from "~/modules/search/postgres-index.server";
import type { SearchQuery } from "~/modules/search/search.schema";
import { scratchDatabase } from "./scratch-db";
import { corpus, mix } from "./search-corpus";

export interface PlannedQuery {
  name: string;
  query: Omit<SearchQuery, "limit" | "offset"> & { limit?: number; offset?: number };
}

/** The benchmark's mix (one query of each kind), and a common word by date, by support and on a later page. */
export function planQueries(): PlannedQuery[] {
  return [
    ...mix.map((m) => ({ name: m.name, query: m.make() })),
    { name: "common word by date", query: { q: "грант", sort: "date" as const } },
    { name: "common word by support", query: { q: "грант", sort: "support" as const } },
    { name: "common word, page 6", query: { q: "грант", offset: 100 } },
    { name: "rare word", query: { q: "мониторинг", consultation: "consultation-7" } },
  ];
}

/** Records the SQL and parameters of every statement run through it. */
class Recorder implements KyselyPlugin {
  statements: CompiledQuery[] = [];
  constructor(private readonly compile: (node: RootOperationNode, queryId: PluginTransformQueryArgs["queryId"]) => CompiledQuery) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.statements.push(this.compile(args.node, args.queryId));
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

function literal(value: unknown): string {
  if (value instanceof Date) return `'${value.toISOString()}'`;
  if (Array.isArray(value)) return `{${value.map((v) => JSON.stringify(String(v))).join(",")}}`;
  return JSON.stringify(value);
}

/** Explains every statement the adapter issues for each query; returns the Markdown. */
export async function searchPlans(db: Db, engine: Engine, queries: PlannedQuery[] = planQueries()): Promise<string> {
  const executor = db.getExecutor();
  const recorder = new Recorder((node, queryId) => executor.compileQuery(node, queryId));
  const index = new PostgresSearchIndex(db.withPlugin(recorder));
  const documents = await index.count();
  const out: string[] = [
    `# Search query plans (${engine})`,
    "",
    `${documents} documents; written by \`npm run bench:search-plans\` (bench/search-plans.ts) at ${new Date().toISOString()}.`,
    `Each query is run once through the PostgreSQL adapter; every statement it issued is then explained with its own parameters.`,
    `Counts and facets are exact up to ${COUNT_CAP} matches (ADR 0067).`,
    "",
  ];
  for (const { name, query } of queries) {
    const full: SearchQuery = { limit: 20, offset: 0, ...query };
    await index.search(full); // warm
    recorder.statements = [];
    const started = performance.now();
    const result = await index.search(full);
    const ms = performance.now() - started;
    const statements = recorder.statements;
    out.push(`## ${name}`, "", "```json", JSON.stringify(full), "```", "");
    out.push(`${result.hits.length} hits, total ${result.total}${result.totalExact ? " (exact)" : " (estimate)"}; ${statements.length} statements, ${ms.toFixed(1)} ms in all.`, "");
    for (const [i, statement] of statements.entries()) {
      out.push(`### Statement ${i + 1}`, "", "```sql", statement.sql.replace(/\n\s*\n/g, "\n").trim(), "```", "");
      if (statement.parameters.length) out.push(`Parameters: ${statement.parameters.map((p, n) => `$${n + 1} = ${literal(p)}`).join(", ")}`, "");
      if (/^\s*explain\b/i.test(statement.sql)) {
        out.push("(The planner's estimate of the matches: planning only, nothing is read.)", "");
        continue;
      }
      // The corrections statement uses the threshold its transaction sets; so does its plan.
      const plan = await db.transaction().execute(async (trx) => {
        await sql`select set_config('pg_trgm.similarity_threshold', '0.25', true)`.execute(trx);
        return trx.executeQuery(CompiledQuery.raw(`explain (analyze, buffers, format text) ${statement.sql}`, [...statement.parameters]));
      });
      const lines = (plan.rows as Record<string, string>[]).map((r) => r["QUERY PLAN"] ?? Object.values(r)[0]);
      out.push("```", ...lines, "```", "");
    }
  }
  return out.join("\n");
}

/** Writes the plans to bench/results/search-plans.md (or `file`); returns the path. */
export async function writeSearchPlans(db: Db, engine: Engine, file = path.resolve(import.meta.dirname, "results", "search-plans.md")): Promise<string> {
  const markdown = await searchPlans(db, engine);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, markdown + "\n");
  return file;
}

async function main() {
  const existing = process.env.BENCH_PLANS_DATABASE_URL;
  let handle: DatabaseHandle;
  let drop: (() => Promise<void>) | undefined;
  if (existing) {
    handle = openPostgres(existing);
  } else {
    ({ handle, drop } = await scratchDatabase({ prefix: "kenes_plans" }));
    await migrateToLatest(handle.db);
    const docs = corpus(Number(process.env.BENCH_DOCS ?? 150_000));
    const index = new PostgresSearchIndex(handle.db);
    process.stderr.write(`[plans] indexing ${docs.length} documents on ${handle.engine}…\n`);
    for (let i = 0; i < docs.length; i += 1000) await index.index(docs.slice(i, i + 1000));
    await sql`analyze search_documents`.execute(handle.db);
  }
  try {
    const file = await writeSearchPlans(handle.db, handle.engine);
    console.log(`Written to ${path.relative(process.cwd(), file)}`);
  } finally {
    await handle.close();
    await drop?.();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
