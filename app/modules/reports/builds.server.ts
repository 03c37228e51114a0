/**
 * Materialized reports (ADR 0064). A build is a consultation's public report computed once and
 * stored: its head (ReportData without items: summary, per-article figures, changes, responders)
 * in report_builds, its items one row each in report_build_items (position, the two filter
 * columns, the item as JSON). The report page reads the head and one page of items; the JSON,
 * CSV and PDF exports read the items in keyset batches. Published revisions are stored the same
 * way (by a trigger when the revision is inserted), so no request parses a whole snapshot.
 *
 * Live builds are made by the report worker (worker.server.ts) when the consultation's change
 * counter moves, debounced; a request that finds no build at all makes one, shared by every
 * request waiting for it (and across processes through a lease). A build is stored under the
 * counter value it started from (its fingerprint); it is "current" while the counter still
 * has the value recorded when it was completed (valid_seq).
 */
import { sql } from "kysely";
import type { Db } from "~db/database.server";
import { consultationScope, derivedScope } from "~/modules/changes/changes.server";
import { reconcileSimilarity } from "~/modules/responses/similarity-store.server";
import { forEachReportBatch, listRevisions, yieldToEventLoop, reportAccumulator, reportConsultation, type ReportFilters, type ReportHead } from "./queries.server";
import { statusKeys, type ReportItem, type RevisionInfo } from "./report.types";

/** Bumped when the stored shape or the way a build is computed changes: old builds are redone. */
export const REPORT_BUILD_FORMAT = "r1";

export interface ReportBuildSettings {
  /** The worker waits this long after it first sees a change (changes meanwhile join the build). */
  delayMs: number;
  /** At most one build per consultation in this interval while changes keep coming. */
  intervalMs: number;
  /**
   * stored: readers get the latest build with the time it was computed; current: a reader that
   * finds the build behind the data rebuilds it first (read-your-writes, for tests and tiny sites).
   */
  readMode: "stored" | "current";
  /**
   * Comments read per batch while building (default READ_BATCH). On PGlite the build shares the
   * one connection, and the event loop, with every request: a batch is as long as they wait.
   */
  batchRows?: number;
}

export const defaultBuildSettings: ReportBuildSettings = { delayMs: 2000, intervalMs: 15_000, readMode: "stored" };

export interface StoredReport {
  id: string;
  kind: "live" | "revision";
  consultationId: string;
  /** When its figures were computed (live) or the revision was published. */
  builtAt: string;
  head: ReportHead;
  items: number;
}

/** A superseded build stays readable this long (a CSV download in progress keeps its build). */
const KEEP_SUPERSEDED_MS = 10 * 60_000;
/** How long a builder's lease lasts (renewed by nothing: a build takes seconds, not minutes). */
const LEASE_SECONDS = 300;
/** Items written per statement, and comments read per query (fewer, larger reads: the 7-table join costs ~20 ms to plan). */
const ITEM_BATCH = 1000;
const READ_BATCH = 5000;

// ---- reading ------------------------------------------------------------------------------

// Heads of builds, parsed once: a build never changes after completion, so its id is its
// version. A few dozen at most (the articles table of a 300-article draft is the big part);
// per database handle, since build ids are only unique within one database.
const headCaches = new WeakMap<Db, Map<string, ReportHead>>();
const HEADS_MAX = 32;

function headsOf(db: Db): Map<string, ReportHead> {
  let heads = headCaches.get(db);
  if (!heads) headCaches.set(db, (heads = new Map()));
  return heads;
}

async function headOf(db: Db, buildId: string): Promise<ReportHead> {
  const heads = headsOf(db);
  const cached = heads.get(buildId);
  if (cached) {
    // Most recently used last.
    heads.delete(buildId);
    heads.set(buildId, cached);
    return cached;
  }
  const row = await db.selectFrom("report_builds").select("head").where("id", "=", buildId).executeTakeFirstOrThrow();
  const head = (typeof row.head === "string" ? JSON.parse(row.head) : row.head) as ReportHead;
  rememberHead(db, buildId, head);
  return head;
}

function rememberHead(db: Db, buildId: string, head: ReportHead) {
  const heads = headsOf(db);
  heads.set(buildId, head);
  while (heads.size > HEADS_MAX) heads.delete(heads.keys().next().value!);
}

type BuildRow = { id: string; kind: "live" | "revision"; consultation_id: string; started_at: Date; completed_at: Date | null; items: number; valid_seq: string | null; revision: number | null };

async function toStored(db: Db, row: BuildRow): Promise<StoredReport> {
  const head = await headOf(db, row.id);
  return { id: String(row.id), kind: row.kind, consultationId: row.consultation_id, builtAt: row.kind === "live" ? head.generatedAt : new Date(row.started_at).toISOString(), head, items: row.items };
}

const buildColumns = ["id", "kind", "consultation_id", "started_at", "completed_at", "items", "valid_seq", "revision"] as const;

async function latestLiveRow(db: Db, consultationId: string): Promise<BuildRow | undefined> {
  return db
    .selectFrom("report_builds")
    .select([...buildColumns])
    .where("consultation_id", "=", consultationId)
    .where("kind", "=", "live")
    .where("completed_at", "is not", null)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** The latest completed live build of a consultation, if any. */
export async function latestBuild(db: Db, consultationId: string): Promise<StoredReport | undefined> {
  const row = await latestLiveRow(db, consultationId);
  return row ? toStored(db, row) : undefined;
}

/** A published revision's stored build. */
export async function revisionBuild(db: Db, consultationId: string, revision: number): Promise<StoredReport | undefined> {
  const row = await db
    .selectFrom("report_builds")
    .select([...buildColumns])
    .where("consultation_id", "=", consultationId)
    .where("kind", "=", "revision")
    .where("revision", "=", revision)
    .executeTakeFirst();
  return row ? toStored(db, row) : undefined;
}

/** The consultation's change counter now ("0" before its first change). */
export async function changeCounter(db: Db, consultationId: string): Promise<string> {
  const row = await db.selectFrom("change_counters").select(sql<string>`seq::text`.as("seq")).where("scope", "=", consultationScope(consultationId)).executeTakeFirst();
  return row?.seq ?? "0";
}

const sharedBuilds = new Map<string, Promise<StoredReport>>();

/**
 * The consultation's public report as stored. Without any build yet, one is made now (shared by
 * concurrent callers). With readMode "current", a build behind the data is remade first.
 */
export async function currentReport(db: Db, consultationId: string, settings: Pick<ReportBuildSettings, "readMode"> = defaultBuildSettings): Promise<StoredReport> {
  const row = await latestLiveRow(db, consultationId);
  if (row && settings.readMode === "stored") return toStored(db, row);
  if (row && row.valid_seq !== null && row.valid_seq === (await changeCounter(db, consultationId))) return toStored(db, row);
  return buildShared(db, consultationId, { after: row?.id, exact: settings.readMode === "current" });
}

/** One build per consultation at a time in this process; callers arriving meanwhile share it. */
function buildShared(db: Db, consultationId: string, options: { after?: string; exact: boolean }): Promise<StoredReport> {
  let build = sharedBuilds.get(consultationId);
  if (!build) {
    build = (async () => {
      if (options.exact) await reconcileSimilarity(db, consultationId);
      return buildWithLease(db, consultationId, { waitFor: options.after ?? "0" });
    })().finally(() => sharedBuilds.delete(consultationId));
    sharedBuilds.set(consultationId, build);
  }
  return build;
}

async function takeLease(db: Db, consultationId: string): Promise<boolean> {
  const row = await sql<{ consultation_id: string }>`
    insert into report_build_leases (consultation_id, locked_until) values (${consultationId}, now() + make_interval(secs => ${LEASE_SECONDS}))
    on conflict (consultation_id) do update set locked_until = excluded.locked_until
      where report_build_leases.locked_until is null or report_build_leases.locked_until < now()
    returning consultation_id`.execute(db);
  return row.rows.length > 0;
}

async function releaseLease(db: Db, consultationId: string): Promise<void> {
  await db.updateTable("report_build_leases").set({ locked_until: null }).where("consultation_id", "=", consultationId).execute();
}

/**
 * Builds under the consultation's lease. When another process holds it, waits for the build it
 * is making (a completed build newer than `waitFor`) rather than starting a second one; builds
 * anyway if none appears within the lease.
 */
export async function buildWithLease(db: Db, consultationId: string, options: { waitFor?: string; batchRows?: number } = {}): Promise<StoredReport> {
  const deadline = Date.now() + LEASE_SECONDS * 1000;
  while (!(await takeLease(db, consultationId))) {
    const row = await latestLiveRow(db, consultationId);
    if (row && BigInt(row.id) > BigInt(options.waitFor ?? "0")) return toStored(db, row);
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  try {
    return await materializeReport(db, consultationId, { batchRows: options.batchRows });
  } finally {
    await releaseLease(db, consultationId).catch(() => {});
  }
}

// ---- building -----------------------------------------------------------------------------

/** The filter columns of an item (see report_build_items). */
export function statusKeyOf(item: ReportItem): string {
  return item.comment.status === "visible" ? item.response?.status ?? "unanswered" : "hidden";
}

/**
 * Computes the consultation's public report from its current rows and stores it as a new live
 * build: items written in batches as they are computed (memory holds one batch and the figures),
 * the head and the dashboard's figures written last. Reads are not one snapshot (PGlite has one
 * connection: a long transaction would stall every request); the build is stored under the change
 * counter read before it began, so a write during the build makes it stale, and rebuilt.
 */
export async function materializeReport(db: Db, consultationId: string, options: { batchRows?: number } = {}): Promise<StoredReport> {
  const readBatch = options.batchRows ?? READ_BATCH;
  const itemBatch = Math.min(ITEM_BATCH, Math.ceil(readBatch / 2));
  const seq = await changeCounter(db, consultationId);
  const build = await db
    .insertInto("report_builds")
    .values({ consultation_id: consultationId, kind: "live", fingerprint: `${REPORT_BUILD_FORMAT}:${seq}` })
    .returning(["id"])
    .executeTakeFirstOrThrow();
  const buildId = String(build.id);
  try {
    const consultation = await reportConsultation(db, consultationId);
    const acc = await reportAccumulator(db, consultationId, false);
    let position = 0;
    await forEachReportBatch(
      db,
      consultationId,
      false,
      async (rows) => {
        const values = rows.map((r) => {
          const item = acc.add(r);
          return { build_id: buildId, position: ++position, status_key: statusKeyOf(item), article_key: item.comment.articleKey, item: JSON.stringify(item) };
        });
        // Five array parameters per statement rather than five per row: binding thousands of
        // parameters cost more than the insert itself.
        for (let i = 0; i < values.length; i += itemBatch) {
          const chunk = values.slice(i, i + itemBatch);
          await sql`insert into report_build_items (build_id, position, status_key, article_key, item)
            select ${buildId}::bigint, unnest(${chunk.map((v) => v.position)}::int[]), unnest(${chunk.map((v) => v.status_key)}::text[]),
              unnest(${chunk.map((v) => v.article_key)}::text[]), unnest(${chunk.map((v) => v.item)}::jsonb[])`.execute(db);
          await yieldToEventLoop();
        }
      },
      readBatch,
    );
    const head = acc.finish(consultation);
    const answerDays = acc.answerDays.sort((a, b) => a - b);
    await db.transaction().execute(async (trx) => {
      // Nothing written since the build began: it is current, and stays so until the next write.
      // Compared in the update, without locking the consultation's counter row: every comment
      // post takes that row, and holding it across this transaction's round trips would stall
      // them all (issue 11, point 8). A write committed just after the comparison leaves the
      // build valid for the old value only, which readers compare with the counter: stale.
      const unchanged = sql<boolean>`coalesce((select seq::text from change_counters where scope = ${consultationScope(consultationId)}), '0') = ${seq}`;
      // Pages cached under the derived counter (report page, dashboard) must show the new figures.
      await sql`select kenes_touch(array[${derivedScope(consultationId)}])`.execute(trx);
      await trx
        .updateTable("report_builds")
        .set({
          completed_at: new Date(),
          head: JSON.stringify(head),
          items: position,
          valid_seq: sql<string | null>`case when ${unchanged} then ${seq} end`,
          visible_comments: statusKeys.reduce((n, k) => n + head.summary.byStatus[k], 0),
          answered: acc.answered,
          accepted: acc.accepted,
          answer_days: answerDays,
        })
        .where("id", "=", buildId)
        .execute();
    });
    rememberHead(db, buildId, head);
    await deleteSupersededBuilds(db, consultationId);
    return { id: buildId, kind: "live", consultationId, builtAt: head.generatedAt, head, items: position };
  } catch (error) {
    await db.deleteFrom("report_builds").where("id", "=", buildId).execute().catch(() => {});
    throw error;
  }
}

/** Live builds superseded long enough ago that no download can still be reading them. */
async function deleteSupersededBuilds(db: Db, consultationId: string): Promise<void> {
  const keepFrom = await db
    .selectFrom("report_builds")
    .select("id")
    .where("consultation_id", "=", consultationId)
    .where("kind", "=", "live")
    .where("completed_at", "<", new Date(Date.now() - KEEP_SUPERSEDED_MS))
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  await db
    .deleteFrom("report_builds")
    .where("consultation_id", "=", consultationId)
    .where("kind", "=", "live")
    .where((eb) =>
      eb.or([
        ...(keepFrom ? [eb("id", "<", keepFrom.id)] : []),
        // A builder that died mid-way.
        eb.and([eb("completed_at", "is", null), eb("started_at", "<", new Date(Date.now() - 2 * LEASE_SECONDS * 1000))]),
      ]),
    )
    .execute();
}

// ---- pages and streams ------------------------------------------------------------------

/** Items after the filters, counted from the build's figures (no scan). */
export function filteredTotal(head: ReportHead, filters: ReportFilters): number {
  const row: { comments: number; hidden: number; byStatus: Record<string, number> } | undefined =
    filters.article === ""
      ? { comments: head.summary.comments, hidden: head.summary.hidden + head.summary.withdrawn, byStatus: head.summary.byStatus }
      : (() => {
          const a = head.articles.find((x) => (filters.article === "general" ? x.key === null : x.key === filters.article));
          return a ? { comments: a.comments, hidden: a.hidden, byStatus: a } : undefined;
        })();
  if (!row) return 0;
  if (filters.status === "") return row.comments;
  if (filters.status === "hidden") return row.hidden;
  return (statusKeys as readonly string[]).includes(filters.status) ? row.byStatus[filters.status] : 0;
}

/** One page (1-based, `pageSize` items) of a build's items after the filters. */
export async function buildItemsPage(db: Db, buildId: string, filters: ReportFilters, page: number, pageSize: number): Promise<ReportItem[]> {
  let query = db.selectFrom("report_build_items").select("item").where("build_id", "=", buildId);
  if (!filters.status && !filters.article) {
    // Positions are 1…n without gaps: a page is a range of the primary key.
    query = query.where("position", ">", (page - 1) * pageSize).where("position", "<=", page * pageSize);
  } else {
    if (filters.status) query = query.where("status_key", "=", filters.status);
    if (filters.article === "general") query = query.where("article_key", "is", null);
    else if (filters.article) query = query.where("article_key", "=", filters.article);
    query = query.offset((page - 1) * pageSize);
  }
  const rows = await query.orderBy("position").limit(pageSize).execute();
  return rows.map((r) => (typeof r.item === "string" ? JSON.parse(r.item) : r.item) as ReportItem);
}

/**
 * A build's items in order, `batchSize` at a time (keyset on position: constant memory however
 * many there are). Throws if the build disappeared mid-way rather than end a download short.
 */
export async function* buildItemBatches(db: Db, build: Pick<StoredReport, "id" | "items">, batchSize = 1000): AsyncGenerator<ReportItem[]> {
  let after = 0;
  let seen = 0;
  for (;;) {
    const rows = await db.selectFrom("report_build_items").select(["position", "item"]).where("build_id", "=", build.id).where("position", ">", after).orderBy("position").limit(batchSize).execute();
    if (!rows.length) break;
    seen += rows.length;
    after = rows[rows.length - 1].position;
    yield rows.map((r) => (typeof r.item === "string" ? JSON.parse(r.item) : r.item) as ReportItem);
    if (rows.length < batchSize) break;
    await yieldToEventLoop();
  }
  if (seen !== build.items) throw new Error(`report build ${build.id} ended after ${seen} of ${build.items} items (superseded and removed)`);
}

/** Every item of a build (the PDF prints them all). */
export async function allBuildItems(db: Db, build: Pick<StoredReport, "id" | "items">): Promise<ReportItem[]> {
  const out: ReportItem[] = [];
  for await (const batch of buildItemBatches(db, build)) out.push(...batch);
  return out;
}

// ---- the worker's view ------------------------------------------------------------------

export interface StaleReport {
  consultationId: string;
  /** The counter now. */
  seq: string;
  /** The latest build: when it completed (null: none). */
  builtAt: Date | null;
}

/** Published consultations whose latest live build is missing, stale or of an older format. */
export async function staleReports(db: Db): Promise<StaleReport[]> {
  const { rows } = await sql<{ id: string; seq: string; completed_at: Date | null }>`
    select c.id, coalesce(cc.seq::text, '0') as seq, b.completed_at
    from consultations c
    left join change_counters cc on cc.scope = 'c:' || c.id::text
    left join lateral (
      select valid_seq, fingerprint, completed_at from report_builds
      where consultation_id = c.id and kind = 'live' and completed_at is not null
      order by id desc limit 1) b on true
    where c.published_at is not null
      and (b.completed_at is null or b.valid_seq is distinct from coalesce(cc.seq::text, '0') or b.fingerprint not like ${`${REPORT_BUILD_FORMAT}:%`})
    order by b.completed_at nulls first, c.id`.execute(db);
  return rows.map((r) => ({ consultationId: r.id, seq: r.seq, builtAt: r.completed_at ? new Date(r.completed_at) : null }));
}

// ---- published revisions ------------------------------------------------------------------

export interface PublishedRevision {
  revision: RevisionInfo;
  report: StoredReport;
  history: RevisionInfo[];
}

/** A published revision (the latest, or the one asked for) as stored, without reading its items. */
export async function findPublishedRevision(db: Db, consultationId: string, revision?: number): Promise<PublishedRevision | undefined> {
  const history = await listRevisions(db, consultationId);
  const wanted = revision === undefined ? history[0] : history.find((h) => h.revision === revision);
  if (!wanted) return undefined;
  const report = await revisionBuild(db, consultationId, wanted.revision);
  if (!report) throw new Error(`revision ${wanted.revision} of consultation ${consultationId} has no stored build`);
  return { revision: wanted, report, history };
}
