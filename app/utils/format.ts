/** Dates, numbers and money in the page's language (Intl), shared by server and browser. */
import type { Lang } from "~db/schema";
import { intlLocale } from "./i18n";

// Kazakhstan's time zone for every displayed date, so server and browser render the same text.
export const displayTimeZone = "Asia/Almaty";

// Building an Intl formatter costs ~0.2 ms, formatting with one ~2 µs: a page with 1,500 comment
// dates spent 300 ms constructing formatters (bench, docs/decisions/0055). Keep one per variant.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, create: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) formatters.set(key, (f = create()));
  return f;
}

export function formatDate(lang: Lang, value: Date | string): string {
  return cached(`d:${lang}`, () => new Intl.DateTimeFormat(intlLocale[lang], { dateStyle: "long", timeZone: displayTimeZone })).format(new Date(value));
}

export function formatDateTime(lang: Lang, value: Date | string): string {
  return cached(`dt:${lang}`, () => new Intl.DateTimeFormat(intlLocale[lang], { dateStyle: "medium", timeStyle: "short", timeZone: displayTimeZone })).format(new Date(value));
}

export function formatNumber(lang: Lang, value: number, options: Intl.NumberFormatOptions = {}): string {
  return cached(`n:${lang}:${JSON.stringify(options)}`, () => new Intl.NumberFormat(intlLocale[lang], options)).format(value);
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
