import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/consultation/StatusBadge";
import { LotFeedbackSection } from "~/components/lots/LotSummaryView";
import { LocalizedText } from "~/components/ui/LocalizedText";
import { canManageForOrganization } from "~/modules/accounts/permissions";
import { findConsultationBySlug } from "~/modules/consultations/queries.server";
import { getLotFeedbackSummaries } from "~/modules/lots/queries.server";
import { lotSectionPayload } from "~/modules/lots/present.server";
import { pickLocalized } from "~/utils/i18n";
import { notFound, requireLang } from "~/utils/lang.server";
import { getCurrentUser } from "~/utils/session.server";
import { shareConsultationPage } from "~/utils/shared-render.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.titleText} · Kenes` : "Kenes" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/lots.css" }];

/** /{lang}/consultations/{slug}/lots: the lots of a specification and what the sector says about each. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const db = context.app.db;
  const consultation = await findConsultationBySlug(db, params.slug ?? "");
  const user = await getCurrentUser(request, context);
  if (!consultation || (!consultation.publishedAt && !canManageForOrganization(user, consultation.organization.id))) throw notFound(lang, "consultation");
  shareConsultationPage(context, consultation);
  const summaries = await getLotFeedbackSummaries(db, consultation.id);
  return json({
    lang,
    slug: consultation.slug,
    title: consultation.title,
    titleText: pickLocalized(consultation.title, lang).text,
    status: consultation.status,
    lots: summaries.map((s) => lotSectionPayload(s, context.app.config.mciValues)),
  });
}

export default function LotsIndex() {
  const { lang, slug, title, status, lots } = useLoaderData<typeof loader>();
  const { t } = useTranslation("lots");
  const base = `/${lang}/consultations/${slug}`;
  return (
    <article>
      <nav aria-label={t("breadcrumbs")} className="breadcrumbs">
        <Link to={base}>
          <LocalizedText value={title} />
        </Link>
      </nav>
      <StatusBadge status={status} />
      <h1>{t("list.title")}</h1>
      {lots.length === 0 ? <p className="empty">{t("list.empty")}</p> : null}
      <LotFeedbackSection lots={lots} lang={lang} slug={slug} />
    </article>
  );
}
