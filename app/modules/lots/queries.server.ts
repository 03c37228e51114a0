import type { Db } from "~db/database.server";
import type { DurationAssessment, Feasibility, FundingAssessment, GrantType, Localized, WouldApply } from "~db/schema";
import type { LotData, RegionCode } from "./lot.schema";
import { summarizeLot, type FeedbackForSummary, type LotSummary } from "./summary";

export const anchorKinds = ["lot_field", "indicator", "budget_line"] as const;

export interface LotView extends Omit<LotData, "indicators" | "budgetLines"> {
  id: string;
  position: number;
  indicators: (LotData["indicators"][number] & { id: string; position: number })[];
  budgetLines: (LotData["budgetLines"][number] & { id: string; position: number })[];
}

/** Every lot of a consultation with its indicators and budget lines, in order. */
export async function listLots(db: Db, consultationId: string, code?: string): Promise<LotView[]> {
  let query = db.selectFrom("lots").selectAll().where("consultation_id", "=", consultationId);
  if (code !== undefined) query = query.where("code", "=", code);
  const lots = await query.orderBy("position").execute();
  if (lots.length === 0) return [];
  const ids = lots.map((l) => l.id);
  const [indicators, lines] = await Promise.all([
    db.selectFrom("lot_indicators").selectAll().where("lot_id", "in", ids).orderBy("position").execute(),
    db.selectFrom("lot_budget_lines").selectAll().where("lot_id", "in", ids).orderBy("position").execute(),
  ]);
  return lots.map((l) => ({
    id: l.id,
    position: l.position,
    code: l.code,
    title: l.title,
    problem: l.problem,
    targetGroup: l.target_group,
    regions: l.regions as RegionCode[],
    durationMonths: l.duration_months,
    grantType: l.grant_type as GrantType,
    amountKzt: Number(l.amount_kzt),
    fundingYear: l.funding_year,
    termsOfReference: l.terms_of_reference,
    eligibility: l.eligibility,
    indicators: indicators
      .filter((i) => i.lot_id === l.id)
      .map((i) => ({ id: i.id, position: i.position, text: i.text, unit: i.unit, targetValue: Number(i.target_value) })),
    budgetLines: lines
      .filter((b) => b.lot_id === l.id)
      .map((b) => ({ id: b.id, position: b.position, item: b.item, unit: b.unit, quantity: Number(b.quantity), unitCostKzt: Number(b.unit_cost_kzt), totalKzt: Number(b.total_kzt) })),
  }));
}

export async function findLot(db: Db, consultationId: string, code: string): Promise<LotView | undefined> {
  if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/.test(code)) return undefined;
  return (await listLots(db, consultationId, code))[0];
}

/** The anchor blocks of the lots in one version: lineage key → block id and visible comments (replies included). */
export async function lotAnchors(db: Db, versionId: string): Promise<Map<string, { id: string; comments: number }>> {
  const rows = await db
    .selectFrom("blocks as b")
    // Counted by triggers (ADR 0061); a block nobody commented on has no row.
    .leftJoin("block_stats as bs", "bs.block_id", "b.id")
    .select(["b.id", "b.lineage_key", "bs.own_visible as n"])
    .where("b.version_id", "=", versionId)
    .where("b.kind", "in", anchorKinds)
    .execute();
  return new Map(rows.map((r) => [r.lineage_key, { id: r.id, comments: r.n ?? 0 }]));
}

/** Visible comments per anchor lineage key over every version (a lot's line keeps its comments across versions). */
export async function anchorCommentCounts(db: Db, consultationId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("block_stats as bs")
    .innerJoin("blocks as b", "b.id", "bs.block_id")
    .select(["b.lineage_key", (eb) => eb.fn.sum<string>("bs.own_visible").as("n")])
    .where("bs.consultation_id", "=", consultationId)
    .where("b.kind", "in", anchorKinds)
    .groupBy("b.lineage_key")
    .execute();
  return new Map(rows.filter((r) => Number(r.n) > 0).map((r) => [r.lineage_key, Number(r.n)]));
}

export interface FeedbackView extends FeedbackForSummary {
  lotId: string;
  respondentKey: string;
  authorId: string;
  authorName: string;
  organizationName: Localized | null;
  proposedAmountKzt: number | null;
  note: string | null;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

export async function listFeedback(db: Db, lotIds: string[]): Promise<FeedbackView[]> {
  if (lotIds.length === 0) return [];
  const rows = await db
    .selectFrom("lot_feedback as f")
    .innerJoin("users as u", "u.id", "f.author_id")
    .leftJoin("organizations as o", "o.id", "f.organization_id")
    .select([
      "f.id", "f.lot_id", "f.respondent_key", "f.organization_id", "f.author_id", "f.funding", "f.proposed_amount_kzt", "f.duration", "f.would_apply",
      "f.indicator_feasibility", "f.note", "f.revision", "f.created_at", "f.updated_at", "u.name as author_name", "o.name as org_name",
    ])
    .where("f.lot_id", "in", lotIds)
    .orderBy("f.created_at")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    lotId: r.lot_id,
    respondentKey: r.respondent_key,
    organizationId: r.organization_id,
    authorId: r.author_id,
    authorName: r.author_name,
    organizationName: r.org_name,
    funding: r.funding as FundingAssessment,
    proposedAmountKzt: r.proposed_amount_kzt === null ? null : Number(r.proposed_amount_kzt),
    duration: r.duration as DurationAssessment | null,
    wouldApply: r.would_apply as WouldApply | null,
    indicatorFeasibility: r.indicator_feasibility as Record<string, Feasibility>,
    note: r.note,
    revision: r.revision,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  }));
}

/** Earlier answers of one feedback, newest first. */
export async function listFeedbackRevisions(db: Db, feedbackId: string) {
  const rows = await db
    .selectFrom("lot_feedback_revisions as r")
    .innerJoin("users as u", "u.id", "r.author_id")
    .select(["r.revision", "r.data", "r.written_at", "r.replaced_at", "u.name as author_name"])
    .where("r.feedback_id", "=", feedbackId)
    .orderBy("r.revision", "desc")
    .execute();
  return rows.map((r) => ({ revision: r.revision, data: r.data, writtenAt: new Date(r.written_at), replacedAt: new Date(r.replaced_at), authorName: r.author_name }));
}

export const respondentKeyOf = (user: { id: string; organizationId: string | null }) => (user.organizationId ? `org:${user.organizationId}` : `user:${user.id}`);

export function budgetLineKey(code: string, position: number) {
  return `lot:${code}:budget:${position}`;
}

export interface LotFeedbackSummary {
  lot: LotView;
  summary: LotSummary;
  /**
   * Each structured answer, for the report. `answer` is the body's official answer to it: null
   * until a responses module exists (hook: fill it from the responses table by feedback id).
   */
  feedback: (FeedbackView & { answer: null | { status: string; text: Localized } })[];
}

/** The lots of a consultation with their feedback summaries: the report's lot section and the open data. */
export async function getLotFeedbackSummaries(db: Db, consultationId: string, lots?: LotView[]): Promise<LotFeedbackSummary[]> {
  const all = lots ?? (await listLots(db, consultationId));
  if (all.length === 0) return [];
  const [feedback, counts] = await Promise.all([listFeedback(db, all.map((l) => l.id)), anchorCommentCounts(db, consultationId)]);
  return all.map((lot) => {
    const mine = feedback.filter((f) => f.lotId === lot.id);
    return {
      lot,
      summary: summarizeLot(
        {
          code: lot.code,
          title: lot.title,
          amountKzt: lot.amountKzt,
          indicators: lot.indicators,
          budgetLines: lot.budgetLines.map((b) => ({ position: b.position, item: b.item, comments: counts.get(budgetLineKey(lot.code, b.position)) ?? 0 })),
        },
        mine,
      ),
      feedback: mine.map((f) => ({ ...f, answer: null })),
    };
  });
}
