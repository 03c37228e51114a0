import { createHash } from "node:crypto";
import type { i18n, Resource, TFunction } from "i18next";
import type { Lang } from "~db/schema";
import { createI18n, languages, namespaces } from "./i18n";
import kkCommon from "../../locales/kk/common.json";
import kkConsultation from "../../locales/kk/consultation.json";
import kkManage from "../../locales/kk/manage.json";
import kkAnnotations from "../../locales/kk/annotations.json";
import kkDocuments from "../../locales/kk/documents.json";
import kkLots from "../../locales/kk/lots.json";
import kkPlan from "../../locales/kk/plan.json";
import kkReports from "../../locales/kk/reports.json";
import kkSearch from "../../locales/kk/search.json";
import kkSecurity from "../../locales/kk/security.json";
import ruCommon from "../../locales/ru/common.json";
import ruConsultation from "../../locales/ru/consultation.json";
import ruManage from "../../locales/ru/manage.json";
import ruAnnotations from "../../locales/ru/annotations.json";
import ruDocuments from "../../locales/ru/documents.json";
import ruLots from "../../locales/ru/lots.json";
import ruPlan from "../../locales/ru/plan.json";
import ruReports from "../../locales/ru/reports.json";
import ruSearch from "../../locales/ru/search.json";
import ruSecurity from "../../locales/ru/security.json";
import enCommon from "../../locales/en/common.json";
import enConsultation from "../../locales/en/consultation.json";
import enManage from "../../locales/en/manage.json";
import enAnnotations from "../../locales/en/annotations.json";
import enDocuments from "../../locales/en/documents.json";
import enLots from "../../locales/en/lots.json";
import enPlan from "../../locales/en/plan.json";
import enReports from "../../locales/en/reports.json";
import enSearch from "../../locales/en/search.json";
import enSecurity from "../../locales/en/security.json";

export const allResources: Resource = {
  kk: { common: kkCommon, consultation: kkConsultation, manage: kkManage, annotations: kkAnnotations, documents: kkDocuments, lots: kkLots, plan: kkPlan, reports: kkReports, search: kkSearch, security: kkSecurity },
  ru: { common: ruCommon, consultation: ruConsultation, manage: ruManage, annotations: ruAnnotations, documents: ruDocuments, lots: ruLots, plan: ruPlan, reports: ruReports, search: ruSearch, security: ruSecurity },
  en: { common: enCommon, consultation: enConsultation, manage: enManage, annotations: enAnnotations, documents: enDocuments, lots: enLots, plan: enPlan, reports: enReports, search: enSearch, security: enSecurity },
};

// Built once per process (ADR 0060): one initialised instance and one fixed `t` per language,
// shared by every request; nothing per request but the lookups themselves.
const instances = Object.fromEntries(languages.map((lang) => [lang, createI18n(lang, { [lang]: allResources[lang] })])) as Record<Lang, i18n>;
const fixedT = Object.fromEntries(languages.map((lang) => [lang, instances[lang].getFixedT(lang)])) as Record<Lang, TFunction>;

/** The process's i18next instance of a language (server rendering). */
export function i18nFor(lang: Lang): i18n {
  return instances[lang];
}

/** A translation function for server code (meta, actions, API messages). */
export function getFixedT(lang: Lang): TFunction {
  return fixedT[lang];
}

/**
 * Each language's translations as one immutable, content-hashed file (/locales/{lang}.{hash}.json),
 * served by the front from memory and cached by browsers for a year: pages no longer carry them
 * in their Remix data (they were the largest part of a small page's handoff).
 */
const assets = languages.map((lang) => {
  const body = Buffer.from(JSON.stringify(allResources[lang]));
  const hash = createHash("sha256").update(body).digest("base64url").slice(0, 12);
  return { lang, path: `/locales/${lang}.${hash}.json`, body };
});

export function localeAssets(): { lang: Lang; path: string; body: Buffer }[] {
  return assets;
}

/** The URL of a language's translations file. */
export function localeUrl(lang: Lang): string {
  return assets.find((a) => a.lang === lang)!.path;
}

/** The best language for a request's Accept-Language header, `kk` when nothing matches. */
export function negotiateLang(acceptLanguage: string | null): Lang {
  if (!acceptLanguage) return "kk";
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number.parseFloat(q.slice(2)) : 1;
      return { base: tag.trim().toLowerCase().split("-")[0], quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const entry of ranked) {
    if ((languages as readonly string[]).includes(entry.base)) return entry.base as Lang;
  }
  return "kk";
}

export { namespaces };
