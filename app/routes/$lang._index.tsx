import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LocalizedText } from "~/components/ui/LocalizedText";
import { listConsultations } from "~/modules/consultations/queries.server";
import { daysUntil } from "~/utils/format";
import { getFixedT } from "~/utils/i18n.server";
import { requireLang } from "~/utils/lang.server";
import { shareListPage } from "~/utils/shared-render.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Kenes" }, { name: "description", content: data?.description ?? "" }];

/** The front page: what Kenes is, how a consultation works, and what is open now. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const open = await listConsultations(context.app.db, { status: "open" });
  shareListPage(context, open);
  const t = getFixedT(lang);
  return json({
    lang,
    title: `Kenes · ${t("site.tagline")}`,
    description: t("home.lead"),
    open: open.slice(0, 5).map((c) => ({ slug: c.slug, title: c.title, daysLeft: daysUntil(c.closesAt), commentCount: c.commentCount })),
    openCount: open.length,
  });
}

export default function Home() {
  const { lang, open, openCount } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <section className="hero">
        <h1>{t("home.title")}</h1>
        <p className="lead">{t("home.lead")}</p>
        <p>
          <Link to={`/${lang}/consultations`} className="button">
            {t("home.cta", { count: openCount })}
          </Link>
        </p>
      </section>
      <section aria-labelledby="how-title">
        <h2 id="how-title">{t("home.how_title")}</h2>
        <ol className="steps">
          <li>{t("home.step_publish")}</li>
          <li>{t("home.step_comment")}</li>
          <li>{t("home.step_answer")}</li>
          <li>{t("home.step_report")}</li>
        </ol>
      </section>
      {open.length ? (
        <section aria-labelledby="open-title">
          <h2 id="open-title">{t("home.open_now")}</h2>
          <ul className="open-list">
            {open.map((c) => (
              <li key={c.slug}>
                <Link to={`/${lang}/consultations/${c.slug}`}>
                  <LocalizedText value={c.title} />
                </Link>{" "}
                <span className="hint">{t("home.days_left", { count: c.daysLeft })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
