// Frozen once landed: never import app code here, never edit; add a new migration instead.
//
// Search within a budget (ADR 0067). The adapter reads at most 1,001 matches of a query (through
// the GIN indexes, or a scan that stops there) and walks an order's index for the page when
// there are more:
// - by support: an index in the order of the page, so the walk stops at the page's end;
// - the GIN indexes keep a small pending list (256 kB instead of 4 MB): every query reads the
//   unsorted pending list whole (about 500 pages at 4 MB, 4 ms of a query that otherwise takes
//   0.1 ms) until a vacuum merges it, which PGlite never runs. Writing straight into the index
//   (fastupdate off) made a rebuild of 150,000 documents about 3 times slower; a small list keeps
//   writes batched and bounds what a query reads. The pending lists are merged now;
// - statistics, so the planner knows common words from rare ones (PGlite has no autovacuum; a
//   full rebuild analyzes again).
import { sql, type Kysely } from "kysely";

const gin = ["search_documents_simple", "search_documents_russian", "search_documents_english", "search_terms_trgm"];

const statements = [
  sql`create index search_documents_support on search_documents (support desc, date desc, id)`,
  ...gin.map((name) => sql`alter index ${sql.table(name)} set (gin_pending_list_limit = 256)`),
  ...gin.map((name) => sql`select gin_clean_pending_list(${name}::regclass)`),
  sql`analyze search_documents`,
  sql`analyze search_terms`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists search_documents_support`.execute(db);
  for (const name of gin) await sql`alter index ${sql.table(name)} reset (gin_pending_list_limit)`.execute(db);
}
