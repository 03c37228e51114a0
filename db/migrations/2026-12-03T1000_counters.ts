// Frozen once landed: never import app code here, never edit; add a new migration instead.
//
// Maintained counters (ADR 0061): every figure a public page shows that used to be counted per
// request (comments per consultation, per block, per status, supports, participants) is a
// column kept up to date by statement-level triggers with transition tables, in the same
// transaction as the write. Triggers, not commands, so that no write path (a command,
// moderation, answers, seeds, scripts, the benchmark's batch inserts) can forget one; per
// statement, so that a batch of 1,000 comments costs one aggregate, not 1,000.
//
// Lock order. Every table counted here also bumps its consultation's change counter (migration
// 2026-12-03T0900) in an AFTER trigger of the same statement. The triggers here are named
// "<table>_update_counters_on_<event>", which sorts after "<table>_touch_<event>": PostgreSQL
// fires triggers of one event in name order, so a writer always holds the consultation's
// change_counters row before it locks any counter row of that consultation. Counter rows are
// therefore never contended by anyone not already queued on that row, and cannot deadlock;
// within a statement they are still upserted in key order.
//
// What each figure means (the reads of ADR 0061 rely on it):
// consultation_stats, per consultation (a missing row is all zeros):
//   comments           every comment: replies and every status included (the report's count)
//   visible            visible comments, replies included (lists, the draft page, the API, the MPs' dashboard)
//   hidden, withdrawn  comments hidden by a moderator / withdrawn by their author, replies included
//   general_top_level  top-level comments on the whole draft (block_id null), every status (the draft page's general thread)
//   general_comments   comments on the whole draft, replies and every status included (its paginated thread)
//   answered_<status>  visible comments (replies included) whose published answer has that status
//   participants       distinct authors of any comment (every status), organizations: distinct organisations
//   report_revisions   published report revisions
// block_stats, per block (a block nobody commented on has no row: zeros, seq 0):
//   own_comments       comments whose block_id is this block, replies and every status included (its paginated thread)
//   own_visible        of them, visible (the API's and the lot pages' count per block)
//   own_top_level      top-level comments made on it, every status (a lot anchor's thread)
//   placed_total       top-level comments the draft page places on it: made on it, or carried onto
//                      this version at publication (comment_anchors), every status
//   placed_visible     of them, visible;   placed_annotations: of them, visible ones with a quote
//   seq                a fresh value of change_seq whenever anything its draft-page thread shows
//                      changes (a placed comment, its replies, their supports and published answers,
//                      an anchor added or removed): the cache key of the block's rendered thread
// comments.support_count: supports of the comment.
//
// Invariants the triggers rely on (every write path keeps them): a comment's block belongs to its
// version, and a reply has its parent's block and version (it is shown under its parent).
import { sql, type Kysely } from "kysely";

const statuses = ["accepted", "partially_accepted", "not_accepted", "noted"] as const;

/** A comment row (alias r) is an annotation the draft page counts: visible, with a whole quote on a block. */
const annotation = (r: string) =>
  `(${r}.status = 'visible' and ${r}.anchor_exact is not null and ${r}.anchor_start is not null and ${r}.anchor_end is not null and ${r}.anchor_lang is not null and ${r}.block_id is not null)`;

type Event = "insert" | "update" | "delete";

/**
 * The rows of a statement that count: +1 for each new row, -1 for each old one. An update
 * counts only the rows where one of `columns` changed (an edit of a comment's text moves no
 * figure); `key` (the primary key) joins an updated row's old and new versions.
 */
function signed(event: Event, key: string[], columns: string[]): string {
  if (event === "insert") return `select 1 as sign, n.* from new_rows n`;
  if (event === "delete") return `select -1 as sign, o.* from old_rows o`;
  const differs = `(${columns.map((c) => `o.${c}`).join(", ")}) is distinct from (${columns.map((c) => `n.${c}`).join(", ")})`;
  const same = key.map((k) => `o.${k} = n.${k}`).join(" and ");
  return `select 1 as sign, n.* from new_rows n join old_rows o on ${same} where ${differs}
    union all select -1 as sign, o.* from old_rows o join new_rows n on ${same} where ${differs}`;
}

/** The transition rows whose thread changed in any way (an update: every updated row, before and after). */
function touchedRows(event: Event): string {
  if (event === "insert") return "select * from new_rows";
  if (event === "delete") return "select * from old_rows";
  return "select * from new_rows union all select * from old_rows";
}

/** Adds `delta` rows (block_id + the six counts) to block_stats, with a new seq for each block, in block order. */
function upsertBlockStats(with_: string, delta: string): string {
  return `with ${with_} delta (block_id, own_comments, own_visible, own_top_level, placed_total, placed_visible, placed_annotations) as (${delta})
    insert into block_stats (block_id, version_id, consultation_id, own_comments, own_visible, own_top_level, placed_total, placed_visible, placed_annotations, seq)
    select b.id, b.version_id, v.consultation_id, sum(d.own_comments), sum(d.own_visible), sum(d.own_top_level), sum(d.placed_total), sum(d.placed_visible), sum(d.placed_annotations), nextval('change_seq')
    from delta d join blocks b on b.id = d.block_id join document_versions v on v.id = b.version_id
    group by b.id, b.version_id, v.consultation_id
    order by b.id
    on conflict (block_id) do update set
      own_comments = block_stats.own_comments + excluded.own_comments,
      own_visible = block_stats.own_visible + excluded.own_visible,
      own_top_level = block_stats.own_top_level + excluded.own_top_level,
      placed_total = block_stats.placed_total + excluded.placed_total,
      placed_visible = block_stats.placed_visible + excluded.placed_visible,
      placed_annotations = block_stats.placed_annotations + excluded.placed_annotations,
      seq = excluded.seq`;
}

/**
 * Keeps a distinct count (participants, organizations) of consultation_stats: a member table
 * holds each member's comments; a member whose count goes from zero to positive adds one, one
 * whose count drops to zero takes one away (and its row is removed). The upsert's result is
 * the value after concurrent writers too, so two first comments of one author count once.
 */
function distinctMembers(event: Event, table: string, member: string, column: string, changed: string): string[] {
  const statements = [
    `with changed as (${changed}),
      delta as (select consultation_id, ${member} as member, sum(sign)::int as n from changed where ${member} is not null group by 1, 2 having sum(sign) <> 0),
      upserted as (
        insert into ${table} (consultation_id, ${member}, comments)
        select consultation_id, member, n from delta order by consultation_id, member
        on conflict (consultation_id, ${member}) do update set comments = ${table}.comments + excluded.comments
        returning consultation_id, ${member} as member, comments)
    update consultation_stats s set ${column} = s.${column} + t.d
    from (select u.consultation_id, sum(case when d.n > 0 and u.comments = d.n then 1 when d.n < 0 and u.comments = 0 then -1 else 0 end) as d
          from upserted u join delta d on d.consultation_id = u.consultation_id and d.member = u.member group by u.consultation_id) t
    where s.consultation_id = t.consultation_id and t.d <> 0`,
  ];
  if (event !== "insert") statements.push(`delete from ${table} m using old_rows o where m.consultation_id = o.consultation_id and m.${member} = o.${member} and m.comments = 0`);
  return statements;
}

/** Columns of a comment that move a figure when they change. */
const countedCommentColumns = ["consultation_id", "version_id", "block_id", "parent_id", "status", "author_id", "organization_id", "anchor_exact", "anchor_start", "anchor_end", "anchor_lang"];

function commentsTrigger(event: Event): string[] {
  const changed = `select s.*, ${annotation("s")} as annotation from (${signed(event, ["id"], countedCommentColumns)}) s`;
  const answered = (status: string) => `coalesce(sum(c.sign) filter (where c.status = 'visible' and r.published_at is not null and r.published_status = '${status}'), 0)`;
  const consultationStats = `with changed as (${changed})
    insert into consultation_stats (consultation_id, comments, visible, hidden, withdrawn, general_top_level, general_comments, ${statuses.map((s) => `answered_${s}`).join(", ")})
    select c.consultation_id, sum(c.sign),
      coalesce(sum(c.sign) filter (where c.status = 'visible'), 0),
      coalesce(sum(c.sign) filter (where c.status = 'hidden'), 0),
      coalesce(sum(c.sign) filter (where c.status = 'withdrawn'), 0),
      coalesce(sum(c.sign) filter (where c.block_id is null and c.parent_id is null), 0),
      coalesce(sum(c.sign) filter (where c.block_id is null), 0),
      ${statuses.map(answered).join(",\n      ")}
    from changed c left join comment_responses r on r.comment_id = c.id
    group by c.consultation_id
    order by c.consultation_id
    on conflict (consultation_id) do update set
      comments = consultation_stats.comments + excluded.comments,
      visible = consultation_stats.visible + excluded.visible,
      hidden = consultation_stats.hidden + excluded.hidden,
      withdrawn = consultation_stats.withdrawn + excluded.withdrawn,
      general_top_level = consultation_stats.general_top_level + excluded.general_top_level,
      general_comments = consultation_stats.general_comments + excluded.general_comments,
      ${statuses.map((s) => `answered_${s} = consultation_stats.answered_${s} + excluded.answered_${s}`).join(",\n      ")}`;
  // The blocks: a comment counts on its own block (replies too), a top-level one also on every
  // block it was carried onto; every block whose thread shows a changed row gets a new seq
  // (a reply's thread is its parent's: the parent's block and the blocks it was carried onto).
  const blockStats = upsertBlockStats(
    `changed as (${changed}), touched as (${touchedRows(event)}),`,
    `select c.block_id, c.sign, case when c.status = 'visible' then c.sign else 0 end, case when c.parent_id is null then c.sign else 0 end,
        case when c.parent_id is null then c.sign else 0 end, case when c.parent_id is null and c.status = 'visible' then c.sign else 0 end, case when c.parent_id is null and c.annotation then c.sign else 0 end
      from changed c where c.block_id is not null
    union all
    select a.block_id, 0, 0, 0, c.sign, case when c.status = 'visible' then c.sign else 0 end, case when c.annotation then c.sign else 0 end
      from changed c join comment_anchors a on a.comment_id = c.id where c.parent_id is null and a.block_id is not null
    union all
    select t.block_id, 0, 0, 0, 0, 0, 0 from touched t where t.block_id is not null
    union all
    select a.block_id, 0, 0, 0, 0, 0, 0 from touched t join comment_anchors a on a.comment_id = coalesce(t.parent_id, t.id) where a.block_id is not null`,
  );
  return [
    consultationStats,
    ...distinctMembers(event, "consultation_participants", "author_id", "participants", changed),
    ...distinctMembers(event, "consultation_organizations", "organization_id", "organizations", changed),
    blockStats,
  ];
}

/** Where a comment is placed on later versions: its anchors, counted on their blocks. */
function anchorsTrigger(event: Event): string[] {
  const changed = signed(event, ["comment_id", "version_id"], ["comment_id", "version_id", "block_id", "status", "anchor_start", "anchor_end", "anchor_exact"]);
  return [
    upsertBlockStats(
      `changed as (${changed}),`,
      `select a.block_id, 0, 0, 0, a.sign, case when c.status = 'visible' then a.sign else 0 end, case when ${annotation("c")} then a.sign else 0 end
        from changed a join comments c on c.id = a.comment_id where a.block_id is not null and c.parent_id is null
      union all
      select t.block_id, 0, 0, 0, 0, 0, 0 from (${touchedRows(event)}) t where t.block_id is not null`,
    ),
  ];
}

/** A support changes its comment's count; the comment's own update trigger then renews its blocks' seq. */
function supportsTrigger(event: Event): string[] {
  return [
    `update comments c set support_count = c.support_count + d.n
     from (select comment_id, sum(sign)::int as n from (${signed(event, ["comment_id", "user_id"], ["comment_id", "user_id"])}) s group by comment_id having sum(sign) <> 0) d
     where c.id = d.comment_id`,
  ];
}

/** Published answers per status (of visible comments), and a new seq for the blocks that show them. */
function responsesTrigger(event: Event): string[] {
  const published = ["published_status", "published_at", "published_justification"];
  const changed = `select s.* from (${signed(event, ["comment_id"], ["comment_id", ...published])}) s`;
  const answered = (status: string) => `coalesce(sum(r.sign) filter (where r.published_at is not null and r.published_status = '${status}'), 0)`;
  return [
    `with changed as (${changed})
     insert into consultation_stats (consultation_id, ${statuses.map((s) => `answered_${s}`).join(", ")})
     select c.consultation_id, ${statuses.map(answered).join(", ")}
     from changed r join comments c on c.id = r.comment_id
     where c.status = 'visible'
     group by c.consultation_id
     order by c.consultation_id
     on conflict (consultation_id) do update set
       ${statuses.map((s) => `answered_${s} = consultation_stats.answered_${s} + excluded.answered_${s}`).join(",\n       ")}`,
    upsertBlockStats(
      `changed as (${changed}), shown as (select c.* from (select distinct comment_id from changed where published_at is not null) r join comments c on c.id = r.comment_id),`,
      `select s.block_id, 0, 0, 0, 0, 0, 0 from shown s where s.block_id is not null
      union all
      select a.block_id, 0, 0, 0, 0, 0, 0 from shown s join comment_anchors a on a.comment_id = coalesce(s.parent_id, s.id) where a.block_id is not null`,
    ),
  ];
}

function reportRevisionsTrigger(event: Event): string[] {
  // Revisions are immutable (their own trigger refuses updates and deletes): only inserts count.
  if (event !== "insert") return [];
  return [
    `insert into consultation_stats (consultation_id, report_revisions)
     select consultation_id, count(*) from new_rows group by consultation_id order by consultation_id
     on conflict (consultation_id) do update set report_revisions = consultation_stats.report_revisions + excluded.report_revisions`,
  ];
}

const counted: Record<string, (event: Event) => string[]> = {
  comments: commentsTrigger,
  comment_anchors: anchorsTrigger,
  comment_supports: supportsTrigger,
  comment_responses: responsesTrigger,
  report_revisions: reportRevisionsTrigger,
};

const events: Event[] = ["insert", "update", "delete"];

function triggerFunction(table: string, event: Event, statements: string[]): string {
  // Transition tables exist only for the events that define them: one function per event.
  const rows = event === "delete" ? "old_rows" : "new_rows";
  return `create function kenes_count_${table}_${event}() returns trigger language plpgsql as $fn$
    begin
      if not exists (select 1 from ${rows}) then
        return null;
      end if;
      ${statements.map((s) => `${s};`).join("\n      ")}
      return null;
    end
  $fn$`;
}

function triggerStatement(table: string, event: Event): string {
  const referencing = event === "insert" ? "new table as new_rows" : event === "delete" ? "old table as old_rows" : "old table as old_rows new table as new_rows";
  return `create trigger ${table}_update_counters_on_${event} after ${event} on ${table} referencing ${referencing} for each statement execute function kenes_count_${table}_${event}()`;
}

const answeredColumns = statuses.map((s) => `answered_${s} integer not null default 0`).join(",\n    ");

const tables = [
  sql.raw(`create table consultation_stats (
    consultation_id uuid primary key references consultations (id) on delete cascade,
    comments integer not null default 0,
    visible integer not null default 0,
    hidden integer not null default 0,
    withdrawn integer not null default 0,
    general_top_level integer not null default 0,
    general_comments integer not null default 0,
    ${answeredColumns},
    participants integer not null default 0,
    organizations integer not null default 0,
    report_revisions integer not null default 0
  )`),
  sql`create table consultation_participants (
    consultation_id uuid not null references consultations (id) on delete cascade,
    author_id uuid not null,
    comments integer not null,
    primary key (consultation_id, author_id)
  )`,
  sql`create table consultation_organizations (
    consultation_id uuid not null references consultations (id) on delete cascade,
    organization_id uuid not null,
    comments integer not null,
    primary key (consultation_id, organization_id)
  )`,
  sql`create table block_stats (
    block_id uuid primary key references blocks (id) on delete cascade,
    version_id uuid not null,
    consultation_id uuid not null,
    own_comments integer not null default 0,
    own_visible integer not null default 0,
    own_top_level integer not null default 0,
    placed_total integer not null default 0,
    placed_visible integer not null default 0,
    placed_annotations integer not null default 0,
    seq bigint not null
  )`,
  sql`create index block_stats_version on block_stats (version_id)`,
  sql`create index block_stats_consultation on block_stats (consultation_id)`,
  sql`alter table comments add column support_count integer not null default 0`,
];

/** The counters computed from the rows, once, before the triggers keep them. */
const backfill = [
  sql`update comments c set support_count = s.n from (select comment_id, count(*)::int as n from comment_supports group by comment_id) s where c.id = s.comment_id`,
  sql.raw(`insert into consultation_stats (consultation_id, comments, visible, hidden, withdrawn, general_top_level, general_comments, ${statuses.map((s) => `answered_${s}`).join(", ")})
    select c.consultation_id, count(*),
      count(*) filter (where c.status = 'visible'),
      count(*) filter (where c.status = 'hidden'),
      count(*) filter (where c.status = 'withdrawn'),
      count(*) filter (where c.block_id is null and c.parent_id is null),
      count(*) filter (where c.block_id is null),
      ${statuses.map((s) => `count(*) filter (where c.status = 'visible' and r.published_at is not null and r.published_status = '${s}')`).join(",\n      ")}
    from comments c left join comment_responses r on r.comment_id = c.id
    group by c.consultation_id`),
  sql`insert into consultation_participants (consultation_id, author_id, comments) select consultation_id, author_id, count(*) from comments group by 1, 2`,
  sql`insert into consultation_organizations (consultation_id, organization_id, comments) select consultation_id, organization_id, count(*) from comments where organization_id is not null group by 1, 2`,
  sql`update consultation_stats s set participants = p.n from (select consultation_id, count(*)::int as n from consultation_participants group by 1) p where p.consultation_id = s.consultation_id`,
  sql`update consultation_stats s set organizations = o.n from (select consultation_id, count(*)::int as n from consultation_organizations group by 1) o where o.consultation_id = s.consultation_id`,
  sql`insert into consultation_stats (consultation_id, report_revisions)
    select consultation_id, count(*) from report_revisions group by 1
    on conflict (consultation_id) do update set report_revisions = excluded.report_revisions`,
  // Every consultation gets its row (readers still treat a missing one as zeros: new consultations have none).
  sql`insert into consultation_stats (consultation_id) select id from consultations on conflict do nothing`,
  sql.raw(`insert into block_stats (block_id, version_id, consultation_id, own_comments, own_visible, own_top_level, placed_total, placed_visible, placed_annotations, seq)
    select b.id, b.version_id, v.consultation_id, sum(d.own_comments), sum(d.own_visible), sum(d.own_top_level), sum(d.placed_total), sum(d.placed_visible), sum(d.placed_annotations), nextval('change_seq')
    from (
      select c.block_id, 1 as own_comments, case when c.status = 'visible' then 1 else 0 end as own_visible, case when c.parent_id is null then 1 else 0 end as own_top_level,
        case when c.parent_id is null then 1 else 0 end as placed_total, case when c.parent_id is null and c.status = 'visible' then 1 else 0 end as placed_visible,
        case when c.parent_id is null and ${annotation("c")} then 1 else 0 end as placed_annotations
      from comments c where c.block_id is not null
      union all
      select a.block_id, 0, 0, 0, 1, case when c.status = 'visible' then 1 else 0 end, case when ${annotation("c")} then 1 else 0 end
      from comment_anchors a join comments c on c.id = a.comment_id where a.block_id is not null and c.parent_id is null
    ) d join blocks b on b.id = d.block_id join document_versions v on v.id = b.version_id
    group by b.id, b.version_id, v.consultation_id`),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of tables) await statement.execute(db);
  for (const statement of backfill) await statement.execute(db);
  for (const [table, statementsFor] of Object.entries(counted)) {
    for (const event of events) {
      const statements = statementsFor(event);
      if (statements.length === 0) continue;
      await sql.raw(triggerFunction(table, event, statements)).execute(db);
      await sql.raw(triggerStatement(table, event)).execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of Object.keys(counted)) {
    for (const event of events) {
      await sql.raw(`drop trigger if exists ${table}_update_counters_on_${event} on ${table}`).execute(db);
      await sql.raw(`drop function if exists kenes_count_${table}_${event}()`).execute(db);
    }
  }
  await sql`alter table comments drop column if exists support_count`.execute(db);
  for (const table of ["block_stats", "consultation_organizations", "consultation_participants", "consultation_stats"]) await sql.raw(`drop table if exists ${table}`).execute(db);
}
