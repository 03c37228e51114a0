import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/consultation/StatusBadge";
import { LocalizedText } from "~/components/ui/LocalizedText";
import { listConsultations } from "~/modules/consultations/queries.server";
import { formatDate } from "~/utils/format";
import { getFixedT } from "~/utils/i18n.server";
import { requireStaff } from "~/utils/guards.server";
import { requireLang } from "~/utils/lang.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Kenes" }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const user = await requireStaff(request, context, lang);
  const all = await listConsultations(context.app.db, { draftsOf: user.role === "admin" ? "*" : (user.organizationId ?? undefined) });
  const mine = user.role === "admin" ? all : all.filter((c) => c.organization.id === user.organizationId);
  return json({
    lang,
    title: `${getFixedT(lang)("manage:dashboard.title")} · Kenes`,
    items: mine.map((c) => ({ slug: c.slug, title: c.title, status: c.status, opensAt: c.opensAt.toISOString(), closesAt: c.closesAt.toISOString(), commentCount: c.commentCount })),
  });
}

export default function ManageDashboard() {
  const { items, lang } = useLoaderData<typeof loader>();
  const { t } = useTranslation("manage");
  return (
    <>
      <h1>{t("dashboard.title")}</h1>
      <p>
        <Link to={`/${lang}/manage/consultations/new`} className="button">
          {t("dashboard.new")}
        </Link>
      </p>
      {items.length === 0 ? (
        <p className="empty">{t("dashboard.empty")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("dashboard.col_title")}</th>
              <th scope="col">{t("dashboard.col_status")}</th>
              <th scope="col">{t("dashboard.col_period")}</th>
              <th scope="col">{t("dashboard.col_comments")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.slug}>
                <td>
                  <Link to={`/${lang}/manage/consultations/${c.slug}`}>
                    <LocalizedText value={c.title} />
                  </Link>
                </td>
                <td>
                  <StatusBadge status={c.status} />
                </td>
                <td>
                  {formatDate(lang, c.opensAt)} – {formatDate(lang, c.closesAt)}
                </td>
                <td>{c.commentCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
