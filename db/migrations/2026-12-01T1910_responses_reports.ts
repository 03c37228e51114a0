// Frozen once landed: never import app code here, never edit; add a new migration instead.
// Official answers to comments, moderation flags, answer templates and immutable report revisions.
import { sql, type Kysely } from "kysely";

const statements = [
  // Asked at posting time: show me as "Participant N" in exports (CSV, JSON, PDF).
  sql`alter table comments add column pseudonymous boolean not null default false`,
  // One answer per comment (annotations and replies are comments too). The draft columns are
  // what staff edit; the published_* columns are what the public sees, so editing a published
  // answer never changes it silently: it changes when staff publish again.
  sql`create table comment_responses (
    comment_id uuid primary key references comments (id),
    consultation_id uuid not null references consultations (id),
    status text not null check (status in ('accepted', 'partially_accepted', 'not_accepted', 'noted')),
    justification jsonb not null default '{}'::jsonb,
    group_key uuid,
    responded_by uuid not null references users (id),
    responded_at timestamptz not null default now(),
    published_status text check (published_status in ('accepted', 'partially_accepted', 'not_accepted', 'noted')),
    published_justification jsonb,
    published_by uuid references users (id),
    published_at timestamptz,
    first_published_at timestamptz
  )`,
  sql`create index comment_responses_consultation on comment_responses (consultation_id)`,
  sql`create table response_templates (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organizations (id),
    title text not null,
    status text not null check (status in ('accepted', 'partially_accepted', 'not_accepted', 'noted')),
    justification jsonb not null,
    created_by uuid references users (id),
    created_at timestamptz not null default now(),
    archived_at timestamptz
  )`,
  sql`create index response_templates_org on response_templates (organization_id)`,
  sql`create table comment_flags (
    id uuid primary key default gen_random_uuid(),
    comment_id uuid not null references comments (id),
    flagged_by uuid not null references users (id),
    reason text not null,
    created_at timestamptz not null default now(),
    resolved_at timestamptz,
    resolved_by uuid references users (id),
    resolution text check (resolution in ('hidden', 'dismissed'))
  )`,
  sql`create unique index comment_flags_open on comment_flags (comment_id, flagged_by) where resolved_at is null`,
  sql`create index comment_flags_pending on comment_flags (created_at) where resolved_at is null`,
  // A change in a later version that staff attribute to a comment (shown both ways in the report).
  sql`create table comment_change_links (
    id uuid primary key default gen_random_uuid(),
    comment_id uuid not null references comments (id),
    consultation_id uuid not null references consultations (id),
    block_key text not null,
    created_by uuid references users (id),
    created_at timestamptz not null default now(),
    unique (comment_id, block_key)
  )`,
  sql`create table report_revisions (
    id uuid primary key default gen_random_uuid(),
    consultation_id uuid not null references consultations (id),
    revision integer not null check (revision > 0),
    change_log jsonb,
    snapshot jsonb not null,
    published_by uuid references users (id),
    published_at timestamptz not null default now(),
    unique (consultation_id, revision)
  )`,
  // A published report is evidence: the database itself refuses to change or remove a revision.
  sql`create function report_revisions_immutable() returns trigger language plpgsql as $$
    begin
      raise exception 'a published report revision cannot be changed' using errcode = 'P0001';
    end
  $$`,
  sql`create trigger report_revisions_no_change before update or delete on report_revisions
    for each row execute function report_revisions_immutable()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["report_revisions", "comment_change_links", "comment_flags", "response_templates", "comment_responses"]) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
  await sql`drop function if exists report_revisions_immutable()`.execute(db);
  await sql`alter table comments drop column if exists pseudonymous`.execute(db);
}
