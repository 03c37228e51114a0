/** What the sector says about a lot: pure aggregation of its structured feedback. */
import type { DurationAssessment, Feasibility, FundingAssessment, Localized, WouldApply } from "~db/schema";

export interface FeedbackForSummary {
  id: string;
  organizationId: string | null;
  funding: FundingAssessment;
  proposedAmountKzt: number | null;
  duration: DurationAssessment | null;
  wouldApply: WouldApply | null;
  indicatorFeasibility: Record<string, Feasibility>;
}

export interface LotSummary {
  code: string;
  title: Localized;
  amountKzt: number;
  respondents: number;
  organizations: number;
  funding: Record<FundingAssessment, number>;
  duration: Record<DurationAssessment | "unanswered", number>;
  proposed: { count: number; median: number | null; min: number | null; max: number | null; medianVsOffered: number | null };
  wouldApply: Record<WouldApply | "unanswered", number> & { share: number | null };
  indicators: { id: string; text: Localized; counts: Record<Feasibility, number> }[];
  /** Budget lines with the most visible comments (all versions), most first; at most five. */
  mostCommentedBudgetLines: { position: number; item: Localized; comments: number }[];
}

/** The median of whole-tenge amounts (mean of the two middle ones, rounded, for an even count). */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

export function summarizeLot(
  lot: { code: string; title: Localized; amountKzt: number; indicators: { id: string; text: Localized }[]; budgetLines: { position: number; item: Localized; comments: number }[] },
  feedback: FeedbackForSummary[],
): LotSummary {
  const funding = { adequate: 0, insufficient: 0, excessive: 0 };
  const duration = { adequate: 0, too_short: 0, too_long: 0, unanswered: 0 };
  const wouldApply = { yes: 0, no: 0, unsure: 0, unanswered: 0 };
  const amounts: number[] = [];
  const orgs = new Set<string>();
  const indicators = lot.indicators.map((i) => ({ id: i.id, text: i.text, counts: { feasible: 0, unrealistic: 0, unclear: 0 } }));
  for (const f of feedback) {
    funding[f.funding]++;
    duration[f.duration ?? "unanswered"]++;
    wouldApply[f.wouldApply ?? "unanswered"]++;
    if (f.proposedAmountKzt !== null) amounts.push(f.proposedAmountKzt);
    if (f.organizationId) orgs.add(f.organizationId);
    for (const ind of indicators) {
      const answer = f.indicatorFeasibility[ind.id];
      if (answer) ind.counts[answer]++;
    }
  }
  const med = median(amounts);
  const answered = wouldApply.yes + wouldApply.no + wouldApply.unsure;
  return {
    code: lot.code,
    title: lot.title,
    amountKzt: lot.amountKzt,
    respondents: feedback.length,
    organizations: orgs.size,
    funding,
    duration,
    proposed: {
      count: amounts.length,
      median: med,
      min: amounts.length ? Math.min(...amounts) : null,
      max: amounts.length ? Math.max(...amounts) : null,
      medianVsOffered: med === null ? null : med - lot.amountKzt,
    },
    wouldApply: { ...wouldApply, share: answered ? wouldApply.yes / answered : null },
    indicators,
    mostCommentedBudgetLines: lot.budgetLines
      .filter((b) => b.comments > 0)
      .sort((a, b) => b.comments - a.comments || a.position - b.position)
      .slice(0, 5),
  };
}
