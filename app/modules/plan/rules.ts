/** The annual consultation plan: when an item is late (pure, shared by pages, API and tests). */

export type PlanItemStatus = "upcoming" | "due" | "late" | "opened" | "opened_late";

/** The first instant after the quarter, Kazakhstan time (UTC+5): Q4 2027 ends 2028-01-01 00:00 +05:00. */
export function quarterEnd(year: number, quarter: number): Date {
  const month = quarter * 3; // 1-based month after the quarter, as a 0-based index
  const y = month === 12 ? year + 1 : year;
  const m = month === 12 ? 0 : month;
  return new Date(Date.UTC(y, m, 1) - 5 * 3_600_000);
}

export function quarterStart(year: number, quarter: number): Date {
  return new Date(Date.UTC(year, (quarter - 1) * 3, 1) - 5 * 3_600_000);
}

/**
 * An item is late when its planned quarter has ended and no consultation for it has opened
 * (linked, published and past its opening). A consultation that opened after the quarter is
 * "opened_late": kept visible, since the plan is what the body promised.
 */
export function planItemStatus(
  item: { year: number; quarter: number; consultation: { publishedAt: Date | null; opensAt: Date } | null },
  now: Date = new Date(),
): PlanItemStatus {
  const end = quarterEnd(item.year, item.quarter);
  const c = item.consultation;
  if (c && c.publishedAt && c.opensAt <= now) return c.opensAt >= end ? "opened_late" : "opened";
  if (now >= end) return "late";
  return now >= quarterStart(item.year, item.quarter) ? "due" : "upcoming";
}

export const isLate = (status: PlanItemStatus) => status === "late" || status === "opened_late";
