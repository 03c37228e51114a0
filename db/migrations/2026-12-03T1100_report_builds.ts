// Frozen once landed: never import app code here, never edit; add a new migration instead.
//
// Stored similar-comment groups (ADR 0063) and materialized reports (ADR 0064).
//
// Similarity: one row per visible comment with its MinHash signature, the LSH band buckets it
// represents and its group (the oldest member's id). "Which comments represent bucket k?" is
// answered by one B-tree per band over rep_bands[band] (partial: only representatives). Tried
// first and measured on 150,000 comments: a GIN index over the array re-checks each candidate
// against every key of the query (seconds per batch of 500 comments); a (key, comment) table
// held 4.3 million rows, 431 MB. The per-band indexes hold the same entries without the rows. Group sizes live in similarity_groups. An outbox consumer
// ("similarity") keeps them up to date after each comment write; similarity_state records, per
// consultation, whether the worker has caught up with comments written before it existed.
//
// Reports: a build is the report's data computed at one moment and stored row-wise, so a page,
// a CSV or a JSON export reads a slice of it instead of recomputing or parsing everything. Live
// builds are made by the report worker when a consultation's change counter moves; each
// published revision is also stored as a build (by a trigger on report_revisions, here filled
// for the revisions that already exist), so its snapshot is never parsed whole per request.
import { sql, type Kysely } from "kysely";

const statements = [
  sql`create table comment_similarity (
    comment_id uuid primary key references comments (id) on delete cascade,
    consultation_id uuid not null references consultations (id) on delete cascade,
    -- created_at (ISO, UTC) and id: the order in which comments join groups; oldest first
    order_key text not null,
    -- coalesce(edited_at, created_at) of the text the signature was computed from
    stamp timestamptz not null,
    -- arrival order, which orders the members of a band bucket
    added bigint generated always as identity,
    -- 128 MinHash values (uint32, little endian); null: a text with nothing to compare
    signature bytea,
    -- the LSH buckets this comment represents, one position per band (1…32): the band's bucket
    -- key, or null where the bucket already had 8 groups or one of this comment's (ADR 0057)
    rep_bands bigint[] not null,
    -- the oldest member of its group; null while it has no look-alike
    group_key uuid
  )`,
  sql`create index comment_similarity_group on comment_similarity (group_key) where group_key is not null`,
  ...Array.from({ length: 32 }, (_, i) => sql.raw(`create index comment_similarity_band_${i + 1} on comment_similarity ((rep_bands[${i + 1}])) where rep_bands[${i + 1}] is not null`)),
  sql`create table similarity_groups (
    group_key uuid primary key,
    consultation_id uuid not null references consultations (id) on delete cascade,
    size integer not null check (size >= 2)
  )`,
  sql`create index similarity_groups_consultation on similarity_groups (consultation_id)`,
  sql`create table similarity_state (
    consultation_id uuid primary key references consultations (id) on delete cascade,
    -- every visible comment written before now has its row (the catch-up is done)
    complete boolean not null default false,
    -- how far the catch-up got (comments in created_at, id order)
    cursor_at timestamptz,
    cursor_id uuid,
    updated_at timestamptz not null default now()
  )`,
  sql`insert into outbox_consumers (consumer, topic_patterns) values ('similarity', array['comment.%']) on conflict do nothing`,
  // Comments written before this migration are found by the catch-up, not through old rows.

  sql`create table report_builds (
    id bigint generated always as identity primary key,
    consultation_id uuid not null references consultations (id) on delete cascade,
    kind text not null check (kind in ('live', 'revision')),
    revision integer,
    -- live: format version and the consultation's change counter when the build began reading
    fingerprint text not null,
    -- the change counter value at which this build is known to be current (null: it was
    -- overtaken by a write while being built; a newer build will follow)
    valid_seq text,
    started_at timestamptz not null default now(),
    completed_at timestamptz,
    -- the report without its items (ReportData minus items)
    head jsonb,
    items integer not null default 0,
    -- figures of the MPs' dashboard (live builds)
    visible_comments integer,
    answered integer,
    accepted integer,
    -- days from each visible comment to its answer's first publication, ascending
    answer_days float8[]
  )`,
  sql`create index report_builds_latest on report_builds (consultation_id, kind, id desc) where completed_at is not null`,
  sql`create unique index report_builds_revision on report_builds (consultation_id, revision) where kind = 'revision'`,
  sql`create table report_build_items (
    build_id bigint not null references report_builds (id) on delete cascade,
    position integer not null,
    -- the page's filters: a response status or 'unanswered' for visible comments, 'hidden' for
    -- hidden and withdrawn ones; the article's lineage key (null: general comments)
    status_key text not null,
    article_key text,
    item jsonb not null,
    primary key (build_id, position)
  )`,
  sql`create index report_build_items_status on report_build_items (build_id, status_key, position)`,
  sql`create index report_build_items_article on report_build_items (build_id, article_key, position)`,
  // One builder at a time per consultation, across processes (a lease, like outbox claims).
  sql`create table report_build_leases (
    consultation_id uuid primary key references consultations (id) on delete cascade,
    locked_until timestamptz
  )`,

  // A published revision becomes a stored build in the same transaction, split into rows.
  sql`create function report_revision_build() returns trigger language plpgsql as $$
    declare
      build bigint;
    begin
      insert into report_builds (consultation_id, kind, revision, fingerprint, started_at, completed_at, head, items)
        values (new.consultation_id, 'revision', new.revision, 'revision:' || new.revision, new.published_at, now(),
          new.snapshot - 'items', coalesce(jsonb_array_length(new.snapshot -> 'items'), 0))
        returning id into build;
      insert into report_build_items (build_id, position, status_key, article_key, item)
        select build, e.ord::integer,
          case when e.item -> 'comment' ->> 'status' = 'visible' then coalesce(e.item -> 'response' ->> 'status', 'unanswered') else 'hidden' end,
          e.item -> 'comment' ->> 'articleKey',
          e.item
        from jsonb_array_elements(coalesce(new.snapshot -> 'items', '[]'::jsonb)) with ordinality as e(item, ord);
      return new;
    end
  $$`,
  sql`create trigger report_revision_build after insert on report_revisions for each row execute function report_revision_build()`,
  // Revisions published before this migration.
  sql`insert into report_builds (consultation_id, kind, revision, fingerprint, started_at, completed_at, head, items)
    select consultation_id, 'revision', revision, 'revision:' || revision, published_at, now(), snapshot - 'items',
      coalesce(jsonb_array_length(snapshot -> 'items'), 0)
    from report_revisions`,
  sql`insert into report_build_items (build_id, position, status_key, article_key, item)
    select b.id, e.ord::integer,
      case when e.item -> 'comment' ->> 'status' = 'visible' then coalesce(e.item -> 'response' ->> 'status', 'unanswered') else 'hidden' end,
      e.item -> 'comment' ->> 'articleKey',
      e.item
    from report_revisions rr
    join report_builds b on b.consultation_id = rr.consultation_id and b.kind = 'revision' and b.revision = rr.revision
    cross join lateral jsonb_array_elements(coalesce(rr.snapshot -> 'items', '[]'::jsonb)) with ordinality as e(item, ord)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists report_revision_build on report_revisions`.execute(db);
  await sql`drop function if exists report_revision_build()`.execute(db);
  await sql`delete from outbox_consumers where consumer = 'similarity'`.execute(db);
  for (const table of ["report_build_leases", "report_build_items", "report_builds", "similarity_state", "similarity_groups", "comment_similarity"]) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
}
