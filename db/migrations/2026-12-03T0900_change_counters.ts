// Frozen once landed: never import app code here, never edit; add a new migration instead.
//
// Change counters: every write that changes what a public page shows bumps a counter of its
// scope ("c:<consultation id>" for everything inside one consultation, "site" for the set of
// consultations, organisations and plans, "search" for the search index). Pages that anonymous
// readers share are cached under these counters (ADR 0060): a counter that moved invalidates
// exactly the pages of its scope.
//
// The counters are kept by statement-level triggers, not by each command, so no write path
// (command, seed, script, a later feature) can forget one. Each scope's value is a fresh number
// from one sequence: a sequence never blocks, and a value is never reused, so "did it change?"
// is an equality test. The row of a scope is locked until its transaction commits (two comment
// posts on one consultation queue there for the length of a commit, measured at ~3,500/s on
// this machine's PostgreSQL); rows are upserted in scope order, so two writers never deadlock.
import { sql, type Kysely } from "kysely";

/** Tables whose rows carry consultation_id, and how to reach it from the others. */
const consultationOf: Record<string, string> = {
  comments: "r.consultation_id",
  comment_responses: "r.consultation_id",
  comment_change_links: "r.consultation_id",
  attachments: "r.consultation_id",
  document_versions: "r.consultation_id",
  lots: "r.consultation_id",
  report_revisions: "r.consultation_id",
  comment_supports: "(select c.consultation_id from comments c where c.id = r.comment_id)",
  comment_flags: "(select c.consultation_id from comments c where c.id = r.comment_id)",
  blocks: "(select v.consultation_id from document_versions v where v.id = r.version_id)",
  comment_anchors: "(select v.consultation_id from document_versions v where v.id = r.version_id)",
  lot_indicators: "(select l.consultation_id from lots l where l.id = r.lot_id)",
  lot_budget_lines: "(select l.consultation_id from lots l where l.id = r.lot_id)",
  lot_feedback: "(select l.consultation_id from lots l where l.id = r.lot_id)",
};

/** Tables that change the site-wide scope (lists, plans, dashboards). */
const siteTables = ["organizations", "plan_items"];

function touchFunction(table: string, scopeOf: string): string {
  // Transition tables exist only for the events that define them: each branch reads its own.
  return `create function kenes_touch_${table}() returns trigger language plpgsql as $fn$
    begin
      if tg_op = 'INSERT' then
        perform kenes_touch(array(select distinct ${scopeOf} from new_rows r));
      elsif tg_op = 'DELETE' then
        perform kenes_touch(array(select distinct ${scopeOf} from old_rows r));
      else
        perform kenes_touch(array(select distinct ${scopeOf} from new_rows r union select distinct ${scopeOf} from old_rows r));
      end if;
      return null;
    end
  $fn$`;
}

function triggers(table: string): string[] {
  return [
    `create trigger ${table}_touch_insert after insert on ${table} referencing new table as new_rows for each statement execute function kenes_touch_${table}()`,
    `create trigger ${table}_touch_update after update on ${table} referencing old table as old_rows new table as new_rows for each statement execute function kenes_touch_${table}()`,
    `create trigger ${table}_touch_delete after delete on ${table} referencing old table as old_rows for each statement execute function kenes_touch_${table}()`,
  ];
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create sequence change_seq`.execute(db);
  await sql`create table change_counters (
    scope text primary key,
    seq bigint not null
  )`.execute(db);
  // Upserts each scope (null ones are skipped) with a new number, in a fixed order.
  await sql`create function kenes_touch(scopes text[]) returns void language sql as $fn$
    insert into change_counters (scope, seq)
    select s, nextval('change_seq') from (select distinct s from unnest(scopes) s where s is not null order by s) d
    on conflict (scope) do update set seq = excluded.seq
  $fn$`.execute(db);
  for (const [table, expression] of Object.entries(consultationOf)) {
    await sql.raw(touchFunction(table, `'c:' || ${expression}`)).execute(db);
    for (const statement of triggers(table)) await sql.raw(statement).execute(db);
  }
  // A consultation's own row changes its pages and the lists it appears in.
  await sql.raw(touchFunction("consultations", "unnest(array['c:' || r.id, 'site'])")).execute(db);
  for (const statement of triggers("consultations")) await sql.raw(statement).execute(db);
  for (const table of siteTables) {
    await sql.raw(touchFunction(table, "'site'")).execute(db);
    for (const statement of triggers(table)) await sql.raw(statement).execute(db);
  }
  await sql.raw(touchFunction("search_documents", "'search'")).execute(db);
  for (const statement of triggers("search_documents")) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [...Object.keys(consultationOf), "consultations", ...siteTables, "search_documents"]) {
    for (const event of ["insert", "update", "delete"]) await sql.raw(`drop trigger if exists ${table}_touch_${event} on ${table}`).execute(db);
    await sql.raw(`drop function if exists kenes_touch_${table}()`).execute(db);
  }
  await sql`drop function if exists kenes_touch(text[])`.execute(db);
  await sql`drop table if exists change_counters`.execute(db);
  await sql`drop sequence if exists change_seq`.execute(db);
}
