/** Dates, numbers and money in the page's language, identical on server and browser. */
import type { Lang } from "~db/schema";
import { intlLocale } from "./i18n";

// Kazakhstan's time zone for every displayed date, so server and browser render the same text.
export const displayTimeZone = "Asia/Almaty";

/*
 * Kazakh is formatted from CLDR's Kazakh patterns here rather than by the runtime's Intl: many
 * browsers (Debian's Chromium among them) ship ICU without Kazakh data and print "2026 M11 28"
 * and "18,000,000", which is wrong for readers and breaks hydration of server-rendered pages.
 * Russian and English go through Intl, whose data every browser has. Numbers in Kazakh use the
 * same conventions as Russian (space grouping, decimal comma), so ru-KZ formats them.
 */
const kkMonths = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"];
const kkMonthsShort = ["қаң.", "ақп.", "нау.", "сәу.", "мам.", "мау.", "шіл.", "там.", "қыр.", "қаз.", "қар.", "жел."];
// Kazakhstan has one offset, UTC+5, since March 2024: no time-zone database needed for kk dates.
const KZ_OFFSET_MS = 5 * 3_600_000;

function kzParts(value: Date | string) {
  const d = new Date(new Date(value).getTime() + KZ_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}
const pad = (n: number) => String(n).padStart(2, "0");

export function formatDate(lang: Lang, value: Date | string): string {
  if (lang === "kk") {
    const p = kzParts(value);
    return `${p.year} ж. ${p.day} ${kkMonths[p.month]}`;
  }
  return new Intl.DateTimeFormat(intlLocale[lang], { dateStyle: "long", timeZone: displayTimeZone }).format(new Date(value));
}

export function formatDateTime(lang: Lang, value: Date | string): string {
  if (lang === "kk") {
    const p = kzParts(value);
    return `${p.year} ж. ${pad(p.day)} ${kkMonthsShort[p.month]}, ${pad(p.hour)}:${pad(p.minute)}`;
  }
  return new Intl.DateTimeFormat(intlLocale[lang], { dateStyle: "medium", timeStyle: "short", timeZone: displayTimeZone }).format(
    new Date(value),
  );
}

const numberLocale: Record<Lang, string> = { kk: "ru-KZ", ru: "ru-KZ", en: "en-GB" };

export function formatNumber(lang: Lang, value: number, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(numberLocale[lang], options).format(value);
}

/** Tenge amounts: whole tenge, grouped per language, with the ₸ sign after the number. */
export function formatMoney(lang: Lang, amountKzt: number): string {
  return `${formatNumber(lang, amountKzt, { maximumFractionDigits: 0 })} ₸`;
}

export function formatPercent(lang: Lang, share: number): string {
  return formatNumber(lang, share, { style: "percent", maximumFractionDigits: 1 });
}

/** Whole days from now until `until`, rounded up (a period ending in 3 hours has 1 day left). */
export function daysUntil(until: Date | string, now: Date = new Date()): number {
  return Math.max(0, Math.ceil((new Date(until).getTime() - now.getTime()) / 86_400_000));
}
