/** Reading an uploaded CSV or XLSX file into rows of strings for lotsFromRows. */
import { parse } from "csv-parse/sync";
import { readSheet } from "read-excel-file/node";
import { lotsFromRows, type SpreadsheetResult } from "./spreadsheet";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const isXlsx = (name: string, bytes: Buffer) => /\.xlsx$/i.test(name) || (bytes[0] === 0x50 && bytes[1] === 0x4b); // "PK": a zip

export async function readSpreadsheet(name: string, bytes: Buffer): Promise<string[][]> {
  if (isXlsx(name, bytes)) {
    const rows = await readSheet(bytes);
    return rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? "" : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell))));
  }
  const text = bytes.toString("utf8");
  // Spreadsheets saved in a Russian or Kazakh locale separate with ";", others with ",".
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  return parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
}

/** Parses and checks an upload; an unreadable file is one error on row 1. */
export async function importLotFile(name: string, bytes: Buffer): Promise<SpreadsheetResult> {
  if (bytes.length === 0) return { ok: false, errors: [{ row: 1, column: null, error: "errors.import_empty" }] };
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, errors: [{ row: 1, column: null, error: "errors.import_too_large" }] };
  let rows: string[][];
  try {
    rows = await readSpreadsheet(name, bytes);
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { ok: false, errors: [{ row: typeof line === "number" ? line : 1, column: null, error: "errors.import_unreadable" }] };
  }
  return lotsFromRows(rows);
}
