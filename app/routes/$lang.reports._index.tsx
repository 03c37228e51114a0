import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ConsultationType } from "~db/schema";
import { Localized } from "~/components/reports/ReportView";
import { listGovernmentBodies } from "~/modules/accounts/queries.server";
import { consultationTypes } from "~/modules/consultations/rules";
import { reportDashboard } from "~/modules/reports/stats.server";
import { formatDate, formatNumber, formatPercent } from "~/utils/format";
import { pickLocalized } from "~/utils/i18n";
import { requireLang } from "~/utils/lang.server";
import { shareListPage } from "~/utils/shared-render.server";

export const meta: MetaFunction = () => [{ title: "Kenes" }];

/** Reports for MPs and the public: report status of every consultation and each body's record. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const url = new URL(request.url);
  const organization = url.searchParams.get("body") ?? "";
  const typeParam = url.searchParams.get("type") ?? "";
  const type = (consultationTypes as readonly string[]).includes(typeParam) ? (typeParam as ConsultationType) : undefined;
  const yearParam = url.searchParams.get("year") ?? "";
  const year = /^\d{4}$/.test(yearParam) ? Number(yearParam) : undefined;
  const db = context.app.db;
  const dueDays = context.app.config.reportDueDays;
  const [dashboard, bodies] = await Promise.all([reportDashboard(db, { organization: organization || undefined, type, year }, dueDays), listGovernmentBodies(db)]);
  shareListPage(context, dashboard.consultations, { derived: true });
  return json({
    lang,
    dueDays,
    filters: { body: organization, type: type ?? "", year: year ? String(year) : "" },
    bodiesList: bodies.map((b) => ({ slug: b.slug, name: pickLocalized(b.name, lang).text })),
    years: dashboard.years,
    consultations: dashboard.consultations.map((c) => ({ ...c, opensAt: c.opensAt.toISOString(), closesAt: c.closesAt.toISOString(), dueAt: c.dueAt.toISOString(), reportPublishedAt: c.reportPublishedAt?.toISOString() ?? null })),
    bodies: dashboard.bodies,
  });
}

export default function ReportsDashboard() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("reports");
  const pct = (v: number | null) => (v === null ? "—" : formatPercent(d.lang, v));
  const overdue = d.consultations.filter((c) => c.state === "overdue");
  return (
    <>
      <h1>{t("dashboard.title")}</h1>
      <p className="hint">
        {t("dashboard.intro", { days: d.dueDays })} <a href={`/${d.lang}/reports/feed.atom`}>{t("dashboard.feed")}</a>
      </p>
      <Form method="get" className="filters">
        <label>
          {t("dashboard.body")}{" "}
          <select name="body" defaultValue={d.filters.body}>
            <option value="">{t("filter.all")}</option>
            {d.bodiesList.map((b) => (
              <option key={b.slug} value={b.slug}>
                {b.name}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          {t("dashboard.type")}{" "}
          <select name="type" defaultValue={d.filters.type}>
            <option value="">{t("filter.all")}</option>
            {consultationTypes.map((ty) => (
              <option key={ty} value={ty}>
                {t(`consultation:type.${ty}`)}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          {t("dashboard.year")}{" "}
          <select name="year" defaultValue={d.filters.year}>
            <option value="">{t("filter.all")}</option>
            {d.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>{" "}
        <button type="submit" className="button button--small">
          {t("filter.apply")}
        </button>
      </Form>

      <section aria-labelledby="overdue">
        <h2 id="overdue">{t("dashboard.overdue", { count: overdue.length })}</h2>
        {overdue.length === 0 ? <p className="empty">{t("dashboard.none_overdue")}</p> : null}
        <ul>
          {overdue.map((c) => (
            <li key={c.slug}>
              <Link to={`/${d.lang}/consultations/${c.slug}/report`}>
                <Localized value={c.title} lang={d.lang} />
              </Link>{" "}
              — <Localized value={c.organization.name} lang={d.lang} />, {t("dashboard.due_since", { date: formatDate(d.lang, c.dueAt) })}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="bodies">
        <h2 id="bodies">{t("dashboard.by_body")}</h2>
        <div className="table-scroll">
          <table className="report-table" id="body-stats">
            <thead>
              <tr>
                <th scope="col">{t("dashboard.body")}</th>
                <th scope="col">{t("dashboard.held")}</th>
                <th scope="col">{t("dashboard.thirty_day_share")}</th>
                <th scope="col">{t("dashboard.comments")}</th>
                <th scope="col">{t("dashboard.answered_share")}</th>
                <th scope="col">{t("dashboard.accepted_share")}</th>
                <th scope="col">{t("dashboard.median_days")}</th>
                <th scope="col">{t("dashboard.overdue_count")}</th>
              </tr>
            </thead>
            <tbody>
              {d.bodies.map((b) => (
                <tr key={b.slug} data-body={b.slug}>
                  <th scope="row">
                    <Localized value={b.name} lang={d.lang} />
                  </th>
                  <td>{formatNumber(d.lang, b.held)}</td>
                  <td>{pct(b.thirtyDayShare)}</td>
                  <td>{formatNumber(d.lang, b.comments)}</td>
                  <td>{pct(b.answeredShare)}</td>
                  <td>{pct(b.acceptedShare)}</td>
                  <td>{b.medianDaysToAnswer === null ? "—" : formatNumber(d.lang, b.medianDaysToAnswer, { maximumFractionDigits: 1 })}</td>
                  <td>{formatNumber(d.lang, b.overdue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="all">
        <h2 id="all">{t("dashboard.all")}</h2>
        <div className="table-scroll">
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">{t("dashboard.consultation")}</th>
                <th scope="col">{t("dashboard.body")}</th>
                <th scope="col">{t("dashboard.closes")}</th>
                <th scope="col">{t("dashboard.report_status")}</th>
                <th scope="col">{t("dashboard.comments")}</th>
                <th scope="col">{t("dashboard.answered")}</th>
              </tr>
            </thead>
            <tbody>
              {d.consultations.map((c) => (
                <tr key={c.slug}>
                  <th scope="row">
                    <Link to={`/${d.lang}/consultations/${c.slug}/report`}>
                      <Localized value={c.title} lang={d.lang} />
                    </Link>
                  </th>
                  <td className="text">
                    <Localized value={c.organization.name} lang={d.lang} />
                  </td>
                  <td className="text">{formatDate(d.lang, c.closesAt)}</td>
                  <td className={`text report-state report-state--${c.state}`}>
                    {t(`dashboard.state_${c.state}`)}
                    {c.reportPublishedAt ? ` (${formatDate(d.lang, c.reportPublishedAt)}${c.revisions > 1 ? `, ${t("dashboard.revisions", { count: c.revisions })}` : ""})` : ""}
                  </td>
                  <td>{formatNumber(d.lang, c.comments)}</td>
                  <td>{formatNumber(d.lang, c.answered)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
