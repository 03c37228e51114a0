// Frozen once landed: never import app code here, never edit; add a new migration instead.
// Search: the PostgreSQL full-text index (documents + vocabulary for typo tolerance), and
// per-consumer outbox delivery state so the search worker and other consumers (e-mail, feeds)
// each track their own progress over the same outbox rows.
import { sql, type Kysely } from "kysely";

const statements = [
  sql`create extension if not exists pg_trgm`,

  // One row per searchable document. The *_folded columns hold text through the app's one
  // normalization function (lower case, Kazakh letters folded): indexing and querying use the
  // same function, so "казакстан" finds "Қазақстан". Every document has a 'simple' tsvector
  // (Kazakh, exact words); Russian and English documents also a stemmed one in their language.
  // Each has its GIN index; text weighs more (A) than the consultation title or block label (D).
  sql`create table search_documents (
    id text primary key,
    kind text not null check (kind in ('consultation', 'block', 'comment', 'annotation', 'answer')),
    source_id text not null,
    consultation_id uuid,
    consultation_slug text not null,
    consultation_title text not null default '',
    block_id uuid,
    block_label text,
    lang text not null check (lang in ('kk', 'ru', 'en')),
    status text,
    author_type text,
    text text not null,
    quote text,
    answer text,
    date timestamptz not null,
    support integer not null default 0,
    url_path text,
    body_folded text not null,
    context_folded text not null default '',
    indexed_at timestamptz not null default now(),
    tsv_simple tsvector generated always as (
      setweight(to_tsvector('simple'::regconfig, body_folded), 'A') || setweight(to_tsvector('simple'::regconfig, context_folded), 'D')) stored,
    tsv_russian tsvector generated always as (case when lang = 'ru' then
      setweight(to_tsvector('russian'::regconfig, body_folded), 'A') || setweight(to_tsvector('russian'::regconfig, context_folded), 'D')
      else ''::tsvector end) stored,
    tsv_english tsvector generated always as (case when lang = 'en' then
      setweight(to_tsvector('english'::regconfig, body_folded), 'A') || setweight(to_tsvector('english'::regconfig, context_folded), 'D')
      else ''::tsvector end) stored
  )`,
  sql`create index search_documents_simple on search_documents using gin (tsv_simple)`,
  sql`create index search_documents_russian on search_documents using gin (tsv_russian)`,
  sql`create index search_documents_english on search_documents using gin (tsv_english)`,
  sql`create index search_documents_consultation on search_documents (consultation_slug, kind)`,
  sql`create index search_documents_date on search_documents (date desc, id)`,
  sql`create index search_documents_indexed on search_documents (indexed_at)`,

  // Every folded word (4+ letters) ever indexed: a query word with a typo is corrected against
  // this vocabulary through trigram similarity, then searched as an alternative. Stale words are
  // harmless (they only widen a query) and are never deleted.
  sql`create table search_terms (term text primary key)`,
  sql`create index search_terms_trgm on search_terms using gin (term gin_trgm_ops)`,

  // Which index (engine + name) has had a complete build, so a process that finds a fresh or
  // newly configured index rebuilds it from PostgreSQL.
  sql`create table search_index_state (
    index_name text primary key,
    built_at timestamptz not null,
    documents integer not null
  )`,

  // Outbox consumers and their delivery state (ADR 0031). A trigger fans each new outbox row out
  // to every registered consumer whose topic patterns match, in the writer's own transaction, so
  // no row can be missed and no consumer scans the whole outbox.
  sql`create table outbox_consumers (
    consumer text primary key,
    topic_patterns text[] not null
  )`,
  sql`create table outbox_deliveries (
    consumer text not null references outbox_consumers (consumer) on delete cascade,
    outbox_id bigint not null references outbox (id) on delete cascade,
    attempts integer not null default 0,
    available_at timestamptz not null default now(),
    locked_until timestamptz,
    processed_at timestamptz,
    last_error text,
    primary key (consumer, outbox_id)
  )`,
  sql`create index outbox_deliveries_pending on outbox_deliveries (consumer, available_at, outbox_id) where processed_at is null`,
  sql`create function outbox_fan_out() returns trigger language plpgsql as $$
    begin
      insert into outbox_deliveries (consumer, outbox_id, available_at)
        select c.consumer, new.id, new.available_at from outbox_consumers c
        where new.topic like any (c.topic_patterns)
        on conflict do nothing;
      return new;
    end
  $$`,
  sql`create trigger outbox_fan_out after insert on outbox for each row execute function outbox_fan_out()`,
  sql`insert into outbox_consumers (consumer, topic_patterns)
    values ('search', array['consultation.%', 'version.%', 'comment.%', 'annotation.%', 'response.%', 'answer.%'])`,
  // Rows written before this migration: the first full build covers them, mark them delivered.
  sql`insert into outbox_deliveries (consumer, outbox_id, processed_at)
    select 'search', o.id, now() from outbox o
    where o.topic like any (array['consultation.%', 'version.%', 'comment.%', 'annotation.%', 'response.%', 'answer.%'])`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists outbox_fan_out on outbox`.execute(db);
  await sql`drop function if exists outbox_fan_out()`.execute(db);
  for (const table of ["outbox_deliveries", "outbox_consumers", "search_index_state", "search_terms", "search_documents"]) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
}
