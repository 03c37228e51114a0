import writeXlsxFile from "write-excel-file/node";
import { describe, expect, it } from "vitest";
import { importLotFile } from "~/modules/lots/import.server";
import { amountInMci, parseDecimal, parseWholeNumber, validateFeedback, validateLot } from "~/modules/lots/lot.schema";
import { lotsFromRows } from "~/modules/lots/spreadsheet";
import { median, summarizeLot, type FeedbackForSummary } from "~/modules/lots/summary";
import { loadConfig } from "~/utils/env.server";
import { csvHeader, csvLotRows, toCsv, validLotValues } from "../support/lots";

const errorsOf = (values: Record<string, string>) => {
  const r = validateLot(values);
  return r.ok ? {} : r.errors;
};

describe("lot validation", () => {
  it("accepts a complete lot and computes missing line totals", () => {
    const r = validateLot(validLotValues());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lot.amountKzt).toBe(1_500_000);
    expect(r.lot.regions).toEqual(["turkestan", "shymkent"]);
    expect(r.lot.budgetLines.map((b) => b.totalKzt)).toEqual([1_000_000, 500_000]);
    expect(r.lot.indicators[0].targetValue).toBe(5);
  });

  it("refuses a budget whose total differs from the amount, and says by how much", () => {
    const r = validateLot(validLotValues({ amount_kzt: "1 600 000" }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.budget_total).toBe("errors.budget_total_mismatch");
    expect(r.budgetTotal).toBe(1_500_000);
  });

  it("refuses negative, zero-ish, absurd and malformed amounts", () => {
    expect(errorsOf(validLotValues({ amount_kzt: "-1500000" })).amount_kzt).toBe("errors.amount_negative");
    expect(errorsOf(validLotValues({ amount_kzt: "15" })).amount_kzt).toBe("errors.amount_absurd");
    expect(errorsOf(validLotValues({ amount_kzt: "90000000000" })).amount_kzt).toBe("errors.amount_absurd");
    expect(errorsOf(validLotValues({ amount_kzt: "1,5 млн" })).amount_kzt).toBe("errors.amount_invalid");
    expect(errorsOf(validLotValues({ amount_kzt: "" })).amount_kzt).toBe("errors.required");
    expect(errorsOf(validLotValues({ budget_0_quantity: "-2" })).budget_0_quantity).toBe("errors.quantity_invalid");
    expect(errorsOf(validLotValues({ budget_0_unit_cost: "-100" })).budget_0_unit_cost).toBe("errors.unit_cost_invalid");
    expect(errorsOf(validLotValues({ budget_0_total: "999 999" })).budget_0_total).toBe("errors.line_total_mismatch");
  });

  it("requires Kazakh and Russian texts, English optional", () => {
    const e = errorsOf(validLotValues({ problem_kk: "", budget_1_item_ru: "", indicator_0_unit_kk: "" }));
    expect(e.problem_kk).toBe("errors.official_language_required");
    expect(e.budget_1_item_ru).toBe("errors.official_language_required");
    expect(e.indicator_0_unit_kk).toBe("errors.official_language_required");
    expect(e.title_en).toBeUndefined();
  });

  it("checks the duration against the grant type, the regions, the code and the indicators", () => {
    expect(errorsOf(validLotValues({ duration_months: "18" })).duration_months).toBe("errors.duration_grant_type");
    expect(validateLot(validLotValues({ duration_months: "18", grant_type: "medium_term" })).ok).toBe(true);
    expect(errorsOf(validLotValues({ grant_type: "forever" })).grant_type).toBe("errors.grant_type_invalid");
    expect(errorsOf(validLotValues({ regions: "atlantis" })).regions).toBe("errors.region_invalid");
    expect(errorsOf(validLotValues({ regions: "" })).regions).toBe("errors.regions_required");
    expect(errorsOf(validLotValues({ code: "lot 1/2" })).code).toBe("errors.code_invalid");
    const noIndicator = validLotValues();
    for (const k of Object.keys(noIndicator)) if (k.startsWith("indicator_")) noIndicator[k] = "";
    expect(errorsOf(noIndicator).indicators).toBe("errors.indicators_required");
  });

  it("reads numbers as people type them", () => {
    expect(parseWholeNumber("18 000 000")).toBe(18_000_000);
    expect(parseWholeNumber("18\u00a0000\u00a0000")).toBe(18_000_000);
    expect(parseWholeNumber("18,000,000")).toBe(18_000_000);
    expect(parseWholeNumber("18.5")).toBeNull();
    expect(parseDecimal("0,5")).toBe(0.5);
    expect(parseDecimal("abc")).toBeNull();
  });

  it("converts to MCI with the configured value of the funding year", () => {
    expect(amountInMci(18_000_000, 2027, { 2027: 4548 })).toBe(3957.8);
    expect(amountInMci(18_000_000, 2031, { 2027: 4548 })).toBeNull();
  });
});

describe("lot spreadsheets", () => {
  const rows = () => [csvHeader.split(","), ...csvLotRows("K-1"), ...csvLotRows("K-2", "2000000").map((r) => (r[0] === "lot" ? r : r))];

  it("reads a CSV with two lots", async () => {
    const good = [csvHeader.split(","), ...csvLotRows("K-1")];
    const result = await importLotFile("lots.csv", Buffer.from(toCsv(good)));
    expect(result.ok ? result.lots.map((l) => [l.code, l.amountKzt, l.budgetLines.length, l.indicators.length]) : result.errors).toEqual([["K-1", 1_500_000, 2, 1]]);
    // Semicolons (a Russian-locale spreadsheet) and a byte-order mark work too.
    const semi = await importLotFile("lots.csv", Buffer.from("\ufeff" + toCsv(good, ";")));
    expect(semi.ok).toBe(true);
  });

  it("reports every bad row with its row number and column", async () => {
    const bad = rows();
    // Row 8 (the second lot's first budget line): a negative quantity; the second lot's amount
    // (row 6) differs from its budget.
    bad[7][22] = "-8";
    bad.push(["budget_line", "NOPE", ...Array(23).fill("")]);
    bad.push(["wish", "K-1", ...Array(23).fill("")]);
    const result = await importLotFile("lots.csv", Buffer.from(toCsv(bad)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({ row: 8, column: "quantity", error: "errors.quantity_invalid" });
    expect(result.errors).toContainEqual({ row: 10, column: "lot", error: "errors.import_lot_unknown" });
    expect(result.errors).toContainEqual({ row: 11, column: "record", error: "errors.import_record_invalid" });
    expect(result.errors.filter((e) => e.row <= 5)).toEqual([]);
  });

  it("names both amounts when a lot's budget does not add up", () => {
    const result = lotsFromRows([csvHeader.split(","), ...csvLotRows("K-1", "2000000")]);
    expect(result.ok ? [] : result.errors).toEqual([{ row: 2, column: null, error: "errors.budget_total_mismatch", params: { total: 1_500_000, amount: 2_000_000 } }]);
  });

  it("refuses unknown columns, a missing lot column and an unreadable file", async () => {
    expect(lotsFromRows([["record", "colour"]])).toEqual({ ok: false, errors: [{ row: 1, column: "lot", error: "errors.import_column_missing" }, { row: 1, column: "colour", error: "errors.import_column_unknown" }] });
    const broken = await importLotFile("lots.csv", Buffer.from('record,lot\n"lot,K-1\n'));
    expect(broken.ok ? [] : broken.errors.map((e) => e.error)).toEqual(["errors.import_unreadable"]);
    expect(await importLotFile("x.csv", Buffer.alloc(0))).toEqual({ ok: false, errors: [{ row: 1, column: null, error: "errors.import_empty" }] });
  });

  it("reads an XLSX file with numbers in cells, and reports its bad rows", async () => {
    const sheet = [csvHeader.split(","), ...csvLotRows("X-1")].map((row) => row.map((cell) => ({ value: /^\d+$/.test(cell) ? Number(cell) : cell })));
    const xlsx = async () => Buffer.from(await (await writeXlsxFile(sheet as never)).toBuffer());
    const ok = await importLotFile("lots.xlsx", await xlsx());
    expect(ok.ok ? ok.lots.map((l) => [l.code, l.amountKzt, l.durationMonths]) : ok.errors).toEqual([["X-1", 1_500_000, 8]]);
    sheet[1][11] = { value: -5 as never };
    const bad = await importLotFile("lots.xlsx", await xlsx());
    expect(bad.ok ? [] : bad.errors).toContainEqual({ row: 2, column: "amount_kzt", error: "errors.amount_negative" });
  });
});

describe("what the sector says", () => {
  const f = (over: Partial<FeedbackForSummary>): FeedbackForSummary => ({ id: String(Math.random()), organizationId: null, funding: "adequate", proposedAmountKzt: null, duration: null, wouldApply: null, indicatorFeasibility: {}, ...over });

  it("takes the median of proposed amounts (mean of the middle two when even)", () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([30, 10, 20])).toBe(20);
    expect(median([10, 40, 20, 30])).toBe(25);
  });

  it("counts assessments, shares and the most commented budget lines", () => {
    const s = summarizeLot(
      {
        code: "A",
        title: { kk: "", ru: "Лот", en: "" },
        amountKzt: 10_000_000,
        indicators: [{ id: "i1", text: { kk: "", ru: "x", en: "" } }],
        budgetLines: [
          { position: 1, item: { kk: "", ru: "a", en: "" }, comments: 1 },
          { position: 2, item: { kk: "", ru: "b", en: "" }, comments: 4 },
          { position: 3, item: { kk: "", ru: "c", en: "" }, comments: 0 },
        ],
      },
      [
        f({ organizationId: "o1", funding: "insufficient", proposedAmountKzt: 12_000_000, wouldApply: "yes", duration: "too_short", indicatorFeasibility: { i1: "unrealistic" } }),
        f({ organizationId: "o2", funding: "insufficient", proposedAmountKzt: 14_000_000, wouldApply: "no", indicatorFeasibility: { i1: "feasible" } }),
        f({ organizationId: "o3", funding: "adequate", wouldApply: "yes" }),
        f({ funding: "excessive", proposedAmountKzt: 8_000_000, wouldApply: "unsure", indicatorFeasibility: { i1: "unrealistic" } }),
        f({ funding: "insufficient" }),
      ],
    );
    expect(s.respondents).toBe(5);
    expect(s.organizations).toBe(3);
    expect(s.funding).toEqual({ adequate: 1, insufficient: 3, excessive: 1 });
    expect(s.proposed).toEqual({ count: 3, median: 12_000_000, min: 8_000_000, max: 14_000_000, medianVsOffered: 2_000_000 });
    expect(s.wouldApply.share).toBe(0.5); // 2 yes of 4 who answered
    expect(s.duration).toEqual({ adequate: 0, too_short: 1, too_long: 0, unanswered: 4 });
    expect(s.indicators[0].counts).toEqual({ feasible: 1, unrealistic: 2, unclear: 0 });
    expect(s.mostCommentedBudgetLines.map((b) => b.position)).toEqual([2, 1]);
  });

  it("checks the feedback form", () => {
    expect(validateFeedback({ funding: "" }, []).ok).toBe(false);
    const bad = validateFeedback({ funding: "adequate", proposedAmount: "-5", duration: "eternal", feasibility_i1: "maybe" }, ["i1"]);
    expect(bad.ok ? {} : bad.errors).toEqual({ proposedAmount: "errors.amount_negative", duration: "errors.choice_invalid", feasibility_i1: "errors.choice_invalid" });
    const ok = validateFeedback({ funding: "insufficient", proposedAmount: "21 500 000", wouldApply: "yes", feasibility_i1: "feasible", feasibility_other: "feasible" }, ["i1"]);
    expect(ok.ok ? ok.feedback : null).toEqual({ funding: "insufficient", proposedAmountKzt: 21_500_000, duration: null, wouldApply: "yes", indicatorFeasibility: { i1: "feasible" }, note: null });
  });
});

describe("configuration", () => {
  it("reads MCI values and the grant minimum, with clear messages", () => {
    const config = loadConfig({ DATA_DIR: "/tmp/kenes-config-test", MCI_VALUES: "2027:4548, 2028:4800", GRANT_MIN_WORKING_DAYS: "12", HOLIDAYS: "2027-03-21,2027-03-22" });
    expect(config.mciValues).toEqual({ 2027: 4548, 2028: 4800 });
    expect(config.periodRules).toMatchObject({ grantMinWorkingDays: 12, standardDays: 30, holidays: ["2027-03-21", "2027-03-22"] });
    expect(loadConfig({ DATA_DIR: "/tmp/kenes-config-test" }).mciValues[2026]).toBe(4325);
    expect(() => loadConfig({ DATA_DIR: "/tmp/kenes-config-test", MCI_VALUES: "2027=4548" })).toThrow(/MCI_VALUES must be year:tenge pairs/);
    expect(() => loadConfig({ DATA_DIR: "/tmp/kenes-config-test", HOLIDAYS: "21.03.2027" })).toThrow(/HOLIDAYS must be dates/);
    expect(() => loadConfig({ DATA_DIR: "/tmp/kenes-config-test", GRANT_MIN_WORKING_DAYS: "0" })).toThrow(/GRANT_MIN_WORKING_DAYS/);
  });
});
