import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { consultationTitlesBySlug } from "~/modules/search/queries.server";
import { facetNames, parseSearchParams, searchKinds, type FacetName, type SearchKind } from "~/modules/search/search.schema";
import { runSearch, type HitJson } from "~/modules/search/search.server";
import { formatDate, formatNumber } from "~/utils/format";
import { languageNames, pickLocalized } from "~/utils/i18n";
import { requireLang } from "~/utils/lang.server";
import type { Lang } from "~db/schema";
import { shareRender } from "~/utils/shared-render.server";
import { SEARCH_SCOPE, SITE_SCOPE } from "~/modules/changes/changes.server";

const PAGE_SIZE = 20;
const FILTERS = ["consultation", "kind", "status", "lang"] as const;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.q ? `${data.q.slice(0, 80)} · Kenes` : "Kenes" }, { name: "robots", content: "noindex" }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const url = new URL(request.url);
  shareRender(context, [SEARCH_SCOPE, SITE_SCOPE]);
  const q = (url.searchParams.get("q") ?? "").slice(0, 10_000);
  // Filters as they are in the URL, to rebuild links that add or remove one.
  const query: Record<string, string[]> = {};
  for (const name of ["q", ...FILTERS]) {
    const values = url.searchParams.getAll(name).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
    if (values.length) query[name] = name === "q" ? [q] : values;
  }
  const parsed = parseSearchParams(url.searchParams);
  if (!parsed.ok) return json({ lang, q, query, state: "invalid" as const, problems: parsed.problems, result: null, titles: {} as Record<string, string> }, { status: 400 });
  const p = parsed.value;
  const filtered = Boolean(p.consultation || p.kind || p.status || p.lang);
  if (!q.trim() && !filtered) return json({ lang, q, query, state: "start" as const, problems: [], result: null, titles: {} as Record<string, string> });
  const outcome = await runSearch(context.app, { ...p, limit: PAGE_SIZE });
  if (!outcome.ok) return json({ lang, q, query, state: "unavailable" as const, problems: [], result: null, titles: {} as Record<string, string> }, { status: 503 });
  const slugs = new Set([...Object.keys(outcome.facets.consultation), ...(p.consultation ? [p.consultation] : [])]);
  const titles = Object.fromEntries(Object.entries(await consultationTitlesBySlug(context.app.db, [...slugs])).map(([slug, title]) => [slug, pickLocalized(title, lang).text]));
  return json({ lang, q, query, state: "results" as const, problems: [], result: outcome, titles });
}

type Query = Record<string, string[]>;

function href(lang: Lang, query: Query, change: Partial<Record<string, string[] | null>> = {}, cursor?: string | null): string {
  const params = new URLSearchParams();
  const next = { ...query, ...change };
  for (const [name, values] of Object.entries(next)) if (values) for (const v of values) params.append(name, v);
  if (cursor) params.set("cursor", cursor);
  const s = params.toString();
  return `/${lang}/search${s ? `?${s}` : ""}`;
}

function toggle(query: Query, name: string, value: string): string[] | null {
  const current = query[name] ?? [];
  // A consultation is one at a time; the others combine.
  if (name === "consultation") return current.includes(value) ? null : [value];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return next.length ? next : null;
}

export default function SearchPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("search");
  const { lang, q, query, state, titles } = data;
  const hasFilters = FILTERS.some((f) => query[f]?.length);

  const label = (facet: FacetName, value: string): string => {
    if (facet === "consultation") return titles[value] || value;
    if (facet === "kind") return t(`kind.${value}`);
    if (facet === "status") return t(`status.${value}`);
    return languageNames[value as Lang] ?? value;
  };

  return (
    <div className="search-page">
      <h1>{q ? t("page.title_for", { q: q.length > 80 ? `${q.slice(0, 80)}…` : q }) : t("page.title")}</h1>
      <form method="get" action={`/${lang}/search`} role="search" className="search-form">
        <label htmlFor="search-q">{t("page.query_label")}</label>
        <span className="search-form__row">
          <input id="search-q" type="search" name="q" defaultValue={q} maxLength={10000} />
          {FILTERS.flatMap((name) => (query[name] ?? []).map((v) => <input key={`${name}-${v}`} type="hidden" name={name} value={v} />))}
          <button type="submit" className="button">
            {t("page.submit")}
          </button>
        </span>
        {query.consultation?.[0] ? <p className="hint">{t("page.within", { title: titles[query.consultation[0]] || query.consultation[0] })}</p> : null}
      </form>

      {hasFilters ? (
        <div className="search-active" aria-label={t("page.active_filters")}>
          <ul className="chips">
            {FILTERS.flatMap((name) =>
              (query[name] ?? []).map((v) => (
                <li key={`${name}-${v}`}>
                  <Link to={href(lang, query, { [name]: toggle(query, name, v) })} aria-label={t("page.remove_filter", { label: label(name, v) })}>
                    {t(`facet.${name}`)}: {label(name, v)} ×
                  </Link>
                </li>
              )),
            )}
            <li>
              <Link to={href(lang, { q: query.q ?? [] })}>{t("page.clear_filters")}</Link>
            </li>
          </ul>
        </div>
      ) : null}

      {state === "start" ? <StartPage /> : null}
      {state === "invalid" ? (
        <div className="form-error" role="alert">
          <p>{t("page.invalid")}</p>
          <ul>
            {data.problems.map((p) => (
              <li key={p}>
                <code>{p}</code>
              </li>
            ))}
          </ul>
          <p>
            <Link to={href(lang, { q: query.q ?? [] })}>{t("empty.remove_filters")}</Link>
          </p>
        </div>
      ) : null}
      {state === "unavailable" ? (
        <p className="form-error" role="alert">
          {t("page.unavailable")}
        </p>
      ) : null}

      {state === "results" && data.result ? (
        data.result.total === 0 ? (
          <EmptyResults q={q} query={query} hasFilters={hasFilters} />
        ) : (
          <div className="search-layout">
            <aside className="facets" aria-labelledby="facets-title">
              <h2 id="facets-title">{t("page.filters")}</h2>
              {facetNames.map((facet) => {
                const counts = Object.entries(data.result!.facets[facet] ?? {}).sort((a, b) => b[1] - a[1]);
                if (!counts.length) return null;
                return (
                  <section key={facet} className="facet">
                    <h3>{t(`facet.${facet}`)}</h3>
                    <ul>
                      {counts.map(([value, count]) => {
                        const active = (query[facet] ?? []).includes(value);
                        return (
                          <li key={value}>
                            <Link to={href(lang, query, { [facet]: toggle(query, facet, value) })} aria-current={active ? "true" : undefined} className={active ? "facet--active" : undefined}>
                              {label(facet, value)}
                            </Link>{" "}
                            <span className="facet__count">
                              {formatNumber(lang, count)}
                              {/* Counted over the first matches only: at least this many (ADR 0067). */}
                              {data.result!.totalExact ? "" : "+"}
                            </span>
                          </li>
                        );
                      })}
                    </ul>
                  </section>
                );
              })}
            </aside>
            <div className="search-results">
              <p role="status">
                {data.result.totalExact
                  ? t("page.results_count", { count: data.result.total, formatted: formatNumber(lang, data.result.total) })
                  : t("page.results_about", { count: data.result.total, formatted: formatNumber(lang, data.result.total) })}
                {q ? ` ${t("page.results_for", { q: q.length > 80 ? `${q.slice(0, 80)}…` : q })}` : ""}
                {data.result.offset > 0 || data.result.nextCursor
                  ? ` · ${t("page.page_range", { from: formatNumber(lang, data.result.offset + 1), to: formatNumber(lang, data.result.offset + data.result.hits.length) })}`
                  : ""}
              </p>
              <ResultGroups hits={data.result.hits} />
              {data.result.prevCursor !== null || data.result.nextCursor ? (
                <nav className="pagination" aria-label={t("page.pagination")}>
                  {data.result.offset > 0 ? <Link to={href(lang, query, {}, data.result.prevCursor)} rel="prev">{t("page.previous")}</Link> : null}
                  {data.result.nextCursor ? <Link to={href(lang, query, {}, data.result.nextCursor)} rel="next">{t("page.next")}</Link> : null}
                </nav>
              ) : null}
            </div>
          </div>
        )
      ) : null}
    </div>
  );
}

function StartPage() {
  const { t } = useTranslation("search");
  const { lang } = useLoaderData<typeof loader>();
  const examples = ["казакстан", "софинансирование", "reporting deadlines", "гылым"];
  return (
    <div className="search-start">
      <p>{t("page.intro")}</p>
      <p>
        {t("page.examples")}{" "}
        {examples.map((e, i) => (
          <span key={e}>
            {i ? ", " : ""}
            <Link to={`/${lang}/search?q=${encodeURIComponent(e)}`}>{e}</Link>
          </span>
        ))}
      </p>
    </div>
  );
}

function EmptyResults({ q, query, hasFilters }: { q: string; query: Query; hasFilters: boolean }) {
  const { t } = useTranslation("search");
  const { lang } = useLoaderData<typeof loader>();
  return (
    <section className="search-empty" aria-labelledby="empty-title">
      <h2 id="empty-title">{q.trim() ? t("empty.title", { q: q.length > 80 ? `${q.slice(0, 80)}…` : q }) : t("empty.title_no_query")}</h2>
      <p>{t("empty.tips")}</p>
      <ul>
        {q.trim() ? <li>{t("empty.tip_spelling")}</li> : null}
        {q.trim().includes(" ") ? <li>{t("empty.tip_fewer_words")}</li> : null}
        {q.trim() ? <li>{t("empty.tip_language")}</li> : null}
        {query.consultation ? (
          <li>
            <Link to={href(lang, query, { consultation: null })}>{t("empty.all_consultations")}</Link>
          </li>
        ) : null}
        {hasFilters ? (
          <li>
            <Link to={href(lang, { q: query.q ?? [] })}>{t("empty.remove_filters")}</Link>
          </li>
        ) : null}
        <li>
          <Link to={`/${lang}/consultations`}>{t("empty.browse")}</Link>
        </li>
      </ul>
    </section>
  );
}

function ResultGroups({ hits }: { hits: HitJson[] }) {
  const { t } = useTranslation("search");
  const groups = searchKinds.map((kind) => ({ kind, hits: hits.filter((h) => h.kind === kind) })).filter((g) => g.hits.length);
  return (
    <>
      {groups.map((group) => (
        <section key={group.kind} className="search-group" aria-labelledby={`group-${group.kind}`}>
          <h2 id={`group-${group.kind}`}>{t(`kind.${group.kind}`)}</h2>
          <ol className="search-hits">
            {group.hits.map((hit) => (
              <Hit key={hit.id} hit={hit} kind={group.kind} />
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}

function Hit({ hit, kind }: { hit: HitJson; kind: SearchKind }) {
  const { t } = useTranslation("search");
  const { lang } = useLoaderData<typeof loader>();
  const heading =
    kind === "consultation"
      ? hit.consultation.title
      : kind === "block"
        ? hit.blockLabel || t("kind_one.block")
        : kind === "comment" || kind === "annotation"
          ? hit.blockLabel
            ? t("hit.comment_on", { label: hit.blockLabel })
            : t("hit.general_comment")
          : t("kind_one.answer");
  return (
    <li className={`search-hit search-hit--${kind}`} lang={hit.lang}>
      <h3 className="search-hit__title">
        <a href={hit.url}>{heading}</a>
      </h3>
      {hit.quote ? <blockquote className="search-hit__quote">{hit.quote}</blockquote> : null}
      {/* The highlight is built server-side from escaped text: <mark> is its only markup. */}
      <p className="search-hit__snippet" dangerouslySetInnerHTML={{ __html: hit.highlight }} />
      <p className="search-hit__meta">
        {kind !== "consultation" ? <span>{t("hit.in_consultation", { title: hit.consultation.title })}</span> : null}
        <span>{formatDate(lang, hit.date)}</span>
        {hit.lang !== lang ? <span>{t("hit.lang", { language: languageNames[hit.lang] })}</span> : null}
        {hit.status && kind !== "consultation" && kind !== "block" ? <span className={`search-status search-status--${hit.status}`}>{t(`status.${hit.status}`)}</span> : null}
      </p>
    </li>
  );
}
