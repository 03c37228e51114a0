import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/consultation/StatusBadge";
import { LocalizedText } from "~/components/ui/LocalizedText";
import { listGovernmentBodies } from "~/modules/accounts/queries.server";
import { listConsultations } from "~/modules/consultations/queries.server";
import { consultationTypes, periodDays, publicStatuses, type ConsultationStatus } from "~/modules/consultations/rules";
import { daysUntil, formatDate, formatNumber } from "~/utils/format";
import { pickLocalized } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";
import { requireLang } from "~/utils/lang.server";
import { shareListPage } from "~/utils/shared-render.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Kenes" }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const url = new URL(request.url);
  // Unknown filter values are ignored rather than refused: a shared link should still open.
  const status = (publicStatuses as readonly string[]).includes(url.searchParams.get("status") ?? "") ? (url.searchParams.get("status") as ConsultationStatus) : undefined;
  const type = (consultationTypes as readonly string[]).includes(url.searchParams.get("type") ?? "") ? (url.searchParams.get("type") as (typeof consultationTypes)[number]) : undefined;
  const organization = url.searchParams.get("body") || undefined;
  const [items, bodies] = await Promise.all([listConsultations(context.app.db, { status, type, organization }), listGovernmentBodies(context.app.db)]);
  shareListPage(context, items);
  const t = getFixedT(lang);
  return json({
    lang,
    filter: { status: status ?? "", type: type ?? "", body: organization ?? "" },
    bodies: bodies.map((b) => ({ slug: b.slug, name: pickLocalized(b.name, lang).text })),
    items: items.map((c) => ({
      slug: c.slug,
      type: c.type,
      status: c.status,
      title: c.title,
      summary: c.summary,
      organization: c.organization.name,
      opensAt: c.opensAt.toISOString(),
      closesAt: c.closesAt.toISOString(),
      daysLeft: c.status === "open" ? daysUntil(c.closesAt) : null,
      periodDays: periodDays(c.opensAt, c.closesAt),
      commentCount: c.commentCount,
    })),
    pageTitle: `${t("consultation:list.title", { ns: "consultation" })} · Kenes`,
  });
}

export default function ConsultationList() {
  const { items, filter, bodies, lang } = useLoaderData<typeof loader>();
  const { t } = useTranslation("consultation");
  return (
    <>
      <h1>{t("list.title")}</h1>
      <p className="lead">{t("list.intro")}</p>
      <Form method="get" className="filters" aria-label={t("list.filters")}>
        <label>
          {t("list.filter_status")}
          <select name="status" defaultValue={filter.status}>
            <option value="">{t("list.any")}</option>
            {publicStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("list.filter_type")}
          <select name="type" defaultValue={filter.type}>
            <option value="">{t("list.any")}</option>
            {consultationTypes.map((s) => (
              <option key={s} value={s}>
                {t(`type.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("list.filter_body")}
          <select name="body" defaultValue={filter.body}>
            <option value="">{t("list.any")}</option>
            {bodies.map((b) => (
              <option key={b.slug} value={b.slug}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          {t("list.apply")}
        </button>
      </Form>
      {items.length === 0 ? (
        <p className="empty">{t("list.empty")}</p>
      ) : (
        <ul className="consultation-list">
          {items.map((c) => (
            <li key={c.slug} className="consultation-card">
              <div className="consultation-card__meta">
                <StatusBadge status={c.status} />
                <span>{t(`type.${c.type}`)}</span>
                <LocalizedText value={c.organization} />
              </div>
              <h2>
                <Link to={`/${lang}/consultations/${c.slug}`}>
                  <LocalizedText value={c.title} />
                </Link>
              </h2>
              <LocalizedText value={c.summary} as="p" />
              <p className="consultation-card__period">
                {formatDate(lang, c.opensAt)} – {formatDate(lang, c.closesAt)} · {t("period.days", { count: c.periodDays })}
                {c.daysLeft !== null ? <strong> · {t("period.days_left", { count: c.daysLeft })}</strong> : null}
                {" · "}
                {t("comments.count", { count: c.commentCount, formatted: formatNumber(lang, c.commentCount) })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
