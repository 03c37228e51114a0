/**
 * i18next set-up shared by server and browser. The server bundles every language
 * (i18n.server.ts); the browser receives only the page's language from the root loader.
 */
import i18next, { type i18n, type Resource, type TFunction } from "i18next";
import type { Lang, Localized } from "~db/schema";

export const languages = ["kk", "ru", "en"] as const satisfies readonly Lang[];
export const defaultLang: Lang = "kk";
export const namespaces = ["common", "consultation", "manage", "annotations", "documents", "lots", "plan", "reports", "search", "security"] as const;
export type Namespace = (typeof namespaces)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

/** BCP 47 tags used with Intl: Kazakhstan's regional variants where they exist. */
export const intlLocale: Record<Lang, string> = { kk: "kk-KZ", ru: "ru-KZ", en: "en-GB" };

/** Names of the languages in themselves, for the switcher. */
export const languageNames: Record<Lang, string> = { kk: "Қазақша", ru: "Русский", en: "English" };

const cache = new Map<string, i18n>();

/** A ready (synchronously initialised) i18next instance for one language. */
export function createI18n(lang: Lang, resources: Resource): i18n {
  const key = lang + ":" + Object.keys(resources[lang] ?? {}).join(",");
  const cached = typeof window !== "undefined" ? cache.get(key) : undefined;
  if (cached) return cached;
  const instance = i18next.createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: false,
    supportedLngs: [...languages],
    ns: [...namespaces],
    defaultNS: "common",
    resources,
    initImmediate: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    react: { useSuspense: false },
  });
  if (typeof window !== "undefined") cache.set(key, instance);
  return instance;
}

export interface LocalizedText {
  text: string;
  /** The language actually shown, when it differs from the one asked for. */
  fallbackFrom?: Lang;
  /** English content is an unofficial translation. */
  unofficial: boolean;
}

/** Order in which content languages stand in for a missing one: the official languages first. */
const fallbackOrder: Record<Lang, Lang[]> = { kk: ["kk", "ru", "en"], ru: ["ru", "kk", "en"], en: ["en", "ru", "kk"] };

/** Picks the text in `lang`, falling back visibly to another language when it is empty. */
export function pickLocalized(value: Partial<Localized> | null | undefined, lang: Lang): LocalizedText {
  for (const candidate of fallbackOrder[lang]) {
    const text = value?.[candidate];
    if (text && text.trim() !== "") {
      return { text, fallbackFrom: candidate === lang ? undefined : candidate, unofficial: candidate === "en" };
    }
  }
  return { text: "", unofficial: false };
}

export type { TFunction };
