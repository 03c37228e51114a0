/** Lot data for pages and open data: plain JSON (no Dates), amounts as numbers of tenge. */
import type { LotSectionPayload } from "./lot-views";
import { amountInMci } from "./lot.schema";
import type { LotFeedbackSummary, LotView } from "./queries.server";

export function lotSectionPayload(s: LotFeedbackSummary, mciValues: Record<number, number>): LotSectionPayload {
  return {
    code: s.lot.code,
    title: s.lot.title,
    amountKzt: s.lot.amountKzt,
    amountMci: amountInMci(s.lot.amountKzt, s.lot.fundingYear, mciValues),
    summary: s.summary,
    feedback: s.feedback.map((f) => ({
      id: f.id,
      authorName: f.authorName,
      organizationName: f.organizationName,
      funding: f.funding,
      proposedAmountKzt: f.proposedAmountKzt,
      duration: f.duration,
      wouldApply: f.wouldApply,
      note: f.note,
      revision: f.revision,
      updatedAt: f.updatedAt.toISOString(),
      answer: f.answer,
    })),
  };
}

/** The `lots` field of GET /api/v1/consultations/{slug}: a public contract (add fields, never rename). */
export function lotJson(lot: LotView, s: LotFeedbackSummary | undefined, mciValues: Record<number, number>) {
  return {
    code: lot.code,
    title: lot.title,
    problem: lot.problem,
    targetGroup: lot.targetGroup,
    regions: lot.regions,
    grantType: lot.grantType,
    fundingYear: lot.fundingYear,
    amountKzt: lot.amountKzt,
    amountMci: amountInMci(lot.amountKzt, lot.fundingYear, mciValues),
    durationMonths: lot.durationMonths,
    termsOfReference: lot.termsOfReference,
    eligibility: lot.eligibility,
    indicators: lot.indicators.map((i) => ({ position: i.position, text: i.text, targetValue: i.targetValue, unit: i.unit })),
    budgetLines: lot.budgetLines.map((b) => ({ position: b.position, item: b.item, unit: b.unit, quantity: b.quantity, unitCostKzt: b.unitCostKzt, totalKzt: b.totalKzt })),
    feedbackSummary: s
      ? {
          respondents: s.summary.respondents,
          organizations: s.summary.organizations,
          funding: s.summary.funding,
          duration: s.summary.duration,
          proposedAmountKzt: s.summary.proposed,
          wouldApply: s.summary.wouldApply,
          indicators: s.summary.indicators.map((i, n) => ({ position: n + 1, counts: i.counts })),
          mostCommentedBudgetLines: s.summary.mostCommentedBudgetLines.map((b) => ({ position: b.position, comments: b.comments })),
        }
      : null,
  };
}
