// Frozen once landed: never import app code here, never edit; add a new migration instead.
import { sql, type Kysely } from "kysely";

const statements = [
  // Lot fields, indicators and budget lines get anchor blocks in the consultation's version, so the
  // comment machinery (threads, moderation, API) works on them unchanged (ADR 0040).
  sql`alter table blocks drop constraint if exists blocks_kind_check`,
  sql`alter table blocks add constraint blocks_kind_check check (kind in ('section', 'article', 'paragraph', 'list_item', 'lot_field', 'indicator', 'budget_line'))`,
  sql`create table lots (
    id uuid primary key default gen_random_uuid(),
    consultation_id uuid not null references consultations (id) on delete cascade,
    position integer not null check (position > 0),
    code text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9-]{0,31}$'),
    title jsonb not null,
    problem jsonb not null,
    target_group jsonb not null,
    regions jsonb not null default '[]'::jsonb,
    duration_months integer not null check (duration_months between 1 and 60),
    grant_type text not null check (grant_type in ('short_term', 'medium_term', 'long_term')),
    amount_kzt bigint not null check (amount_kzt > 0),
    funding_year integer not null check (funding_year between 2000 and 2100),
    terms_of_reference jsonb not null,
    eligibility jsonb not null,
    created_by uuid references users (id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (consultation_id, code),
    unique (consultation_id, position)
  )`,
  sql`create table lot_indicators (
    id uuid primary key default gen_random_uuid(),
    lot_id uuid not null references lots (id) on delete cascade,
    position integer not null check (position > 0),
    text jsonb not null,
    target_value numeric not null check (target_value >= 0),
    unit jsonb not null,
    unique (lot_id, position)
  )`,
  sql`create table lot_budget_lines (
    id uuid primary key default gen_random_uuid(),
    lot_id uuid not null references lots (id) on delete cascade,
    position integer not null check (position > 0),
    item jsonb not null,
    unit jsonb not null,
    quantity numeric not null check (quantity > 0),
    unit_cost_kzt bigint not null check (unit_cost_kzt >= 0),
    total_kzt bigint not null check (total_kzt >= 0),
    unique (lot_id, position)
  )`,
  // One answer per organisation (or per person without one) per lot; no cascade: feedback is evidence.
  sql`create table lot_feedback (
    id uuid primary key default gen_random_uuid(),
    lot_id uuid not null references lots (id),
    respondent_key text not null,
    organization_id uuid references organizations (id),
    author_id uuid not null references users (id),
    funding text not null check (funding in ('adequate', 'insufficient', 'excessive')),
    proposed_amount_kzt bigint check (proposed_amount_kzt > 0),
    duration text check (duration in ('adequate', 'too_short', 'too_long')),
    would_apply text check (would_apply in ('yes', 'no', 'unsure')),
    indicator_feasibility jsonb not null default '{}'::jsonb,
    note text,
    revision integer not null default 1,
    created_at timestamptz(3) not null default now(),
    updated_at timestamptz(3) not null default now(),
    unique (lot_id, respondent_key)
  )`,
  sql`create table lot_feedback_revisions (
    id uuid primary key default gen_random_uuid(),
    feedback_id uuid not null references lot_feedback (id),
    revision integer not null,
    author_id uuid not null references users (id),
    data jsonb not null,
    written_at timestamptz(3) not null,
    replaced_at timestamptz(3) not null default now(),
    unique (feedback_id, revision)
  )`,
  sql`create table plan_items (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organizations (id),
    year integer not null check (year between 2000 and 2100),
    quarter integer not null check (quarter between 1 and 4),
    kind text not null check (kind in ('act', 'lot')),
    consultation_type text not null check (consultation_type in ('grant_rules', 'lot_specification', 'regulation')),
    title jsonb not null,
    consultation_id uuid references consultations (id),
    created_by uuid references users (id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  sql`create index plan_items_year on plan_items (year, organization_id, quarter)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["plan_items", "lot_feedback_revisions", "lot_feedback", "lot_budget_lines", "lot_indicators", "lots"]) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
  await sql`alter table blocks drop constraint if exists blocks_kind_check`.execute(db);
  await sql`alter table blocks add constraint blocks_kind_check check (kind in ('section', 'article', 'paragraph', 'list_item'))`.execute(db);
}
