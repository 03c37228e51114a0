// Frozen once landed. The draft page ranks each block's top-level comments of one version (the
// latest few are shown, all are counted, annotations highlighted): an index in that order lets
// it read the version's comments without scanning the whole table, which also holds every other
// consultation's comments.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index comments_version_block_latest on comments (version_id, block_id, created_at desc, id desc) where parent_id is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists comments_version_block_latest`.execute(db);
}
