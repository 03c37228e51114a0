/** View models of lots for pages and open data (plain JSON: no Dates); components import them from here. */
import type { Localized } from "~db/schema";
import type { LotSummary } from "./summary";

/** One structured answer as the report lists it; `answer` is the body's official answer (responses module). */
export interface FeedbackItemPayload {
  id: string;
  authorName: string;
  organizationName: Localized | null;
  funding: "adequate" | "insufficient" | "excessive";
  proposedAmountKzt: number | null;
  duration: string | null;
  wouldApply: string | null;
  note: string | null;
  revision: number;
  updatedAt: string;
  answer: null | { status: string; text: Localized };
}

export interface LotSectionPayload {
  code: string;
  title: Localized;
  amountKzt: number;
  amountMci: number | null;
  summary: LotSummary;
  feedback: FeedbackItemPayload[];
}
