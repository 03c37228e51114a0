// Frozen once landed: never import app code here, never edit; add a new migration instead.
//
// 1. rate_limits: the counters of the cross-process rate limiter (sliding window of two fixed
//    windows, updated by one atomic upsert).
// 2. audit_log becomes append-only for everyone: a trigger refuses UPDATE, DELETE and TRUNCATE
//    (on PGlite and PostgreSQL alike).
// 3. On a real PostgreSQL server only: a NOLOGIN role `kenes_app` that the production login role
//    is made a member of; it may read and write every table except change or remove audit rows.
import { sql, type Kysely } from "kysely";

const statements = [
  sql`create table rate_limits (
    key text primary key,
    window_start bigint not null,
    count integer not null,
    prev_count integer not null default 0,
    expires_at timestamptz not null
  )`,
  sql`create index rate_limits_expires on rate_limits (expires_at)`,
  sql`create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only: % is not allowed', tg_op using errcode = '42501';
    end
  $$`,
  sql`create trigger audit_log_no_update_delete before update or delete on audit_log
    for each row execute function audit_log_append_only()`,
  sql`create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`,
  // PGlite is one in-process engine with no other users: roles and grants mean nothing there,
  // so the block is skipped on it (its version string names the emscripten/wasm build). On
  // PostgreSQL a migrating account that may not create roles gets a notice, not a failure.
  sql`do $$
    begin
      if version() ilike '%emscripten%' or version() ilike '%wasm%' then
        return;
      end if;
      if not exists (select 1 from pg_roles where rolname = 'kenes_app') then
        begin
          create role kenes_app nologin;
        exception when insufficient_privilege then
          raise notice 'kenes: cannot create role kenes_app (%), audit grants skipped', sqlerrm;
          return;
        end;
      end if;
      execute format('grant connect on database %I to kenes_app', current_database());
      grant usage on schema public to kenes_app;
      grant select, insert, update, delete on all tables in schema public to kenes_app;
      grant usage, select on all sequences in schema public to kenes_app;
      revoke update, delete, truncate on audit_log from kenes_app;
      revoke update, delete, truncate on audit_log from public;
      -- Tables of later migrations (created by the same owner) are usable by the app role too.
      alter default privileges in schema public grant select, insert, update, delete on tables to kenes_app;
      alter default privileges in schema public grant usage, select on sequences to kenes_app;
    end
  $$`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists audit_log_no_truncate on audit_log`.execute(db);
  await sql`drop trigger if exists audit_log_no_update_delete on audit_log`.execute(db);
  await sql`drop function if exists audit_log_append_only()`.execute(db);
  await sql`drop table if exists rate_limits`.execute(db);
  // The role is shared by every database on the server: only its grants here are taken back.
  await sql`do $$
    begin
      if exists (select 1 from pg_roles where rolname = 'kenes_app') then
        alter default privileges in schema public revoke all on tables from kenes_app;
        alter default privileges in schema public revoke all on sequences from kenes_app;
        revoke all on all tables in schema public from kenes_app;
        revoke all on all sequences in schema public from kenes_app;
        revoke usage on schema public from kenes_app;
        execute format('revoke connect on database %I from kenes_app', current_database());
      end if;
    end
  $$`.execute(db);
}
