import { describe, expect, it } from "vitest";
import { consultationFormSchema } from "~/modules/consultations/consultation.schema";
import { consultationStatus, periodDays, periodFromDates, requiresJustification, toKzDate } from "~/modules/consultations/rules";
import { daysUntil, formatDate, formatMoney, formatNumber } from "~/utils/format";
import { createI18n, pickLocalized } from "~/utils/i18n";
import { allResources, negotiateLang } from "~/utils/i18n.server";

describe("consultation period and status", () => {
  const { opensAt, closesAt } = periodFromDates("2027-01-01", "2027-01-30");

  it("counts a period as readers do and needs a justification under 30 days", () => {
    expect(periodDays(opensAt, closesAt)).toBe(30);
    expect(requiresJustification(opensAt, closesAt)).toBe(false);
    const short = periodFromDates("2027-01-01", "2027-01-14");
    expect(periodDays(short.opensAt, short.closesAt)).toBe(14);
    expect(requiresJustification(short.opensAt, short.closesAt)).toBe(true);
  });

  it("opens at midnight and closes at the end of the day in Kazakhstan (UTC+5)", () => {
    expect(opensAt.toISOString()).toBe("2026-12-31T19:00:00.000Z");
    expect(closesAt.toISOString()).toBe("2027-01-30T18:59:59.999Z");
    expect(toKzDate(opensAt)).toBe("2027-01-01");
    expect(toKzDate(closesAt)).toBe("2027-01-30");
  });

  it("follows the dates: planned, open, closed; then report_published; unpublished is draft", () => {
    const published = { opensAt, closesAt, publishedAt: new Date("2026-12-01"), reportPublishedAt: null };
    expect(consultationStatus(published, new Date("2026-12-15"))).toBe("planned");
    expect(consultationStatus(published, new Date("2027-01-10"))).toBe("open");
    expect(consultationStatus(published, new Date("2027-02-01"))).toBe("closed");
    expect(consultationStatus({ ...published, reportPublishedAt: new Date("2027-02-10") }, new Date("2027-02-11"))).toBe("report_published");
    expect(consultationStatus({ ...published, publishedAt: null })).toBe("draft");
  });

  it("the form refuses a short period without a justification and a reversed period", () => {
    const base = { slug: "grant-rules-x", type: "grant_rules", organizationId: "00000000-0000-4000-8000-000000000000", title_kk: "Қағидалар", title_ru: "Правила", summary_kk: "Қысқаша", summary_ru: "Кратко", opensOn: "2027-01-01", closesOn: "2027-01-10" };
    const short = consultationFormSchema.safeParse(base);
    expect(short.success ? [] : short.error.issues.map((i) => i.message)).toContain("errors.justification_required");
    expect(consultationFormSchema.safeParse({ ...base, justification_ru: "Срочно: грантовый план утверждается в январе." }).success).toBe(true);
    const reversed = consultationFormSchema.safeParse({ ...base, closesOn: "2026-12-01" });
    expect(reversed.success ? [] : reversed.error.issues.map((i) => i.message)).toContain("errors.closes_before_opens");
    const noKazakh = consultationFormSchema.safeParse({ ...base, title_kk: "", closesOn: "2027-02-15" });
    expect(noKazakh.success ? [] : noKazakh.error.issues.map((i) => i.path[0])).toContain("title_kk");
  });
});

describe("languages", () => {
  it("negotiates Accept-Language with a Kazakh fallback", () => {
    expect(negotiateLang("ru-RU,ru;q=0.9,en;q=0.8")).toBe("ru");
    expect(negotiateLang("en-US,en;q=0.9")).toBe("en");
    expect(negotiateLang("de-DE,fr;q=0.5")).toBe("kk");
    expect(negotiateLang("de;q=1, en;q=0.2, ru;q=0.7")).toBe("ru");
    expect(negotiateLang(null)).toBe("kk");
    expect(negotiateLang("kk-KZ")).toBe("kk");
  });

  it("falls back visibly to an official language and marks English as unofficial", () => {
    expect(pickLocalized({ kk: "", ru: "Правила", en: "Rules" }, "kk")).toEqual({ text: "Правила", fallbackFrom: "ru", unofficial: false });
    expect(pickLocalized({ kk: "Қағидалар", ru: "Правила", en: "" }, "en")).toEqual({ text: "Правила", fallbackFrom: "ru", unofficial: false });
    expect(pickLocalized({ kk: "Қағидалар", ru: "Правила", en: "Rules" }, "en")).toEqual({ text: "Rules", unofficial: true });
  });

  it("uses Russian one/few/many plurals and Kazakh's single form", () => {
    const ru = createI18n("ru", allResources).getFixedT("ru", "consultation");
    expect(ru("period.days", { count: 1 })).toBe("1 день");
    expect(ru("period.days", { count: 3 })).toBe("3 дня");
    expect(ru("period.days", { count: 5 })).toBe("5 дней");
    expect(ru("period.days", { count: 21 })).toBe("21 день");
    expect(ru("period.days", { count: 30 })).toBe("30 дней");
    const kk = createI18n("kk", allResources).getFixedT("kk", "consultation");
    expect(kk("period.days", { count: 1 })).toBe("1 күн");
    expect(kk("period.days", { count: 30 })).toBe("30 күн");
    const en = createI18n("en", allResources).getFixedT("en", "consultation");
    expect(en("period.days", { count: 1 })).toBe("1 day");
    expect(en("period.days", { count: 2 })).toBe("2 days");
  });

  it("formats numbers, money and dates per language", () => {
    expect(formatMoney("ru", 18_000_000).replace(/\s/g, " ")).toBe("18 000 000 ₸");
    expect(formatMoney("en", 18_000_000)).toBe("18,000,000 ₸");
    expect(formatNumber("kk", 1234.5).replace(/\s/g, " ")).toBe("1 234,5");
    expect(formatDate("ru", "2027-01-30T12:00:00Z")).toBe("30 января 2027 г.");
    expect(formatDate("en", "2027-01-30T12:00:00Z")).toBe("30 January 2027");
    expect(formatDate("kk", "2027-01-30T12:00:00Z")).toMatch(/2027/);
    expect(formatDate("kk", "2027-01-30T12:00:00Z")).toMatch(/қаңтар/);
    expect(daysUntil(new Date("2027-01-03T00:00:00Z"), new Date("2027-01-01T01:00:00Z"))).toBe(2);
  });
});
