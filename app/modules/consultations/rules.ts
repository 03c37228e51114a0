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

/**
 * Minimum periods (configuration: GRANT_MIN_WORKING_DAYS, HOLIDAYS). Kazakhstan's grant rules
 * discuss grant topics and lot specifications for at least 10 working days; other regulations
 * follow the 30-day rule. A shorter period is allowed only with a written justification.
 */
export interface PeriodRules {
  standardDays: number;
  grantMinWorkingDays: number;
  /** Public holidays (YYYY-MM-DD, Kazakhstan) that are not working days. */
  holidays: readonly string[];
}
export const defaultPeriodRules: PeriodRules = { standardDays: STANDARD_PERIOD_DAYS, grantMinWorkingDays: 10, holidays: [] };

/** The consultation types that discuss a grant topic: the working-day rule applies to them. */
export const grantTopicTypes = ["grant_rules", "lot_specification"] as const satisfies readonly ConsultationType[];

export function isGrantTopic(type: ConsultationType): boolean {
  return (grantTopicTypes as readonly string[]).includes(type);
}

export type MinimumPeriod = { unit: "working_days" | "days"; count: number };

export function minimumPeriod(type: ConsultationType, rules: PeriodRules = defaultPeriodRules): MinimumPeriod {
  return isGrantTopic(type) ? { unit: "working_days", count: rules.grantMinWorkingDays } : { unit: "days", count: rules.standardDays };
}

/** Working days (Monday to Friday, not a listed holiday) from the opening day to the closing day, Kazakhstan dates, inclusive. */
export function workingDays(opensAt: Date, closesAt: Date, holidays: readonly string[] = []): number {
  const last = toKzDate(closesAt);
  const off = new Set(holidays);
  let n = 0;
  for (let day = new Date(`${toKzDate(opensAt)}T00:00:00Z`); day.toISOString().slice(0, 10) <= last; day = new Date(day.getTime() + 86_400_000)) {
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !off.has(day.toISOString().slice(0, 10))) n++;
  }
  return n;
}

/** Whether the period is shorter than the minimum for the type; without a type, the 30-day rule. */
export function requiresJustification(opensAt: Date, closesAt: Date, type: ConsultationType = "regulation", rules: PeriodRules = defaultPeriodRules): boolean {
  const min = minimumPeriod(type, rules);
  if (min.unit === "working_days") return workingDays(opensAt, closesAt, rules.holidays) < min.count;
  return periodDays(opensAt, closesAt) < min.count;
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
