/** Consultation periods and status: pure rules shared by the forms, the server and the SQL. */
import type { ConsultationType } from "~db/schema";

export const consultationTypes = ["grant_rules", "lot_specification", "regulation"] as const satisfies readonly ConsultationType[];

export type ConsultationStatus = "draft" | "planned" | "open" | "closed" | "report_published";
export const publicStatuses = ["planned", "open", "closed", "report_published"] as const;

/** The rule of the Croatian code of practice: 30 days unless a written justification says why not. */
export const STANDARD_PERIOD_DAYS = 30;

export interface StatusInput {
  opensAt: Date;
  closesAt: Date;
  publishedAt: Date | null;
  reportPublishedAt: Date | null;
}

export function consultationStatus(c: StatusInput, now: Date = new Date()): ConsultationStatus {
  if (!c.publishedAt) return "draft";
  if (c.reportPublishedAt) return "report_published";
  if (now < c.opensAt) return "planned";
  if (now < c.closesAt) return "open";
  return "closed";
}

/** Length of a period in days, as a reader counts them (opens 00:00 day 1, closes 23:59 day 30 = 30). */
export function periodDays(opensAt: Date, closesAt: Date): number {
  return Math.round((closesAt.getTime() - opensAt.getTime()) / 86_400_000);
}

export function requiresJustification(opensAt: Date, closesAt: Date): boolean {
  return periodDays(opensAt, closesAt) < STANDARD_PERIOD_DAYS;
}

/** Kazakhstan's offset (UTC+5 nationwide since 2024): form dates are days in Kazakhstan. */
const KZ_OFFSET = "+05:00";

/** A consultation opens at the start of its first day and closes at the end of its last, Kazakhstan time. */
export function periodFromDates(opensOn: string, closesOn: string): { opensAt: Date; closesAt: Date } {
  return { opensAt: new Date(`${opensOn}T00:00:00${KZ_OFFSET}`), closesAt: new Date(`${closesOn}T23:59:59.999${KZ_OFFSET}`) };
}

/** The form value (YYYY-MM-DD in Kazakhstan) of a stored instant. */
export function toKzDate(value: Date): string {
  return new Date(value.getTime() + 5 * 3_600_000).toISOString().slice(0, 10);
}
