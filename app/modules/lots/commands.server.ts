import { sql } from "kysely";
import type { Db } from "~db/database.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { enqueueOutbox } from "~/modules/outbox/outbox.server";
import { anchorsOf } from "./anchors.server";
import type { FeedbackData, LotData } from "./lot.schema";
import { anchorKinds, listLots, respondentKeyOf } from "./queries.server";

export type SaveLotError = "errors.consultation_published" | "errors.code_taken" | "errors.not_lot_specification" | "errors.lot_not_found";
export type SaveLotResult = { ok: true; code: string } | { ok: false; error: SaveLotError };

async function lockEditable(trx: Db, consultationId: string): Promise<SaveLotError | null> {
  const c = await trx.selectFrom("consultations").select(["type", "published_at"]).where("id", "=", consultationId).forUpdate().executeTakeFirstOrThrow();
  if (c.published_at) return "errors.consultation_published";
  if (c.type !== "lot_specification") return "errors.not_lot_specification";
  return null;
}

/** Inserts or replaces the rows of one lot; callers own the transaction and the checks (the demo seed uses it directly). */
export async function writeLot(trx: Db, consultationId: string, lot: LotData, actorId: string | null, existingId: string | null): Promise<void> {
  const values = {
    code: lot.code,
    title: JSON.stringify(lot.title),
    problem: JSON.stringify(lot.problem),
    target_group: JSON.stringify(lot.targetGroup),
    regions: JSON.stringify(lot.regions),
    duration_months: lot.durationMonths,
    grant_type: lot.grantType,
    amount_kzt: lot.amountKzt,
    funding_year: lot.fundingYear,
    terms_of_reference: JSON.stringify(lot.termsOfReference),
    eligibility: JSON.stringify(lot.eligibility),
  };
  let lotId: string;
  if (existingId) {
    lotId = existingId;
    await trx.updateTable("lots").set({ ...values, updated_at: new Date() }).where("id", "=", lotId).execute();
    await trx.deleteFrom("lot_indicators").where("lot_id", "=", lotId).execute();
    await trx.deleteFrom("lot_budget_lines").where("lot_id", "=", lotId).execute();
  } else {
    const last = await trx.selectFrom("lots").select(sql<number>`coalesce(max(position), 0)`.as("p")).where("consultation_id", "=", consultationId).executeTakeFirstOrThrow();
    lotId = (await trx.insertInto("lots").values({ ...values, consultation_id: consultationId, position: Number(last.p) + 1, created_by: actorId }).returning("id").executeTakeFirstOrThrow()).id;
  }
  if (lot.indicators.length) {
    await trx
      .insertInto("lot_indicators")
      .values(lot.indicators.map((i, n) => ({ lot_id: lotId, position: n + 1, text: JSON.stringify(i.text), unit: JSON.stringify(i.unit), target_value: i.targetValue })))
      .execute();
  }
  if (lot.budgetLines.length) {
    await trx
      .insertInto("lot_budget_lines")
      .values(
        lot.budgetLines.map((b, n) => ({
          lot_id: lotId,
          position: n + 1,
          item: JSON.stringify(b.item),
          unit: JSON.stringify(b.unit),
          quantity: b.quantity,
          unit_cost_kzt: b.unitCostKzt,
          total_kzt: b.totalKzt,
        })),
      )
      .execute();
  }
}

/**
 * Creates a lot, or replaces the lot `originalCode` (an edit may change the code). Only while the
 * consultation is unpublished: what the public commented on never changes under its comments.
 */
export async function saveLot(db: Db, input: { consultationId: string; lot: LotData; originalCode: string | null; actorId: string }): Promise<SaveLotResult> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockEditable(trx, input.consultationId);
    if (locked) return { ok: false, error: locked } as const;
    const existing = input.originalCode
      ? await trx.selectFrom("lots").select("id").where("consultation_id", "=", input.consultationId).where("code", "=", input.originalCode).executeTakeFirst()
      : undefined;
    if (input.originalCode && !existing) return { ok: false, error: "errors.lot_not_found" } as const;
    const clash = await trx.selectFrom("lots").select("id").where("consultation_id", "=", input.consultationId).where("code", "=", input.lot.code).executeTakeFirst();
    if (clash && clash.id !== existing?.id) return { ok: false, error: "errors.code_taken" } as const;
    await writeLot(trx, input.consultationId, input.lot, input.actorId, existing?.id ?? null);
    await syncLotAnchors(trx, input.consultationId);
    await recordAudit(trx, { actorId: input.actorId, action: existing ? "lot.updated" : "lot.created", subject: `consultation:${input.consultationId}`, data: { code: input.lot.code } });
    await enqueueOutbox(trx, "lot.saved", { consultationId: input.consultationId, code: input.lot.code });
    return { ok: true, code: input.lot.code } as const;
  });
}

/** Imports lots from a spreadsheet in one transaction: a lot whose code exists is replaced. */
export async function importLots(db: Db, input: { consultationId: string; lots: LotData[]; actorId: string }): Promise<{ ok: true; created: number; replaced: number } | { ok: false; error: SaveLotError }> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockEditable(trx, input.consultationId);
    if (locked) return { ok: false, error: locked } as const;
    let created = 0;
    let replaced = 0;
    for (const lot of input.lots) {
      const existing = await trx.selectFrom("lots").select("id").where("consultation_id", "=", input.consultationId).where("code", "=", lot.code).executeTakeFirst();
      await writeLot(trx, input.consultationId, lot, input.actorId, existing?.id ?? null);
      if (existing) replaced++;
      else created++;
    }
    await syncLotAnchors(trx, input.consultationId);
    await recordAudit(trx, { actorId: input.actorId, action: "lot.imported", subject: `consultation:${input.consultationId}`, data: { codes: input.lots.map((l) => l.code) } });
    await enqueueOutbox(trx, "lot.saved", { consultationId: input.consultationId, codes: input.lots.map((l) => l.code) });
    return { ok: true, created, replaced } as const;
  });
}

export async function deleteLot(db: Db, input: { consultationId: string; code: string; actorId: string }): Promise<{ ok: true } | { ok: false; error: SaveLotError }> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockEditable(trx, input.consultationId);
    if (locked) return { ok: false, error: locked } as const;
    const deleted = await trx.deleteFrom("lots").where("consultation_id", "=", input.consultationId).where("code", "=", input.code).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) return { ok: false, error: "errors.lot_not_found" } as const;
    await syncLotAnchors(trx, input.consultationId);
    await recordAudit(trx, { actorId: input.actorId, action: "lot.deleted", subject: `consultation:${input.consultationId}`, data: { code: input.code } });
    return { ok: true } as const;
  });
}

/**
 * Makes the anchor blocks of every lot exist in the version readers comment on: the latest
 * published version, or (before publication) the latest draft version, created if there is
 * none so that a lot-only consultation can be published. A draft's anchors are rewritten; a
 * published version only gains missing ones (idempotent: safe to call from a page load).
 */
export async function syncLotAnchors(db: Db, consultationId: string): Promise<string | null> {
  const lots = await listLots(db, consultationId);
  const published = await db
    .selectFrom("document_versions")
    .select(["id"])
    .where("consultation_id", "=", consultationId)
    .where("published_at", "is not", null)
    .orderBy("number", "desc")
    .limit(1)
    .executeTakeFirst();
  const anchors = lots.flatMap((lot) => anchorsOf(lot, lot.position));
  let versionId: string;
  if (published) {
    versionId = published.id;
  } else {
    const draft = await db.selectFrom("document_versions").select("id").where("consultation_id", "=", consultationId).orderBy("number", "desc").limit(1).executeTakeFirst();
    if (!draft && anchors.length === 0) return null;
    versionId = draft?.id ?? (await db.insertInto("document_versions").values({ consultation_id: consultationId, number: 1 }).returning("id").executeTakeFirstOrThrow()).id;
    // Nobody comments on an unpublished version, so its anchors can simply be rebuilt.
    await db.deleteFrom("blocks").where("version_id", "=", versionId).where("kind", "in", anchorKinds).execute();
  }
  if (anchors.length) {
    await db
      .insertInto("blocks")
      .values(anchors.map((a) => ({ version_id: versionId, position: a.position, lineage_key: a.key, kind: a.kind, label: JSON.stringify(a.label), text: JSON.stringify(a.text) })))
      .onConflict((oc) => oc.columns(["version_id", "lineage_key"]).doNothing())
      .execute();
  }
  return versionId;
}

export type FeedbackError = "errors.consultation_planned" | "errors.consultation_closed" | "errors.lot_not_found";
export type FeedbackResult = { ok: true; id: string; revision: number } | { ok: false; error: FeedbackError };

/**
 * Stores the structured answer of the user's organisation (or of the user, without one) on a
 * lot while the consultation is open. A second answer revises the first; the replaced answer
 * is kept in lot_feedback_revisions with who wrote it and when.
 */
export async function submitFeedback(
  db: Db,
  input: { lotId: string; user: { id: string; organizationId: string | null }; feedback: FeedbackData },
): Promise<FeedbackResult> {
  return db.transaction().execute(async (trx) => {
    const lot = await trx
      .selectFrom("lots as l")
      .innerJoin("consultations as c", "c.id", "l.consultation_id")
      .select(["l.id", sql<boolean>`now() < c.opens_at`.as("before"), sql<boolean>`now() >= c.closes_at or c.report_published_at is not null`.as("after")])
      .where("l.id", "=", input.lotId)
      .where("c.published_at", "is not", null)
      .executeTakeFirst();
    if (!lot) return { ok: false, error: "errors.lot_not_found" } as const;
    if (lot.before) return { ok: false, error: "errors.consultation_planned" } as const;
    if (lot.after) return { ok: false, error: "errors.consultation_closed" } as const;
    const f = input.feedback;
    const values = {
      author_id: input.user.id,
      organization_id: input.user.organizationId,
      funding: f.funding,
      proposed_amount_kzt: f.proposedAmountKzt,
      duration: f.duration,
      would_apply: f.wouldApply,
      indicator_feasibility: JSON.stringify(f.indicatorFeasibility),
      note: f.note,
    };
    const key = respondentKeyOf(input.user);
    const inserted = await trx
      .insertInto("lot_feedback")
      .values({ ...values, lot_id: input.lotId, respondent_key: key })
      .onConflict((oc) => oc.columns(["lot_id", "respondent_key"]).doNothing())
      .returning(["id", "revision"])
      .executeTakeFirst();
    if (inserted) {
      await enqueueOutbox(trx, "lot_feedback.saved", { feedbackId: inserted.id, revision: 1 });
      return { ok: true, id: inserted.id, revision: 1 } as const;
    }
    const old = await trx.selectFrom("lot_feedback").selectAll().where("lot_id", "=", input.lotId).where("respondent_key", "=", key).forUpdate().executeTakeFirstOrThrow();
    await trx
      .insertInto("lot_feedback_revisions")
      .values({
        feedback_id: old.id,
        revision: old.revision,
        author_id: old.author_id,
        written_at: old.updated_at,
        data: JSON.stringify({
          funding: old.funding,
          proposedAmountKzt: old.proposed_amount_kzt === null ? null : Number(old.proposed_amount_kzt),
          duration: old.duration,
          wouldApply: old.would_apply,
          indicatorFeasibility: old.indicator_feasibility,
          note: old.note,
        }),
      })
      .execute();
    const revision = old.revision + 1;
    await trx.updateTable("lot_feedback").set({ ...values, revision, updated_at: new Date() }).where("id", "=", old.id).execute();
    await enqueueOutbox(trx, "lot_feedback.saved", { feedbackId: old.id, revision });
    return { ok: true, id: old.id, revision } as const;
  });
}
