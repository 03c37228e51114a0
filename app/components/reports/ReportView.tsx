/**
 * The consultation report, used by the report page and by the PDF (rendered on the server
 * without the Remix router: plain links only, no loader hooks). Extra sections (for example the
 * lots feedback summary) go in `extraSections`, rendered before the full list of comments.
 */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Lang, Localized } from "~db/schema";
import { statusKeys, type ReportData, type ReportItem, type RevisionInfo } from "~/modules/reports/report.types";
import { formatDate, formatDateTime, formatNumber, formatPercent } from "~/utils/format";
import { languageNames, pickLocalized } from "~/utils/i18n";
import { StatusChart } from "./StatusChart";
import { ServerHtml } from "~/components/ui/ServerHtml";

export interface ReportLinks {
  consultation: string;
  csv: string;
  json: string;
  pdf: string;
  feed: string;
  self: string;
}

export function Localized({ value, lang, as: Tag = "span" }: { value: Partial<Localized> | null | undefined; lang: Lang; as?: "span" | "p" | "div" }) {
  const { t } = useTranslation("reports");
  const shown = pickLocalized(value, lang);
  if (!shown.text) return null;
  return (
    <Tag lang={shown.fallbackFrom}>
      {shown.text}
      {shown.fallbackFrom ? <span className="fallback-note"> ({t("shown_in", { language: languageNames[shown.fallbackFrom] })})</span> : null}
    </Tag>
  );
}

export function ResponseBadge({ status }: { status: string }) {
  const { t } = useTranslation("reports");
  return <span className={`response-badge response-badge--${status}`}>{t(`status.${status}`)}</span>;
}

function share(lang: Lang, n: number, total: number) {
  return total ? formatPercent(lang, n / total) : "—";
}

export function ReportItemView({ item, lang, changeLabels }: { item: ReportItem; lang: Lang; changeLabels: Map<string, Localized | null> }) {
  const { t } = useTranslation("reports");
  const c = item.comment;
  return (
    <li id={`item-${c.id}`} className={`report-item report-item--${c.status}`}>
      <p className="report-item__meta">
        <span>{c.articleLabel ? <Localized value={c.articleLabel} lang={lang} /> : t("item.general")}</span>
        {" · "}
        <time dateTime={c.createdAt}>{formatDate(lang, c.createdAt)}</time>
        {c.status === "visible" ? (
          <>
            {" · "}
            <strong>{c.authorName ?? t("item.participant", { code: c.pseudonym })}</strong>
            {c.organization ? (
              <>
                {" · "}
                <Localized value={c.organization} lang={lang} />
              </>
            ) : null}
          </>
        ) : null}
        {c.group ? <span className="similar-badge"> · {t("item.similar", { count: c.group.size })}</span> : null}
      </p>
      {c.status === "visible" ? (
        <p className="report-item__body" lang={c.lang}>
          {c.body}
        </p>
      ) : (
        <p className="comment__removed">{c.status === "hidden" ? t("item.hidden", { reason: c.statusReason ?? "" }) : t("item.withdrawn")}</p>
      )}
      {item.response ? (
        <div className="report-item__response">
          <ResponseBadge status={item.response.status} />{" "}
          <span className="hint">
            {t("item.answered_at", { date: formatDateTime(lang, item.response.respondedAt) })}
            {item.response.respondedBy ? ` · ${item.response.respondedBy}` : ""}
          </span>
          <Localized value={item.response.justification} lang={lang} as="p" />
        </div>
      ) : c.status === "visible" ? (
        <p className="report-item__response">
          <ResponseBadge status="unanswered" />
        </p>
      ) : null}
      {item.changes.length ? (
        <p className="hint">
          {t("item.led_to_change")}{" "}
          {item.changes.map((key, i) => (
            <span key={key}>
              {i ? ", " : ""}
              <a href={`#change-${key}`}>{pickLocalized(changeLabels.get(key) ?? null, lang).text || key}</a>
            </span>
          ))}
        </p>
      ) : null}
    </li>
  );
}

/** Comments per article and status: the report's largest table (one row per article). */
export function ArticleTable({ lang, articles }: { lang: Lang; articles: ReportData["articles"] }) {
  const { t } = useTranslation("reports");
  return (
    <table className="report-table">
      <thead>
        <tr>
          <th scope="col">{t("report.article")}</th>
          <th scope="col">{t("report.comments")}</th>
          {statusKeys.map((k) => (
            <th scope="col" key={k}>
              {t(`status.${k}`)}
            </th>
          ))}
          <th scope="col">{t("report.hidden_or_withdrawn")}</th>
        </tr>
      </thead>
      <tbody>
        {articles.map((a) => (
          <tr key={a.key ?? "general"}>
            <th scope="row">{a.key ? (a.label ? <Localized value={a.label} lang={lang} /> : a.key) : t("item.general")}</th>
            <td>{formatNumber(lang, a.comments)}</td>
            {statusKeys.map((k) => (
              <td key={k}>{formatNumber(lang, a[k])}</td>
            ))}
            <td>{formatNumber(lang, a.hidden)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface ReportPagination {
  page: number;
  pages: number;
  /** Items after the filters, on all pages. */
  total: number;
  previous: string | null;
  next: string | null;
}

/** How many items the report page shows at once. */
export const REPORT_PAGE_SIZE = 100;

/** The page asked for (missing, malformed or out of range: the nearest real one) and its links. */
export function paginate(total: number, pageParam: string | null, link: (page: number) => string): ReportPagination {
  const pages = Math.max(1, Math.ceil(total / REPORT_PAGE_SIZE));
  const asked = pageParam && /^\d{1,7}$/.test(pageParam) ? Number(pageParam) : 1;
  const page = Math.min(Math.max(1, asked), pages);
  return { page, pages, total, previous: page > 1 ? link(page - 1) : null, next: page < pages ? link(page + 1) : null };
}

/** One page of the filtered items, with links that keep the filters and the revision. */
export function paginateItems(items: ReportItem[], pageParam: string | null, link: (page: number) => string): { items: ReportItem[]; pagination: ReportPagination } {
  const pagination = paginate(items.length, pageParam, link);
  return { items: items.slice((pagination.page - 1) * REPORT_PAGE_SIZE, pagination.page * REPORT_PAGE_SIZE), pagination };
}

function Pages({ pagination: p }: { pagination: ReportPagination }) {
  const { t } = useTranslation("reports");
  if (p.pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t("pages.nav_label")}>
      {p.previous ? (
        <a href={p.previous} rel="prev">
          {t("pages.previous")}
        </a>
      ) : null}{" "}
      <span aria-current="page">{t("pages.page", { page: p.page, pages: p.pages })}</span>{" "}
      {p.next ? (
        <a href={p.next} rel="next">
          {t("pages.next")}
        </a>
      ) : null}
    </nav>
  );
}

export interface ReportViewProps {
  lang: Lang;
  data: ReportData;
  revision: RevisionInfo | null;
  history: RevisionInfo[];
  /** A staff preview of draft answers, not the published report. */
  draft: boolean;
  items: ReportItem[];
  /** The items as server HTML (a stored build's page, ADR 0066) instead of `items`; null: already in the document. */
  itemsHtml?: string | null;
  /** The by-article table's rows as server HTML (a stored build's, rendered once) instead of `data.articles`; null: already in the document. */
  articlesHtml?: string | null;
  /** The article filter's choices (key, label in the page's language), when `data.articles` is left out. */
  articleOptions?: { key: string; label: string }[];
  filters: { status: string; article: string };
  /** The web page shows the items a page at a time (exports and the PDF hold them all). */
  pagination?: ReportPagination;
  links: ReportLinks;
  printable?: boolean;
  extraSections?: ReactNode;
  /** A stored build's time (and how often it is recalculated, when the reader may see it lag). */
  asOf?: { at: string; refreshSeconds: number | null } | null;
}

export function ReportView({ lang, data, revision, history, draft, items, itemsHtml, articlesHtml, articleOptions, filters, pagination, links, printable, extraSections, asOf }: ReportViewProps) {
  const { t } = useTranslation("reports");
  const s = data.summary;
  const visible = statusKeys.reduce((n, k) => n + s.byStatus[k], 0);
  const changeLabels = new Map(data.changes.map((c) => [c.key, c.label]));
  return (
    <article className="report">
      <header>
        <p className="hint">{draft ? t("report.draft_preview") : revision ? t("report.revision", { revision: revision.revision, date: formatDateTime(lang, revision.publishedAt) }) : null}</p>
        {asOf ? (
          <p className="hint report-as-of">
            <time dateTime={asOf.at}>{t("report.as_of", { date: formatDateTime(lang, asOf.at) })}</time>
            {asOf.refreshSeconds ? ` ${t("report.refresh", { count: asOf.refreshSeconds })}` : null}
          </p>
        ) : null}
        <h1>
          {t("report.title")}: <Localized value={data.consultation.title} lang={lang} />
        </h1>
        <dl className="report-facts">
          <dt>{t("report.body")}</dt>
          <dd>
            <Localized value={data.consultation.organization.name} lang={lang} />
          </dd>
          <dt>{t("report.period")}</dt>
          <dd>
            {formatDate(lang, data.consultation.opensAt)} – {formatDate(lang, data.consultation.closesAt)} ({t("report.days", { count: data.consultation.periodDays })})
          </dd>
          <dt>{t("report.comments")}</dt>
          <dd>{formatNumber(lang, s.comments)}</dd>
          <dt>{t("report.participants")}</dt>
          <dd>{formatNumber(lang, s.participants)}</dd>
          <dt>{t("report.organisations")}</dt>
          <dd>{formatNumber(lang, s.organisations)}</dd>
          <dt>{t("report.hidden")}</dt>
          <dd>
            {formatNumber(lang, s.hidden)} · {t("report.withdrawn")}: {formatNumber(lang, s.withdrawn)}
          </dd>
          <dt>{t("report.similar_groups")}</dt>
          <dd>{formatNumber(lang, s.similarGroups)}</dd>
        </dl>
        {!printable ? (
          <p className="report-downloads">
            <a href={links.csv}>{t("report.download_csv")}</a> · <a href={links.pdf}>{t("report.download_pdf")}</a> · <a href={links.json}>{t("report.download_json")}</a> · <a href={links.feed}>{t("report.feed")}</a> ·{" "}
            <a href={links.consultation}>{t("report.back_to_consultation")}</a>
          </p>
        ) : null}
      </header>

      <section aria-labelledby="by-status">
        <h2 id="by-status">{t("report.by_status")}</h2>
        <StatusChart counts={s.byStatus} lang={lang} />
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">{t("report.status")}</th>
              <th scope="col">{t("report.count")}</th>
              <th scope="col">{t("report.share")}</th>
            </tr>
          </thead>
          <tbody>
            {statusKeys.map((k) => (
              <tr key={k}>
                <th scope="row">{t(`status.${k}`)}</th>
                <td>{formatNumber(lang, s.byStatus[k])}</td>
                <td>{share(lang, s.byStatus[k], visible)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t("report.hidden")}</th>
              <td>{formatNumber(lang, s.hidden)}</td>
              <td>—</td>
            </tr>
            <tr>
              <th scope="row">{t("report.withdrawn")}</th>
              <td>{formatNumber(lang, s.withdrawn)}</td>
              <td>—</td>
            </tr>
          </tbody>
        </table>
      </section>

      <section aria-labelledby="by-article">
        <h2 id="by-article">{t("report.by_article")}</h2>
        {articlesHtml !== undefined ? <ServerHtml id="report-articles" html={articlesHtml} className="table-scroll" /> : (
          <div className="table-scroll">
            <ArticleTable lang={lang} articles={data.articles} />
          </div>
        )}
      </section>

      <section aria-labelledby="changes">
        <h2 id="changes">{t("report.changes")}</h2>
        {data.changes.length === 0 ? (
          <p className="empty">{data.versions.final && data.versions.first !== data.versions.final ? t("report.no_changes") : t("report.no_final_version")}</p>
        ) : (
          <>
            <p className="hint">
              {t("report.changes_between", { from: data.versions.first, to: data.versions.final })}{" "}
              {/* A plain link: the report is also rendered outside the router (PDF). */}
              <a href={`/${lang}/consultations/${data.consultation.slug}/diff?from=${data.versions.first}&to=${data.versions.final}`}>{t("report.see_diff")}</a>
            </p>
            <ol className="change-list">
              {data.changes.map((ch) => (
                <li key={ch.key} id={`change-${ch.key}`}>
                  <strong>{pickLocalized(ch.label, lang).text || ch.key}</strong> — {t(`change.${ch.kind}`)}
                  {ch.before ? (
                    <p className="change-before">
                      <span className="hint">{t("change.before")}: </span>
                      <Localized value={ch.before} lang={lang} />
                    </p>
                  ) : null}
                  {ch.after ? (
                    <p className="change-after">
                      <span className="hint">{t("change.after")}: </span>
                      <Localized value={ch.after} lang={lang} />
                    </p>
                  ) : null}
                  {ch.commentIds.length ? (
                    <p className="hint">
                      {t("change.because_of", { count: ch.commentIds.length })}{" "}
                      {ch.commentIds.map((id, i) => (
                        <a key={id} href={`#item-${id}`}>
                          {i ? ", " : ""}#{i + 1}
                        </a>
                      ))}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      {extraSections}

      <section aria-labelledby="items">
        <h2 id="items">{t("report.items", { count: pagination?.total ?? items.length })}</h2>
        {!printable ? (
          <form method="get" action={links.self} className="filters">
            <label>
              {t("filter.status")}{" "}
              <select name="status" defaultValue={filters.status}>
                <option value="">{t("filter.all")}</option>
                {statusKeys.map((k) => (
                  <option key={k} value={k}>
                    {t(`status.${k}`)}
                  </option>
                ))}
                <option value="hidden">{t("report.hidden")}</option>
              </select>
            </label>{" "}
            <label>
              {t("filter.article")}{" "}
              <select name="article" defaultValue={filters.article}>
                <option value="">{t("filter.all")}</option>
                <option value="general">{t("item.general")}</option>
                {(articleOptions ?? articleChoices(data.articles, lang)).map((a) => (
                  <option key={a.key} value={a.key}>
                    {a.label}
                  </option>
                ))}
              </select>
            </label>{" "}
            {revision && history.length > 1 ? <input type="hidden" name="revision" value={revision.revision} /> : null}
            <button type="submit" className="button button--small">
              {t("filter.apply")}
            </button>
          </form>
        ) : null}
        {pagination ? <Pages pagination={pagination} /> : null}
        {itemsHtml !== undefined ? (
          <ServerHtml as="ol" id="report-items-list" html={itemsHtml} className="report-items" start={pagination ? (pagination.page - 1) * REPORT_PAGE_SIZE + 1 : undefined} />
        ) : (
          <ol className="report-items" start={pagination ? (pagination.page - 1) * REPORT_PAGE_SIZE + 1 : undefined}>
            {items.map((item) => (
              <ReportItemView key={item.comment.id} item={item} lang={lang} changeLabels={changeLabels} />
            ))}
          </ol>
        )}
        {pagination ? <Pages pagination={pagination} /> : null}
      </section>

      <section aria-labelledby="responders">
        <h2 id="responders">{t("report.responders")}</h2>
        {data.responders.length === 0 ? <p className="empty">—</p> : null}
        <ul>
          {data.responders.map((r) => (
            <li key={r.name + r.lastAt}>{t("report.responder", { name: r.name, count: r.count, date: formatDate(lang, r.lastAt) })}</li>
          ))}
        </ul>
      </section>

      {history.length ? (
        <section aria-labelledby="revisions">
          <h2 id="revisions">{t("report.revisions")}</h2>
          <ol className="revision-list" reversed>
            {history.map((h) => (
              <li key={h.revision}>
                {printable ? (
                  t("report.revision", { revision: h.revision, date: formatDateTime(lang, h.publishedAt) })
                ) : (
                  <a href={`${links.self}?revision=${h.revision}`}>{t("report.revision", { revision: h.revision, date: formatDateTime(lang, h.publishedAt) })}</a>
                )}
                {h.publishedBy ? ` · ${h.publishedBy}` : ""}
                {h.changeLog ? <Localized value={h.changeLog} lang={lang} as="p" /> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}

/** The article filter's choices: every article of the report, by its label in `lang` (or its key). */
export function articleChoices(articles: ReportData["articles"], lang: Lang): { key: string; label: string }[] {
  return articles.filter((a) => a.key).map((a) => ({ key: a.key!, label: pickLocalized(a.label, lang).text || a.key! }));
}

/** Items of a report narrowed by the page's filters (status or "hidden", and article key or "general"). */
export function filterItems(items: ReportItem[], filters: { status: string; article: string }): ReportItem[] {
  return items.filter((i) => {
    if (filters.status === "hidden" && i.comment.status === "visible") return false;
    if (filters.status && filters.status !== "hidden") {
      if (i.comment.status !== "visible") return false;
      if ((i.response?.status ?? "unanswered") !== filters.status) return false;
    }
    if (filters.article === "general" && i.comment.articleKey !== null) return false;
    if (filters.article && filters.article !== "general" && i.comment.articleKey !== filters.article) return false;
    return true;
  });
}
