/**
 * The large parts of a stored report build as HTML, rendered once (ADR 0066): a page of its
 * items, and its by-article table. A build never changes (a new one has a new id), so they are
 * kept, per language (and filter and page), and sent as islands — in the HTML only, not again
 * in the page's data.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { flatString } from "~/utils/flat-string.server";
import { I18nextProvider } from "react-i18next";
import { LRUCache } from "lru-cache";
import type { Lang, Localized } from "~db/schema";
import type { ReportData, ReportItem } from "~/modules/reports/report.types";
import { i18nFor } from "~/utils/i18n.server";
import { ArticleTable, ReportItemView } from "./ReportView";

const pages = new LRUCache<string, string>({ maxSize: 32 * 2 ** 20, sizeCalculation: (html) => Math.max(1, html.length * 2) });

/** The items' <li>s; `key` names the build, filters and page (they fully decide the items). */
export async function reportItemsHtml(key: string, lang: Lang, changes: { key: string; label: Localized | null }[], load: () => Promise<ReportItem[]>): Promise<string> {
  const cacheKey = `${key}|${lang}`;
  const cached = pages.get(cacheKey);
  if (cached !== undefined) return cached;
  const items = await load();
  const changeLabels = new Map(changes.map((c) => [c.key, c.label]));
  const html = flatString(renderToStaticMarkup(
    <I18nextProvider i18n={i18nFor(lang)}>
      {items.map((item) => (
        <ReportItemView key={item.comment.id} item={item} lang={lang} changeLabels={changeLabels} />
      ))}
    </I18nextProvider>,
  ));
  pages.set(cacheKey, html);
  return html;
}

/** The by-article table of build `buildId` (its rows are the build's head: they fully decide it). */
export function reportArticlesHtml(buildId: string, lang: Lang, articles: ReportData["articles"]): string {
  const cacheKey = `articles|${buildId}|${lang}`;
  const cached = pages.get(cacheKey);
  if (cached !== undefined) return cached;
  const html = flatString(renderToStaticMarkup(
    <I18nextProvider i18n={i18nFor(lang)}>
      <ArticleTable lang={lang} articles={articles} />
    </I18nextProvider>,
  ));
  pages.set(cacheKey, html);
  return html;
}
