/**
 * A grant lot as staff enter it (form, CSV or XLSX), checked by one pure function shared by
 * the browser and the server. Errors are message keys of the `lots` namespace, keyed by the
 * form field they belong to (indicator_2_target, budget_3_quantity, …), so the spreadsheet
 * import can map them back to its rows.
 */
import type { GrantType, Lang, Localized } from "~db/schema";

export const grantTypes = ["short_term", "medium_term", "long_term"] as const satisfies readonly GrantType[];

/** Months a grant of each type may last (Kazakhstan's rules: 3–12 months, 1–2 years, 2–3 years). */
export const grantTypeMonths: Record<GrantType, { min: number; max: number }> = {
  short_term: { min: 3, max: 12 },
  medium_term: { min: 12, max: 24 },
  long_term: { min: 24, max: 36 },
};

/** Kazakhstan's regions and cities of republican significance (2022 division), plus the whole country. */
export const regionCodes = [
  "national", "astana", "almaty_city", "shymkent", "abai", "akmola", "aktobe", "almaty_region", "atyrau", "east_kz", "zhambyl",
  "zhetisu", "west_kz", "karaganda", "kostanay", "kyzylorda", "mangystau", "pavlodar", "north_kz", "turkestan", "ulytau",
] as const;
export type RegionCode = (typeof regionCodes)[number];

/** A lot below 100 000 ₸ or above 5 billion ₸ is a typing error, not a social grant. */
export const MIN_AMOUNT_KZT = 100_000;
export const MAX_AMOUNT_KZT = 5_000_000_000;
export const MAX_INDICATORS = 50;
export const MAX_BUDGET_LINES = 200;

export const localizedLotFields = ["title", "problem", "target_group", "tor", "eligibility"] as const;
export type LocalizedLotField = (typeof localizedLotFields)[number];
const maxChars: Record<LocalizedLotField, number> = { title: 300, problem: 5000, target_group: 3000, tor: 50_000, eligibility: 10_000 };

export interface IndicatorData {
  text: Localized;
  targetValue: number;
  unit: Localized;
}

export interface BudgetLineData {
  item: Localized;
  unit: Localized;
  quantity: number;
  unitCostKzt: number;
  totalKzt: number;
}

export interface LotData {
  code: string;
  title: Localized;
  problem: Localized;
  targetGroup: Localized;
  regions: RegionCode[];
  durationMonths: number;
  grantType: GrantType;
  amountKzt: number;
  fundingYear: number;
  termsOfReference: Localized;
  eligibility: Localized;
  indicators: IndicatorData[];
  budgetLines: BudgetLineData[];
}

/** Form values: every field a string, as a form or a spreadsheet gives them. */
export type LotValues = Record<string, string>;
export type LotErrors = Record<string, string>;

export type LotValidation = { ok: true; lot: LotData } | { ok: false; errors: LotErrors; budgetTotal: number | null };

/** Whole tenge; accepts the grouping people type: "18 000 000", "18 000 000", "18,000,000". */
export function parseWholeNumber(raw: string): number | null {
  const s = raw.replace(/[\s\u00a0\u202f']/g, "");
  if (/^-?\d+$/.test(s)) return Number(s);
  if (/^-?\d{1,3}([.,]\d{3})+$/.test(s)) return Number(s.replace(/[.,]/g, ""));
  return null;
}

/** A quantity or target: decimal comma or point ("0,5", "12.5"), grouping spaces allowed. */
export function parseDecimal(raw: string): number | null {
  const s = raw.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

const indexes = (values: LotValues, prefix: "indicator" | "budget"): number[] => {
  const found = new Set<number>();
  for (const key of Object.keys(values)) {
    const m = new RegExp(`^${prefix}_(\\d+)_`).exec(key);
    if (m) found.add(Number(m[1]));
  }
  return [...found].sort((a, b) => a - b);
};

const isBlankRow = (values: LotValues, prefix: string): boolean =>
  Object.entries(values).every(([k, v]) => !k.startsWith(prefix) || v.trim() === "");

/** Checks a lot; the budget total must equal the amount to the tenge. */
export function validateLot(values: LotValues): LotValidation {
  const errors: LotErrors = {};
  const v = (key: string) => (values[key] ?? "").trim();
  const localized = (prefix: string, max: number, required = true): Localized => {
    const result = { kk: v(`${prefix}_kk`), ru: v(`${prefix}_ru`), en: v(`${prefix}_en`) };
    for (const lang of ["kk", "ru", "en"] as Lang[]) {
      if (result[lang].length > max) errors[`${prefix}_${lang}`] ??= "errors.too_long";
    }
    // Kazakh and Russian are the official languages: a lot is published in both.
    if (required) for (const lang of ["kk", "ru"] as Lang[]) if (result[lang] === "") errors[`${prefix}_${lang}`] ??= "errors.official_language_required";
    return result;
  };

  const code = v("code");
  if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/.test(code)) errors.code = "errors.code_invalid";
  const texts = Object.fromEntries(localizedLotFields.map((f) => [f, localized(f, maxChars[f])])) as Record<LocalizedLotField, Localized>;

  const regions = v("regions").split(/[;,\s]+/).filter(Boolean);
  if (regions.length === 0) errors.regions = "errors.regions_required";
  else if (regions.some((r) => !(regionCodes as readonly string[]).includes(r))) errors.regions = "errors.region_invalid";

  const grantType = v("grant_type") as GrantType;
  if (!(grantTypes as readonly string[]).includes(grantType)) errors.grant_type = "errors.grant_type_invalid";
  const duration = parseWholeNumber(v("duration_months"));
  if (duration === null || duration < 1 || duration > 60) errors.duration_months = "errors.duration_invalid";
  else if (!errors.grant_type) {
    const range = grantTypeMonths[grantType];
    if (duration < range.min || duration > range.max) errors.duration_months = "errors.duration_grant_type";
  }

  const amount = parseWholeNumber(v("amount_kzt"));
  if (v("amount_kzt") === "") errors.amount_kzt = "errors.required";
  else if (amount === null) errors.amount_kzt = /^-/.test(v("amount_kzt")) ? "errors.amount_negative" : "errors.amount_invalid";
  else if (amount < 0) errors.amount_kzt = "errors.amount_negative";
  else if (amount < MIN_AMOUNT_KZT || amount > MAX_AMOUNT_KZT) errors.amount_kzt = "errors.amount_absurd";

  const year = parseWholeNumber(v("funding_year"));
  if (year === null || year < 2020 || year > 2100) errors.funding_year = "errors.year_invalid";

  const indicators: IndicatorData[] = [];
  for (const i of indexes(values, "indicator")) {
    const p = `indicator_${i}`;
    if (isBlankRow(values, `${p}_`)) continue;
    const text = localized(`${p}_text`, 1000);
    const unit = localized(`${p}_unit`, 100);
    const target = parseDecimal(v(`${p}_target`));
    if (target === null || target < 0 || target > 1e9) errors[`${p}_target`] = "errors.target_invalid";
    indicators.push({ text, unit, targetValue: target ?? 0 });
  }
  if (indicators.length === 0) errors.indicators = "errors.indicators_required";
  if (indicators.length > MAX_INDICATORS) errors.indicators = "errors.too_many_rows";

  const budgetLines: BudgetLineData[] = [];
  let budgetTotal: number | null = 0;
  for (const i of indexes(values, "budget")) {
    const p = `budget_${i}`;
    if (isBlankRow(values, `${p}_`)) continue;
    const item = localized(`${p}_item`, 500);
    const unit = localized(`${p}_unit`, 100);
    const quantity = parseDecimal(v(`${p}_quantity`));
    const unitCost = parseWholeNumber(v(`${p}_unit_cost`));
    if (quantity === null || quantity <= 0 || quantity > 1e7) errors[`${p}_quantity`] = "errors.quantity_invalid";
    if (unitCost === null || unitCost < 0 || unitCost > MAX_AMOUNT_KZT) errors[`${p}_unit_cost`] = "errors.unit_cost_invalid";
    let total = quantity !== null && unitCost !== null ? Math.round(quantity * unitCost) : null;
    if (v(`${p}_total`) !== "") {
      const given = parseWholeNumber(v(`${p}_total`));
      if (given === null || given < 0) errors[`${p}_total`] = "errors.amount_invalid";
      else if (total !== null && given !== total) errors[`${p}_total`] = "errors.line_total_mismatch";
      else total = given;
    }
    if (total === null) budgetTotal = null;
    else if (budgetTotal !== null) budgetTotal += total;
    budgetLines.push({ item, unit, quantity: quantity ?? 0, unitCostKzt: unitCost ?? 0, totalKzt: total ?? 0 });
  }
  if (budgetLines.length === 0) errors.budget = "errors.budget_required";
  else if (budgetLines.length > MAX_BUDGET_LINES) errors.budget = "errors.too_many_rows";
  else if (budgetTotal !== null && amount !== null && !errors.amount_kzt && budgetTotal !== amount) errors.budget_total = "errors.budget_total_mismatch";

  if (Object.keys(errors).length) return { ok: false, errors, budgetTotal };
  return {
    ok: true,
    lot: {
      code,
      title: texts.title,
      problem: texts.problem,
      targetGroup: texts.target_group,
      regions: regions as RegionCode[],
      durationMonths: duration!,
      grantType,
      amountKzt: amount!,
      fundingYear: year!,
      termsOfReference: texts.tor,
      eligibility: texts.eligibility,
      indicators,
      budgetLines,
    },
  };
}

/** The form values of a stored lot (to edit it). */
export function lotToValues(lot: LotData): LotValues {
  const values: LotValues = { code: lot.code, regions: lot.regions.join(" "), duration_months: String(lot.durationMonths), grant_type: lot.grantType, amount_kzt: String(lot.amountKzt), funding_year: String(lot.fundingYear) };
  const put = (prefix: string, l: Localized) => {
    for (const lang of ["kk", "ru", "en"] as Lang[]) values[`${prefix}_${lang}`] = l[lang];
  };
  put("title", lot.title);
  put("problem", lot.problem);
  put("target_group", lot.targetGroup);
  put("tor", lot.termsOfReference);
  put("eligibility", lot.eligibility);
  lot.indicators.forEach((ind, i) => {
    put(`indicator_${i}_text`, ind.text);
    put(`indicator_${i}_unit`, ind.unit);
    values[`indicator_${i}_target`] = String(ind.targetValue);
  });
  lot.budgetLines.forEach((b, i) => {
    put(`budget_${i}_item`, b.item);
    put(`budget_${i}_unit`, b.unit);
    values[`budget_${i}_quantity`] = String(b.quantity);
    values[`budget_${i}_unit_cost`] = String(b.unitCostKzt);
    values[`budget_${i}_total`] = String(b.totalKzt);
  });
  return values;
}

/** The lot's amount in MCI (monthly calculation index) of its funding year, or null when that year's MCI is not configured. */
export function amountInMci(amountKzt: number, fundingYear: number, mciValues: Record<number, number>): number | null {
  const mci = mciValues[fundingYear];
  if (!mci) return null;
  return Math.round((amountKzt / mci) * 10) / 10;
}

// ----- Structured feedback -------------------------------------------------

export const fundingAssessments = ["adequate", "insufficient", "excessive"] as const;
export const durationAssessments = ["adequate", "too_short", "too_long"] as const;
export const wouldApplyAnswers = ["yes", "no", "unsure"] as const;
export const feasibilityAnswers = ["feasible", "unrealistic", "unclear"] as const;
export const FEEDBACK_NOTE_MAX = 3000;

export interface FeedbackData {
  funding: (typeof fundingAssessments)[number];
  proposedAmountKzt: number | null;
  duration: (typeof durationAssessments)[number] | null;
  wouldApply: (typeof wouldApplyAnswers)[number] | null;
  /** indicator id → answer */
  indicatorFeasibility: Record<string, (typeof feasibilityAnswers)[number]>;
  note: string | null;
}

/** Reads the feedback form: fields funding, proposedAmount, duration, wouldApply, feasibility_<indicatorId>, note. */
export function validateFeedback(values: LotValues, indicatorIds: string[]): { ok: true; feedback: FeedbackData } | { ok: false; errors: LotErrors } {
  const errors: LotErrors = {};
  const v = (k: string) => (values[k] ?? "").trim();
  const funding = v("funding");
  if (!(fundingAssessments as readonly string[]).includes(funding)) errors.funding = "errors.funding_required";
  let proposed: number | null = null;
  if (v("proposedAmount") !== "") {
    proposed = parseWholeNumber(v("proposedAmount"));
    if (proposed === null) errors.proposedAmount = /^-/.test(v("proposedAmount")) ? "errors.amount_negative" : "errors.amount_invalid";
    else if (proposed < 0) errors.proposedAmount = "errors.amount_negative";
    else if (proposed < MIN_AMOUNT_KZT || proposed > MAX_AMOUNT_KZT) errors.proposedAmount = "errors.amount_absurd";
  }
  const pick = <T extends string>(key: string, allowed: readonly T[]): T | null => {
    const x = v(key);
    if (x === "") return null;
    if (!(allowed as readonly string[]).includes(x)) {
      errors[key] = "errors.choice_invalid";
      return null;
    }
    return x as T;
  };
  const duration = pick("duration", durationAssessments);
  const wouldApply = pick("wouldApply", wouldApplyAnswers);
  const indicatorFeasibility: FeedbackData["indicatorFeasibility"] = {};
  for (const id of indicatorIds) {
    const answer = pick(`feasibility_${id}`, feasibilityAnswers);
    if (answer) indicatorFeasibility[id] = answer;
  }
  const note = v("note");
  if (note.length > FEEDBACK_NOTE_MAX) errors.note = "errors.too_long";
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, feedback: { funding: funding as FeedbackData["funding"], proposedAmountKzt: proposed, duration, wouldApply, indicatorFeasibility, note: note === "" ? null : note } };
}
