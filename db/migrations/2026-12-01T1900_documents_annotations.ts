// Frozen once landed: never import app code here, never edit; add a new migration instead.
// Rich documents (Lexical), annotations with W3C selectors, replies, support, version mapping,
// per-version anchors (re-anchoring), editor autosave and attachments.
import { sql, type Kysely } from "kysely";

const statements = [
  // An annotation is a comment with a selector on its block's plain text (UTF-16 offsets).
  sql`alter table comments add column parent_id uuid references comments (id)`,
  sql`alter table comments add column anchor_lang text check (anchor_lang in ('kk', 'ru', 'en'))`,
  sql`alter table comments add column anchor_start integer`,
  sql`alter table comments add column anchor_end integer`,
  sql`alter table comments add column anchor_exact text`,
  sql`alter table comments add column anchor_prefix text`,
  sql`alter table comments add column anchor_suffix text`,
  sql`alter table comments add constraint comments_anchor_complete check (
    (anchor_exact is null and anchor_start is null and anchor_end is null and anchor_lang is null)
    or (anchor_exact is not null and anchor_start is not null and anchor_end is not null and anchor_lang is not null
        and block_id is not null and anchor_start >= 0 and anchor_end > anchor_start))`,
  sql`create index comments_parent on comments (parent_id, created_at) where parent_id is not null`,

  sql`create table comment_supports (
    comment_id uuid not null references comments (id),
    user_id uuid not null references users (id),
    created_at timestamptz not null default now(),
    primary key (comment_id, user_id)
  )`,

  // How each block of a version relates to the version before it (by lineage key).
  sql`create table block_changes (
    version_id uuid not null references document_versions (id) on delete cascade,
    lineage_key text not null,
    block_id uuid references blocks (id) on delete cascade,
    previous_block_id uuid references blocks (id) on delete cascade,
    change text not null check (change in ('unchanged', 'changed', 'added', 'removed')),
    primary key (version_id, lineage_key)
  )`,

  // Where a comment on a block sits in each version: its own ('original'), carried over
  // ('exact', 'fuzzy', 'block' for a comment without a quote), or 'orphaned' (block_id null).
  sql`create table comment_anchors (
    comment_id uuid not null references comments (id),
    version_id uuid not null references document_versions (id) on delete cascade,
    block_id uuid references blocks (id) on delete cascade,
    status text not null check (status in ('original', 'exact', 'fuzzy', 'block', 'orphaned')),
    anchor_start integer,
    anchor_end integer,
    anchor_exact text,
    primary key (comment_id, version_id)
  )`,
  sql`create index comment_anchors_version on comment_anchors (version_id, block_id)`,

  // The editor's autosave: Lexical JSON per language, until staff turn it into a draft version.
  sql`create table document_drafts (
    consultation_id uuid not null references consultations (id) on delete cascade,
    lang text not null check (lang in ('kk', 'ru', 'en')),
    content jsonb not null,
    revision integer not null default 1,
    updated_by uuid references users (id),
    updated_at timestamptz not null default now(),
    primary key (consultation_id, lang)
  )`,

  sql`create table attachments (
    id uuid primary key default gen_random_uuid(),
    consultation_id uuid not null references consultations (id) on delete cascade,
    version_id uuid references document_versions (id) on delete cascade,
    kind text not null check (kind in ('explanatory_memorandum', 'comparative_table', 'regulatory_impact', 'other')),
    file_name text not null,
    content_type text not null,
    size_bytes integer not null check (size_bytes > 0),
    sha256 text not null,
    storage_key text not null unique,
    uploaded_by uuid references users (id),
    created_at timestamptz not null default now()
  )`,
  sql`create index attachments_consultation on attachments (consultation_id, created_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["attachments", "document_drafts", "comment_anchors", "block_changes", "comment_supports"]) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
  await sql`alter table comments drop constraint if exists comments_anchor_complete`.execute(db);
  for (const column of ["anchor_suffix", "anchor_prefix", "anchor_exact", "anchor_end", "anchor_start", "anchor_lang", "parent_id"]) {
    await sql`alter table comments drop column if exists ${sql.ref(column)}`.execute(db);
  }
}
