/**
 * The lot spreadsheet (CSV or the first sheet of an XLSX file): a header row, then one row per
 * record. `record` says what a row is: `lot` (the lot's fields), `indicator` or `budget_line`
 * (belonging to the lot named in `lot`). Each lot is checked with validateLot and every error
 * is reported with the spreadsheet row (1 = header) and column it comes from.
 */
import { parseWholeNumber, validateLot, type LotData, type LotValues } from "./lot.schema";

const L = (f: string) => [`${f}_kk`, `${f}_ru`, `${f}_en`];
export const lotColumns = [
  "record", "lot",
  ...L("title"), ...L("problem"), ...L("target_group"), "regions", "duration_months", "grant_type", "amount_kzt", "funding_year", ...L("tor"), ...L("eligibility"),
  ...L("text"), ...L("unit"), "target", "quantity", "unit_cost", "total",
] as const;

export interface RowError {
  row: number;
  column: string | null;
  /** Message key in the `lots` namespace. */
  error: string;
  /** Amounts (tenge) the message names, e.g. the budget total and the lot's amount. */
  params?: { total: number; amount: number };
}

export type SpreadsheetResult = { ok: true; lots: LotData[] } | { ok: false; errors: RowError[] };

const MAX_ROWS = 2000;

/** Turns the rows of a sheet (strings, header first) into checked lots, or the errors per row. */
export function lotsFromRows(rows: string[][]): SpreadsheetResult {
  const errors: RowError[] = [];
  if (rows.length === 0) return { ok: false, errors: [{ row: 1, column: null, error: "errors.import_empty" }] };
  if (rows.length > MAX_ROWS) return { ok: false, errors: [{ row: MAX_ROWS + 1, column: null, error: "errors.import_too_many_rows" }] };
  const header = rows[0].map((h) => h.trim().toLowerCase());
  for (const required of ["record", "lot"]) {
    if (!header.includes(required)) errors.push({ row: 1, column: required, error: "errors.import_column_missing" });
  }
  header.forEach((h) => {
    if (h !== "" && !(lotColumns as readonly string[]).includes(h)) errors.push({ row: 1, column: h, error: "errors.import_column_unknown" });
  });
  if (errors.length) return { ok: false, errors };

  interface Group {
    row: number;
    values: LotValues;
    /** form field → spreadsheet row */
    rowOf: Map<string, number>;
    indicators: number;
    budget: number;
  }
  const groups = new Map<string, Group>();
  const pending: { row: number; code: string; cells: Record<string, string>; record: string }[] = [];
  rows.slice(1).forEach((cells, i) => {
    const rowNo = i + 2;
    const get: Record<string, string> = {};
    header.forEach((h, j) => (get[h] = (cells[j] ?? "").trim()));
    if (Object.values(get).every((x) => x === "")) return; // blank line
    const record = get.record.toLowerCase();
    const code = get.lot;
    if (!["lot", "indicator", "budget_line"].includes(record)) {
      errors.push({ row: rowNo, column: "record", error: "errors.import_record_invalid" });
      return;
    }
    if (code === "") {
      errors.push({ row: rowNo, column: "lot", error: "errors.code_invalid" });
      return;
    }
    if (record === "lot") {
      if (groups.has(code)) {
        errors.push({ row: rowNo, column: "lot", error: "errors.import_lot_twice" });
        return;
      }
      const values: LotValues = { code };
      const rowOf = new Map<string, number>();
      for (const h of header) {
        if (["record", "lot", "text_kk", "text_ru", "text_en", "unit_kk", "unit_ru", "unit_en", "target", "quantity", "unit_cost", "total"].includes(h)) continue;
        values[h] = get[h];
      }
      groups.set(code, { row: rowNo, values, rowOf, indicators: 0, budget: 0 });
    } else pending.push({ row: rowNo, code, cells: get, record });
  });
  for (const p of pending) {
    const group = groups.get(p.code);
    if (!group) {
      errors.push({ row: p.row, column: "lot", error: "errors.import_lot_unknown" });
      continue;
    }
    const put = (field: string, value: string | undefined) => {
      group.values[field] = value ?? "";
      group.rowOf.set(field, p.row);
    };
    if (p.record === "indicator") {
      const prefix = `indicator_${group.indicators++}`;
      for (const lang of ["kk", "ru", "en"]) {
        put(`${prefix}_text_${lang}`, p.cells[`text_${lang}`]);
        put(`${prefix}_unit_${lang}`, p.cells[`unit_${lang}`]);
      }
      put(`${prefix}_target`, p.cells.target);
    } else {
      const prefix = `budget_${group.budget++}`;
      for (const lang of ["kk", "ru", "en"]) {
        put(`${prefix}_item_${lang}`, p.cells[`text_${lang}`]);
        put(`${prefix}_unit_${lang}`, p.cells[`unit_${lang}`]);
      }
      put(`${prefix}_quantity`, p.cells.quantity);
      put(`${prefix}_unit_cost`, p.cells.unit_cost);
      put(`${prefix}_total`, p.cells.total);
    }
  }
  if (groups.size === 0 && errors.length === 0) errors.push({ row: 2, column: "record", error: "errors.import_no_lot" });

  const lots: LotData[] = [];
  for (const group of groups.values()) {
    const result = validateLot(group.values);
    if (result.ok) {
      lots.push(result.lot);
      continue;
    }
    for (const [field, error] of Object.entries(result.errors)) {
      const row: RowError = { row: group.rowOf.get(field) ?? group.row, column: columnOf(field), error };
      if (field === "budget_total") row.params = { total: result.budgetTotal ?? 0, amount: parseWholeNumber(group.values.amount_kzt ?? "") ?? 0 };
      errors.push(row);
    }
  }
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };
  return { ok: true, lots };
}

/** The spreadsheet column a form field comes from. */
function columnOf(field: string): string | null {
  const m = /^(?:indicator|budget)_\d+_(.+)$/.exec(field);
  if (m) return m[1].replace(/^item_/, "text_");
  if (["indicators", "budget", "budget_total"].includes(field)) return null;
  return field === "code" ? "lot" : field;
}
