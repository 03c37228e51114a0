/**
 * Similar-comment groups stored in the database (ADR 0063) and kept up to date after each write
 * by the "similarity" outbox consumer (similarity-worker.server.ts): a comment post never does
 * similarity work. Readers (draft page, answer queue, report builds, exports) read stored groups.
 *
 * Each visible comment has a row in comment_similarity: its MinHash signature, the LSH buckets it
 * represents (rep_bands, one position and one B-tree index per band) and its group key. Adding comments follows the in-memory
 * SimilarityIndex exactly (GroupingDelta); taking one out (hidden, withdrawn, edited) regroups the
 * remaining members of its group. Per consultation, every change runs under a lock on its
 * similarity_state row, so two workers never interleave on one consultation.
 */
import { sql } from "kysely";
import type { Db } from "~db/database.server";
import { derivedScope } from "~/modules/changes/changes.server";
import { BANDS, bandKeys, GroupingDelta, SimilarityIndex, saltOf, signatureOf, type StoredMember } from "./similarity";

export interface SimilarGroups {
  /** comment id → its group's key (first comment) and size; only comments with look-alikes. */
  byComment: Map<string, { key: string; size: number }>;
}

const SIGNATURE_BYTES = 128 * 4;

function toBytes(signature: Uint32Array | null): Buffer | null {
  return signature ? Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength) : null;
}

function fromBytes(bytes: Uint8Array | null): Uint32Array | null {
  if (!bytes || bytes.byteLength !== SIGNATURE_BYTES) return null;
  // A copy: the driver's buffer may not be aligned for a Uint32Array view.
  return new Uint32Array(new Uint8Array(bytes).buffer);
}

/** The band a bucket key belongs to (0…31): bandKeys puts it above the 32-bit hash. */
function bandOf(key: number): number {
  return Math.floor(key / 0x100000000);
}

/** rep_bands as stored: position b + 1 holds band b's key, or NULL. */
function positionalBands(keys: number[]): string {
  const positions: (number | null)[] = Array.from({ length: BANDS }, () => null);
  for (const key of keys) positions[bandOf(key)] = key;
  return `{${positions.map((k) => (k === null ? "NULL" : String(k))).join(",")}}`;
}

export function orderKey(createdAt: Date | string, id: string): string {
  return `${new Date(createdAt).toISOString()}|${id}`;
}

/** Groups of the given comments (only those with look-alikes). */
export async function similarGroupsOf(db: Db, commentIds: string[]): Promise<Map<string, { key: string; size: number }>> {
  const out = new Map<string, { key: string; size: number }>();
  for (let i = 0; i < commentIds.length; i += 5000) {
    const rows = await db
      .selectFrom("comment_similarity as s")
      .innerJoin("similarity_groups as g", "g.group_key", "s.group_key")
      .select(["s.comment_id", "s.group_key", "g.size"])
      .where("s.comment_id", "in", commentIds.slice(i, i + 5000))
      .execute();
    for (const r of rows) out.set(r.comment_id, { key: r.group_key!, size: r.size });
  }
  return out;
}

/** Every grouped comment of a consultation. */
export async function loadSimilarGroups(db: Db, consultationId: string): Promise<SimilarGroups> {
  const rows = await db
    .selectFrom("similarity_groups as g")
    .innerJoin("comment_similarity as s", "s.group_key", "g.group_key")
    .select(["s.comment_id", "g.group_key", "g.size"])
    .where("g.consultation_id", "=", consultationId)
    .execute();
  return { byComment: new Map(rows.map((r) => [r.comment_id, { key: r.group_key, size: r.size }])) };
}

/** The given comments and every member of their groups (to answer a whole campaign at once). */
export async function membersOfGroups(db: Db, consultationId: string, commentIds: string[]): Promise<string[]> {
  const out = new Set(commentIds);
  if (!commentIds.length) return [];
  const rows = await db
    .selectFrom("comment_similarity as m")
    .select("m.comment_id")
    .where("m.consultation_id", "=", consultationId)
    .where("m.group_key", "in", (eb) =>
      eb.selectFrom("comment_similarity as s").select("s.group_key").where("s.comment_id", "in", commentIds).where("s.group_key", "is not", null).where("s.consultation_id", "=", consultationId),
    )
    .execute();
  for (const r of rows) out.add(r.comment_id);
  return [...out];
}

/** Whether every visible comment of the consultation had its similarity computed (catch-up done). */
export async function similarityComplete(db: Db, consultationId: string): Promise<boolean> {
  const row = await db.selectFrom("similarity_state").select("complete").where("consultation_id", "=", consultationId).executeTakeFirst();
  return !!row?.complete;
}

// ---------------------------------------------------------------------------------------------
// Changes. Each function below runs inside the caller's transaction, after lockConsultation.

interface CommentText {
  id: string;
  createdAt: Date;
  stamp: Date;
  body: string;
}

/** Runs `fn` in the caller's transaction, or in a new one. */
function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/** Takes the consultation's similarity lock (its state row) and returns the state. */
async function lockConsultation(trx: Db, consultationId: string) {
  await trx.insertInto("similarity_state").values({ consultation_id: consultationId }).onConflict((oc) => oc.column("consultation_id").doNothing()).execute();
  return trx.selectFrom("similarity_state").selectAll().where("consultation_id", "=", consultationId).forUpdate().executeTakeFirstOrThrow();
}

async function setGroupKeys(trx: Db, assignments: [string, string | null][], by: "comment_id" | "group_key") {
  for (let i = 0; i < assignments.length; i += 2000) {
    const chunk = assignments.slice(i, i + 2000);
    const values = sql.join(chunk.map(([id, key]) => sql`(${id}::uuid, ${key}::uuid)`));
    if (by === "comment_id") await sql`update comment_similarity s set group_key = v.k from (values ${values}) as v(id, k) where s.comment_id = v.id`.execute(trx);
    else await sql`update comment_similarity s set group_key = v.k from (values ${values}) as v(id, k) where s.group_key = v.id`.execute(trx);
  }
}

async function writeSizes(trx: Db, consultationId: string, sizes: Map<string, number>) {
  const entries = [...sizes];
  for (let i = 0; i < entries.length; i += 2000) {
    await trx
      .insertInto("similarity_groups")
      .values(entries.slice(i, i + 2000).map(([group_key, size]) => ({ group_key, consultation_id: consultationId, size })))
      .onConflict((oc) => oc.column("group_key").doUpdateSet((eb) => ({ size: eb.ref("excluded.size") })))
      .execute();
  }
}

/**
 * Takes comments out of the grouping. The remaining members of each group they were in are
 * regrouped among themselves (a member may have been the only link between two others).
 * Returns whether any group changed.
 */
async function removeMembers(trx: Db, consultationId: string, commentIds: string[]): Promise<boolean> {
  if (!commentIds.length) return false;
  const removed = await trx.deleteFrom("comment_similarity").where("comment_id", "in", commentIds).returning(["group_key"]).execute();
  const groups = [...new Set(removed.map((r) => r.group_key).filter((k): k is string => !!k))];
  for (const key of groups) {
    const members = await trx.selectFrom("comment_similarity").select(["comment_id", "signature"]).where("group_key", "=", key).orderBy("order_key").execute();
    await trx.deleteFrom("similarity_groups").where("group_key", "=", key).execute();
    const index = new SimilarityIndex();
    for (const m of members) index.add(m.comment_id, fromBytes(m.signature));
    const regrouped = index.groups();
    await setGroupKeys(trx, members.map((m) => [m.comment_id, regrouped.get(m.comment_id)?.key ?? null]), "comment_id");
    const sizes = new Map<string, number>();
    for (const g of regrouped.values()) sizes.set(g.key, g.size);
    await writeSizes(trx, consultationId, sizes);
  }
  return groups.length > 0;
}

/** Adds comments (oldest first) to the grouping. Returns whether any group changed. */
async function addMembers(trx: Db, consultationId: string, comments: CommentText[]): Promise<boolean> {
  if (!comments.length) return false;
  const salt = saltOf(consultationId);
  const sorted = comments.map((c) => ({ ...c, order: orderKey(c.createdAt, c.id), signature: signatureOf(c.body) })).sort((a, b) => (a.order < b.order ? -1 : 1));
  const delta = new GroupingDeltaLoader(salt);
  for (const c of sorted) if (c.signature) delta.want(c.signature);
  const representatives = await delta.load(trx, consultationId);
  const grouping = new GroupingDelta(representatives, { salt });
  for (const c of sorted) grouping.add(c.id, c.order, c.signature);
  const changes = grouping.changes();
  const stampOf = new Map(sorted.map((c) => [c.id, c.stamp]));
  for (let i = 0; i < changes.added.length; i += 500) {
    await trx
      .insertInto("comment_similarity")
      .values(
        changes.added.slice(i, i + 500).map((a) => ({
          comment_id: a.id,
          consultation_id: consultationId,
          order_key: a.order,
          stamp: stampOf.get(a.id)!,
          signature: toBytes(a.signature),
          rep_bands: positionalBands(a.bands),
          group_key: a.groupKey,
        })),
      )
      .execute();
  }
  if (changes.joined.size) await setGroupKeys(trx, [...changes.joined], "comment_id");
  if (changes.merged.size) {
    await setGroupKeys(trx, [...changes.merged], "group_key");
    await trx.deleteFrom("similarity_groups").where("group_key", "in", [...changes.merged.keys()]).execute();
  }
  await writeSizes(trx, consultationId, changes.sizes);
  return changes.sizes.size > 0 || changes.merged.size > 0;
}

/** Collects the bucket keys of the comments to add and loads their stored representatives. */
class GroupingDeltaLoader {
  private readonly keys = new Set<string>();
  constructor(private readonly salt: number) {}

  want(signature: Uint32Array) {
    for (const key of bandKeys(signature, this.salt)) this.keys.add(String(key));
  }

  async load(trx: Db, consultationId: string): Promise<StoredMember[]> {
    if (!this.keys.size) return [];
    // Per band, the members of the wanted buckets through that band's index; then those members.
    const byBand: string[][] = Array.from({ length: BANDS }, () => []);
    for (const key of this.keys) byBand[bandOf(Number(key))].push(key);
    const buckets: { band_key: string; comment_id: string }[] = [];
    // The planner cannot estimate `rep_bands[b] = any(<500 keys>)` (no statistics on the
    // expression) and picks a sequential scan of every consultation's rows: 85 ms a band instead
    // of 2 ms through the band's index. Only for these lookups, inside the worker's transaction.
    await sql`set local enable_seqscan = off`.execute(trx);
    for (let b = 0; b < BANDS; b++) {
      if (!byBand[b].length) continue;
      const position = sql.lit(b + 1);
      const found = await sql<{ band_key: string; comment_id: string }>`
        select rep_bands[${position}]::text as band_key, comment_id from comment_similarity
        where rep_bands[${position}] = any(${byBand[b]}::bigint[])`.execute(trx);
      buckets.push(...found.rows);
    }
    await sql`set local enable_seqscan = on`.execute(trx);
    if (!buckets.length) return [];
    const rows = await sql<{ comment_id: string; order_key: string; signature: Uint8Array | null; group_key: string | null; key_order: string | null; size: number | null; added: string }>`
      select s.comment_id, s.order_key, s.signature, s.group_key, k.order_key as key_order, g.size, s.added::text as added
      from comment_similarity s
      left join comment_similarity k on k.comment_id = s.group_key
      left join similarity_groups g on g.group_key = s.group_key
      where s.comment_id = any(${[...new Set(buckets.map((b) => b.comment_id))]}::uuid[]) and s.consultation_id = ${consultationId}`.execute(trx);
    const byId = new Map(rows.rows.map((r) => [r.comment_id, r]));
    const found = buckets.filter((b) => byId.has(b.comment_id)).map((b) => ({ ...byId.get(b.comment_id)!, band_key: b.band_key }));
    const members = new Map<string, StoredMember & { added: bigint }>();
    for (const r of found) {
      let m = members.get(r.comment_id);
      if (!m) {
        m = {
          id: r.comment_id,
          order: r.order_key,
          signature: fromBytes(r.signature),
          bands: [],
          group: r.group_key && r.size ? { key: r.group_key, order: r.key_order ?? r.order_key, size: Number(r.size) } : null,
          added: BigInt(r.added),
        };
        members.set(r.comment_id, m);
      }
      m.bands.push(Number(r.band_key));
    }
    // In arrival order, as the buckets list their members.
    return [...members.values()].sort((a, b) => (a.added < b.added ? -1 : 1));
  }
}

async function touch(trx: Db, consultationId: string) {
  // Group sizes are shown on the draft page and in the report: their pages must be re-rendered.
  await sql`select kenes_touch(array[${derivedScope(consultationId)}])`.execute(trx);
}

interface CommentState extends CommentText {
  visible: boolean;
  stored: boolean;
  current: boolean;
}

/** Applies the current state of the given comments of one consultation (already locked). */
async function applyStates(trx: Db, consultationId: string, states: CommentState[]): Promise<boolean> {
  // An edited text leaves (with its old signature) and comes back as a new arrival.
  const leaving = states.filter((s) => s.stored && (!s.visible || !s.current)).map((s) => s.id);
  const arriving = states.filter((s) => s.visible && (!s.stored || !s.current));
  const removedChanged = await removeMembers(trx, consultationId, leaving);
  const addedChanged = await addMembers(trx, consultationId, arriving);
  return removedChanged || addedChanged;
}

function commentStates(db: Db) {
  return db
    .selectFrom("comments as cm")
    .leftJoin("comment_similarity as s", "s.comment_id", "cm.id")
    .select([
      "cm.id",
      "cm.consultation_id",
      "cm.body",
      "cm.created_at",
      sql<Date>`coalesce(cm.edited_at, cm.created_at)`.as("stamp"),
      sql<boolean>`cm.status = 'visible'`.as("visible"),
      sql<boolean>`s.comment_id is not null`.as("stored"),
      sql<boolean>`s.stamp is not distinct from coalesce(cm.edited_at, cm.created_at)`.as("current"),
    ]);
}

function toState(r: { id: string; body: string; created_at: Date; stamp: Date; visible: boolean; stored: boolean; current: boolean }): CommentState {
  return { id: r.id, body: r.body, createdAt: new Date(r.created_at), stamp: new Date(r.stamp), visible: !!r.visible, stored: !!r.stored, current: !!r.current };
}

/**
 * Brings the stored grouping of the given comments up to date (what the outbox consumer does for
 * each comment.created / .updated / .removed). Consultations still catching up are left to the
 * catch-up, which adds comments in their order. Returns the consultations whose groups changed.
 */
export async function syncSimilarity(db: Db, commentIds: string[]): Promise<string[]> {
  const ids = [...new Set(commentIds)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (!ids.length) return [];
  const owners = await db.selectFrom("comments").select(["id", "consultation_id"]).where("id", "in", ids).execute();
  const byConsultation = new Map<string, string[]>();
  for (const o of owners) byConsultation.set(o.consultation_id, [...(byConsultation.get(o.consultation_id) ?? []), o.id]);
  const changed: string[] = [];
  for (const [consultationId, commentIdsOfOne] of byConsultation) {
    const didChange = await inTransaction(db, async (trx) => {
      const state = await lockConsultation(trx, consultationId);
      if (!state.complete) return false;
      const rows = await commentStates(trx).where("cm.id", "in", commentIdsOfOne).execute();
      const result = await applyStates(trx, consultationId, rows.map(toState));
      if (result) await touch(trx, consultationId);
      return result;
    });
    if (didChange) changed.push(consultationId);
  }
  return changed;
}

/**
 * One step of the catch-up for one consultation: first the comments after its cursor, oldest
 * first, `batchSize` at a time; then a check of every comment (edits, hidings and comments
 * committed behind the cursor while it ran) until nothing differs, which completes it.
 * Returns how many comments it handled (0: the consultation is complete).
 */
export async function catchUpConsultation(db: Db, consultationId: string, batchSize = 500): Promise<number> {
  return inTransaction(db, async (trx) => {
    const state = await lockConsultation(trx, consultationId);
    if (state.complete) return 0;
    const scanning = state.cursor_id !== FINISHED_CURSOR;
    let states: CommentState[];
    if (scanning) {
      let query = commentStates(trx)
        .where("cm.consultation_id", "=", consultationId)
        .where("cm.status", "=", "visible")
        .where((eb) => eb.or([eb("s.comment_id", "is", null), sql<boolean>`s.stamp is distinct from coalesce(cm.edited_at, cm.created_at)`]));
      if (state.cursor_at && state.cursor_id) {
        const at = new Date(state.cursor_at);
        const id = state.cursor_id;
        // A row comparison: the index (consultation_id, created_at, id) starts at the cursor.
        query = query.where(sql<boolean>`(cm.created_at, cm.id) > (${at}, ${id}::uuid)`);
      }
      const rows = await query.orderBy("cm.created_at").orderBy("cm.id").limit(batchSize).execute();
      states = rows.map(toState);
      const last = rows[rows.length - 1];
      await trx
        .updateTable("similarity_state")
        .set(rows.length < batchSize ? { cursor_at: null, cursor_id: FINISHED_CURSOR, updated_at: new Date() } : { cursor_at: new Date(last.created_at), cursor_id: last.id, updated_at: new Date() })
        .where("consultation_id", "=", consultationId)
        .execute();
    } else {
      // The check: stored rows of comments no longer visible or edited, and visible comments
      // without a current row.
      const stale = await commentStates(trx)
        .where("cm.consultation_id", "=", consultationId)
        .where((eb) =>
          eb.or([
            eb.and([eb("s.comment_id", "is not", null), eb.or([eb("cm.status", "<>", "visible"), sql<boolean>`s.stamp is distinct from coalesce(cm.edited_at, cm.created_at)`])]),
            eb.and([eb("s.comment_id", "is", null), eb("cm.status", "=", "visible")]),
          ]),
        )
        .orderBy("cm.created_at")
        .orderBy("cm.id")
        .limit(batchSize)
        .execute();
      states = stale.map(toState);
      if (!states.length) {
        await trx.updateTable("similarity_state").set({ complete: true, updated_at: new Date() }).where("consultation_id", "=", consultationId).execute();
        await touch(trx, consultationId);
        return 0;
      }
    }
    if (await applyStates(trx, consultationId, states)) await touch(trx, consultationId);
    // A scan step that found nothing still moved on (to the check): count it as work.
    return Math.max(states.length, 1);
  });
}

/** Marks the end of the ordered scan (the check follows). A nil UUID no comment can have. */
const FINISHED_CURSOR = "00000000-0000-0000-0000-000000000000";

/** A consultation whose similarity is not caught up yet (published first, then the rest). */
export async function nextConsultationToCatchUp(db: Db): Promise<string | undefined> {
  const row = await db
    .selectFrom("consultations as c")
    .leftJoin("similarity_state as s", "s.consultation_id", "c.id")
    .select("c.id")
    .where((eb) => eb.or([eb("s.complete", "is", null), eb("s.complete", "=", false)]))
    .orderBy(sql`c.published_at is null`)
    .orderBy("c.id")
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

/** Catches one consultation up completely (publishing a report, tests, REPORT_READ_MODE=current). */
export async function catchUpConsultationFully(db: Db, consultationId: string, batchSize = 500): Promise<void> {
  while ((await catchUpConsultation(db, consultationId, batchSize)) > 0);
}

/**
 * Makes one consultation's stored groups reflect every comment as it is now: the catch-up if it
 * is not complete, otherwise a check of every comment — for the moments that need exact groups
 * at once without waiting for the worker (freezing a report revision, REPORT_READ_MODE=current).
 * May run inside the caller's transaction; take the similarity lock before touching counters
 * (publishReport does this right after locking the consultation) so lock order stays the same.
 */
export async function reconcileSimilarity(db: Db, consultationId: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    await lockConsultation(trx, consultationId);
    await trx.updateTable("similarity_state").set({ complete: false, cursor_at: null, cursor_id: FINISHED_CURSOR }).where("consultation_id", "=", consultationId).where("complete", "=", true).execute();
  });
  await catchUpConsultationFully(db, consultationId);
}
