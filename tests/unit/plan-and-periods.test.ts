import { describe, expect, it } from "vitest";
import { consultationFormSchema, makeConsultationFormSchema } from "~/modules/consultations/consultation.schema";
import { parseConsultationForm, readConsultationForm } from "~/modules/consultations/form.server";
import { defaultPeriodRules, minimumPeriod, periodFromDates, requiresJustification, workingDays } from "~/modules/consultations/rules";
import { planItemStatus, quarterEnd } from "~/modules/plan/rules";

describe("minimum periods", () => {
  it("counts working days Monday to Friday, without configured holidays", () => {
    // 2027-03-01 is a Monday: two calendar weeks are ten working days.
    const twoWeeks = periodFromDates("2027-03-01", "2027-03-14");
    expect(workingDays(twoWeeks.opensAt, twoWeeks.closesAt)).toBe(10);
    expect(workingDays(twoWeeks.opensAt, twoWeeks.closesAt, ["2027-03-08"])).toBe(9);
    const weekend = periodFromDates("2027-03-06", "2027-03-07");
    expect(workingDays(weekend.opensAt, weekend.closesAt)).toBe(0);
  });

  it("grant topics need 10 working days, other regulations 30 days", () => {
    const twoWeeks = periodFromDates("2027-03-01", "2027-03-14");
    expect(minimumPeriod("lot_specification")).toEqual({ unit: "working_days", count: 10 });
    expect(minimumPeriod("regulation")).toEqual({ unit: "days", count: 30 });
    expect(requiresJustification(twoWeeks.opensAt, twoWeeks.closesAt, "lot_specification")).toBe(false);
    expect(requiresJustification(twoWeeks.opensAt, twoWeeks.closesAt, "grant_rules")).toBe(false);
    expect(requiresJustification(twoWeeks.opensAt, twoWeeks.closesAt, "regulation")).toBe(true);
    // Without a type: the foundation's 30-day rule.
    expect(requiresJustification(twoWeeks.opensAt, twoWeeks.closesAt)).toBe(true);
    // A holiday in the period makes it one working day short; the number is configuration.
    const withHoliday = { ...defaultPeriodRules, holidays: ["2027-03-08"] };
    expect(requiresJustification(twoWeeks.opensAt, twoWeeks.closesAt, "lot_specification", withHoliday)).toBe(true);
    expect(requiresJustification(twoWeeks.opensAt, twoWeeks.closesAt, "lot_specification", { ...defaultPeriodRules, grantMinWorkingDays: 11 })).toBe(true);
  });

  it("the consultation form asks for a justification by the type's minimum", () => {
    const base = { slug: "lots-x", organizationId: "00000000-0000-4000-8000-000000000000", title_kk: "Лоттар", title_ru: "Лоты", summary_kk: "Қысқаша", summary_ru: "Кратко", opensOn: "2027-03-01", closesOn: "2027-03-14" };
    expect(consultationFormSchema.safeParse({ ...base, type: "lot_specification" }).success).toBe(true);
    const regulation = consultationFormSchema.safeParse({ ...base, type: "regulation" });
    expect(regulation.success ? [] : regulation.error.issues.map((i) => i.message)).toContain("errors.justification_required");
    const nine = periodFromDates("2027-03-01", "2027-03-11");
    expect(workingDays(nine.opensAt, nine.closesAt)).toBe(9);
    const short = makeConsultationFormSchema().safeParse({ ...base, type: "grant_rules", closesOn: "2027-03-11" });
    expect(short.success ? [] : short.error.issues.map((i) => i.message)).toContain("errors.justification_required");
    // parseConsultationForm keeps the justification only when the period is short for the type.
    const form = new FormData();
    for (const [k, v] of Object.entries({ ...base, type: "lot_specification", justification_ru: "Сроки плана грантов" })) form.set(k, v);
    const parsed = parseConsultationForm(readConsultationForm(form), defaultPeriodRules);
    expect(parsed.ok && parsed.input.shortPeriodJustification).toBe(null);
    const strict = parseConsultationForm(readConsultationForm(form), { ...defaultPeriodRules, grantMinWorkingDays: 15 });
    expect(strict.ok && strict.input.shortPeriodJustification?.ru).toBe("Сроки плана грантов");
  });
});

describe("the annual plan's lateness", () => {
  const opened = (opensAt: string) => ({ publishedAt: new Date("2027-01-01T00:00:00Z"), opensAt: new Date(opensAt) });

  it("a quarter ends at midnight Kazakhstan time", () => {
    expect(quarterEnd(2027, 1).toISOString()).toBe("2027-03-31T19:00:00.000Z");
    expect(quarterEnd(2027, 4).toISOString()).toBe("2027-12-31T19:00:00.000Z");
  });

  it("is late once the quarter ended with no consultation opened", () => {
    const item = { year: 2027, quarter: 1, consultation: null };
    expect(planItemStatus(item, new Date("2026-12-01T00:00:00Z"))).toBe("upcoming");
    expect(planItemStatus(item, new Date("2027-02-01T00:00:00Z"))).toBe("due");
    expect(planItemStatus(item, new Date("2027-03-31T18:59:59Z"))).toBe("due");
    expect(planItemStatus(item, new Date("2027-03-31T19:00:00Z"))).toBe("late");
  });

  it("a consultation counts when published and open; opening after the quarter is 'opened late'", () => {
    const now = new Date("2027-05-01T00:00:00Z");
    expect(planItemStatus({ year: 2027, quarter: 1, consultation: opened("2027-03-10T19:00:00Z") }, now)).toBe("opened");
    expect(planItemStatus({ year: 2027, quarter: 1, consultation: opened("2027-04-10T19:00:00Z") }, now)).toBe("opened_late");
    // Linked but not yet open, or never published: still late.
    expect(planItemStatus({ year: 2027, quarter: 1, consultation: opened("2027-06-01T19:00:00Z") }, now)).toBe("late");
    expect(planItemStatus({ year: 2027, quarter: 1, consultation: { publishedAt: null, opensAt: new Date("2027-03-01T00:00:00Z") } }, now)).toBe("late");
  });
});
