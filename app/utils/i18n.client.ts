/**
 * The browser's translations: the page's language file (/locales/{lang}.{hash}.json, cached by
 * the browser for a year) is loaded before hydration, so no page carries translations in its data.
 */
import type { i18n } from "i18next";
import type { Lang } from "~db/schema";
import { createI18n } from "./i18n";

async function fetchResources(url: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`translations ${url}: ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

/** A ready instance for the page's language. */
export async function createBrowserI18n(lang: Lang, url: string): Promise<i18n> {
  const resources = await fetchResources(url);
  return createI18n(lang, { [lang]: resources as Record<string, Record<string, unknown>> });
}

/** Adds a language to a running instance and switches to it (a navigation into another language). */
export async function loadLanguage(instance: i18n, lang: Lang, url: string): Promise<void> {
  if (!instance.hasResourceBundle(lang, "common")) {
    const resources = await fetchResources(url);
    for (const [ns, bundle] of Object.entries(resources)) instance.addResourceBundle(lang, ns, bundle, true, true);
  }
  await instance.changeLanguage(lang);
}
