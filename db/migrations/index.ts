/**
 * Every migration, in order. Listed explicitly (no folder scanning) so the Remix bundle and
 * tsx scripts see the same set. Names are ISO-dated: YYYY-MM-DDTHHMM_what.
 */
import type { Migration } from "kysely/migration";
import * as foundation from "./2026-12-01T1800_foundation";
import * as documentsAnnotations from "./2026-12-01T1900_documents_annotations";
import * as responsesReports from "./2026-12-01T1910_responses_reports";
import * as search from "./2026-12-01T1920_search";
import * as lotsPlan from "./2026-12-01T1930_lots_plan";
import * as security from "./2026-12-01T1940_security";
import * as searchAnswers from "./2026-12-01T2000_search_answers";
import * as draftPageIndexes from "./2026-12-01T2100_draft_page_indexes";
import * as changeCounters from "./2026-12-03T0900_change_counters";
import * as counters from "./2026-12-03T1000_counters";
import * as reportBuilds from "./2026-12-03T1100_report_builds";
import * as searchBudget from "./2026-12-03T1200_search_budget";

export const migrations: Record<string, Migration> = {
  "2026-12-01T1800_foundation": foundation,
  "2026-12-01T1900_documents_annotations": documentsAnnotations,
  "2026-12-01T1910_responses_reports": responsesReports,
  "2026-12-01T1920_search": search,
  "2026-12-01T1930_lots_plan": lotsPlan,
  "2026-12-01T1940_security": security,
  "2026-12-01T2000_search_answers": searchAnswers,
  "2026-12-01T2100_draft_page_indexes": draftPageIndexes,
  "2026-12-03T0900_change_counters": changeCounters,
  "2026-12-03T1000_counters": counters,
  "2026-12-03T1100_report_builds": reportBuilds,
  "2026-12-03T1200_search_budget": searchBudget,
};
