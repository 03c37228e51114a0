// Frozen once landed: never import app code here, never edit; add a new migration instead.
import { sql, type Kysely } from "kysely";

const statements = [
  sql`create table organizations (
    id uuid primary key default gen_random_uuid(),
    slug text not null unique,
    kind text not null check (kind in ('government_body', 'ngo', 'other')),
    name jsonb not null,
    bin text unique check (bin ~ '^[0-9]{12}$'),
    created_at timestamptz not null default now()
  )`,
  sql`create table users (
    id uuid primary key default gen_random_uuid(),
    email text not null,
    password_hash text not null,
    name text not null,
    role text not null check (role in ('citizen', 'ngo_representative', 'staff', 'moderator', 'mp', 'admin')),
    organization_id uuid references organizations (id),
    locale text check (locale in ('kk', 'ru', 'en')),
    created_at timestamptz not null default now(),
    disabled_at timestamptz
  )`,
  sql`create unique index users_email_key on users (lower(email))`,
  sql`create table sessions (
    id text primary key,
    user_id uuid not null references users (id) on delete cascade,
    created_at timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    expires_at timestamptz not null,
    revoked_at timestamptz
  )`,
  sql`create index sessions_user on sessions (user_id)`,
  sql`create table consultations (
    id uuid primary key default gen_random_uuid(),
    slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,98}[a-z0-9]$'),
    type text not null check (type in ('grant_rules', 'lot_specification', 'regulation')),
    organization_id uuid not null references organizations (id),
    title jsonb not null,
    summary jsonb not null,
    explanatory_note jsonb not null,
    opens_at timestamptz not null,
    closes_at timestamptz not null,
    short_period_justification jsonb,
    published_at timestamptz,
    report_published_at timestamptz,
    created_by uuid references users (id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (closes_at > opens_at)
  )`,
  sql`create index consultations_org on consultations (organization_id)`,
  sql`create index consultations_period on consultations (opens_at, closes_at)`,
  sql`create table document_versions (
    id uuid primary key default gen_random_uuid(),
    consultation_id uuid not null references consultations (id) on delete cascade,
    number integer not null check (number > 0),
    note jsonb,
    created_by uuid references users (id),
    created_at timestamptz not null default now(),
    published_at timestamptz,
    unique (consultation_id, number)
  )`,
  sql`create table blocks (
    id uuid primary key default gen_random_uuid(),
    version_id uuid not null references document_versions (id) on delete cascade,
    position integer not null,
    lineage_key text not null,
    kind text not null check (kind in ('section', 'article', 'paragraph', 'list_item')),
    label jsonb,
    text jsonb not null,
    content jsonb,
    unique (version_id, position),
    unique (version_id, lineage_key)
  )`,
  sql`create table comments (
    id uuid primary key default gen_random_uuid(),
    consultation_id uuid not null references consultations (id),
    version_id uuid not null references document_versions (id),
    block_id uuid references blocks (id),
    author_id uuid not null references users (id),
    organization_id uuid references organizations (id),
    body text not null,
    lang text not null check (lang in ('kk', 'ru', 'en')),
    status text not null default 'visible' check (status in ('visible', 'hidden', 'withdrawn')),
    status_reason text,
    status_changed_at timestamptz,
    status_changed_by uuid references users (id),
    idempotency_key text not null,
    -- millisecond precision: keyset cursors round-trip through JavaScript dates exactly
    created_at timestamptz(3) not null default now(),
    edited_at timestamptz,
    unique (author_id, idempotency_key)
  )`,
  sql`create index comments_consultation_created on comments (consultation_id, created_at, id)`,
  sql`create index comments_block on comments (block_id, created_at)`,
  sql`create index comments_author on comments (author_id, created_at)`,
  sql`create table comment_revisions (
    id uuid primary key default gen_random_uuid(),
    comment_id uuid not null references comments (id),
    body text not null,
    written_at timestamptz not null,
    replaced_at timestamptz not null default now()
  )`,
  sql`create index comment_revisions_comment on comment_revisions (comment_id, replaced_at)`,
  sql`create table outbox (
    id bigserial primary key,
    topic text not null,
    payload jsonb not null,
    created_at timestamptz not null default now(),
    available_at timestamptz not null default now(),
    attempts integer not null default 0,
    locked_until timestamptz,
    processed_at timestamptz,
    last_error text
  )`,
  sql`create index outbox_pending on outbox (topic, available_at) where processed_at is null`,
  sql`create table audit_log (
    id bigserial primary key,
    at timestamptz not null default now(),
    actor_id uuid,
    action text not null,
    subject text,
    data jsonb not null default '{}'::jsonb,
    prev_hash text,
    hash text not null
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["audit_log", "outbox", "comment_revisions", "comments", "blocks", "document_versions", "consultations", "sessions", "users", "organizations"]) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
}
