// Frozen once landed: never import app code here, never edit; add a new migration instead.
//
// Search within a budget (ADR 0067). The adapter reads at most 1,001 matches of a query (through
// the GIN indexes, or a scan that stops there) and walks an order's index for the page when
// there are more:
// - by support: an index in the order of the page, so the walk stops at the page's end;
// - the GIN indexes write straight into the index (no pending list): with the default
//   fastupdate every query also read the unsorted pending list (up to 4 MB per index, about 500
//   pages) until a vacuum merged it, which PGlite never runs. The pending lists are merged now;
// - statistics, so the planner knows common words from rare ones (PGlite has no autovacuum; a
//   full rebuild analyzes again).
import { sql, type Kysely } from "kysely";

const gin = ["search_documents_simple", "search_documents_russian", "search_documents_english", "search_terms_trgm"];

const statements = [
  sql`create index search_documents_support on search_documents (support desc, date desc, id)`,
  ...gin.map((name) => sql`alter index ${sql.table(name)} set (fastupdate = off)`),
  ...gin.map((name) => sql`select gin_clean_pending_list(${name}::regclass)`),
  sql`analyze search_documents`,
  sql`analyze search_terms`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists search_documents_support`.execute(db);
  for (const name of gin) await sql`alter index ${sql.table(name)} reset (fastupdate)`.execute(db);
}
