/**
 * The maintained counters of a consultation and of its blocks (ADR 0061): kept by triggers in the
 * transaction of every write (migration 2026-12-03T1000 says exactly what each counts), so a
 * page reads a row instead of counting thousands. A missing row means zeros.
 */
import type { Db } from "~db/database.server";
import type { ResponseStatus } from "~db/schema";
import { consultationScope, derivedScope } from "~/modules/changes/changes.server";

export interface ConsultationCounters {
  /** Every comment: replies, hidden and withdrawn ones included. */
  comments: number;
  /** Visible comments, replies included. */
  visible: number;
  hidden: number;
  withdrawn: number;
  /** Top-level comments on the whole draft (every status), and all its comments with replies. */
  generalTopLevel: number;
  generalComments: number;
  /** Visible comments by the status of their published answer; `unanswered`: the other visible ones. */
  byStatus: Record<ResponseStatus | "unanswered", number>;
  /** Distinct authors and organisations of any comment. */
  participants: number;
  organizations: number;
  reportRevisions: number;
}

export async function consultationCounters(db: Db, consultationId: string): Promise<ConsultationCounters> {
  const row = await db.selectFrom("consultation_stats").selectAll().where("consultation_id", "=", consultationId).executeTakeFirst();
  const answered = { accepted: row?.answered_accepted ?? 0, partially_accepted: row?.answered_partially_accepted ?? 0, not_accepted: row?.answered_not_accepted ?? 0, noted: row?.answered_noted ?? 0 };
  const visible = row?.visible ?? 0;
  return {
    comments: row?.comments ?? 0,
    visible,
    hidden: row?.hidden ?? 0,
    withdrawn: row?.withdrawn ?? 0,
    generalTopLevel: row?.general_top_level ?? 0,
    generalComments: row?.general_comments ?? 0,
    byStatus: { ...answered, unanswered: visible - answered.accepted - answered.partially_accepted - answered.not_accepted - answered.noted },
    participants: row?.participants ?? 0,
    organizations: row?.organizations ?? 0,
    reportRevisions: row?.report_revisions ?? 0,
  };
}

/**
 * The change number of each block's draft-page thread (its comments, replies, supports,
 * published answers, carried annotations): a new value whenever any of it changes, "0" for a
 * block nobody commented on. Made to key a cache of rendered threads.
 */
export async function blockThreadSeqs(db: Db, versionId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom("block_stats").select(["block_id", "seq"]).where("version_id", "=", versionId).execute();
  return new Map(rows.map((r) => [r.block_id, String(r.seq)]));
}

export interface BlockCounters {
  /** The thread's change number ("0": nobody commented). */
  seq: string;
  /** Top-level comments the draft page places on the block (any status), the visible ones, the visible annotations. */
  total: number;
  visible: number;
  annotations: number;
}

/** Every block's counters of a version, by block id (blocks nobody commented on are absent). */
export async function versionBlockCounters(db: Db, versionId: string): Promise<Map<string, BlockCounters>> {
  const rows = await db.selectFrom("block_stats").select(["block_id", "seq", "placed_total", "placed_visible", "placed_annotations"]).where("version_id", "=", versionId).execute();
  return new Map(rows.map((r) => [r.block_id, { seq: String(r.seq), total: r.placed_total, visible: r.placed_visible, annotations: r.placed_annotations }]));
}

/**
 * What a thread page needs of the counters, in one round trip (ADR 0061): how many comments the
 * thread lists (replies and every status included: hidden and withdrawn ones are placeholders), and the change
 * number of everything it lists — the block's thread seq (or, for the comments on the whole
 * draft, the consultation's change counter) and the counter of the consultation's derived state
 * (similar-comment groups). The change number is made to key a cache of rendered pages.
 */
export async function threadState(db: Db, consultationId: string, blockId: string | null): Promise<{ total: number; changes: string }> {
  const row = await db
    .selectNoFrom((eb) => [
      (blockId
        ? eb.selectFrom("block_stats").select("own_comments").where("block_id", "=", blockId).where("consultation_id", "=", consultationId)
        : eb.selectFrom("consultation_stats").select("general_comments").where("consultation_id", "=", consultationId)
      ).as("total"),
      (blockId
        ? eb.selectFrom("block_stats").select("seq").where("block_id", "=", blockId)
        : eb.selectFrom("change_counters").select("seq").where("scope", "=", consultationScope(consultationId))
      ).as("own"),
      eb.selectFrom("change_counters").select("seq").where("scope", "=", derivedScope(consultationId)).as("derived"),
    ])
    .executeTakeFirstOrThrow();
  return { total: Number(row.total ?? 0), changes: `${row.own ?? 0}.${row.derived ?? 0}` };
}
