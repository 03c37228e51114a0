import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Localized, ResponseBadge } from "~/components/reports/ReportView";
import { listMyComments } from "~/modules/responses/queries.server";
import { formatDateTime } from "~/utils/format";
import { pickLocalized } from "~/utils/i18n";
import { requireLang } from "~/utils/lang.server";
import { requireUser } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Kenes" }];

/** "My comments": what I wrote and how each was answered. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const user = await requireUser(request, context, lang);
  const comments = await listMyComments(context.app.db, user.id);
  return json({
    lang,
    comments: comments.map((c) => ({
      ...c,
      createdAt: c.createdAt.toISOString(),
      consultationTitle: pickLocalized(c.consultation.title, lang).text,
      blockLabel: c.blockLabel ? pickLocalized(c.blockLabel, lang).text : null,
      response: c.response ? { ...c.response, respondedAt: c.response.respondedAt.toISOString() } : null,
    })),
  });
}

export default function MyComments() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("reports");
  return (
    <>
      <h1>{t("my.title")}</h1>
      {d.comments.length === 0 ? <p className="empty">{t("my.none")}</p> : null}
      <ol className="comment-list">
        {d.comments.map((c) => (
          <li key={c.id} className={`comment comment--${c.status}`} id={`comment-${c.id}`}>
            <p className="comment__meta">
              <Link to={`/${d.lang}/consultations/${c.consultation.slug}`}>{c.consultationTitle}</Link>
              <span>{c.blockLabel ?? t("item.general")}</span>
              <time dateTime={c.createdAt}>{formatDateTime(d.lang, c.createdAt)}</time>
            </p>
            <p className="comment__body" lang={c.lang}>
              {c.body}
            </p>
            {c.status === "hidden" ? <p className="comment__removed">{t("item.hidden", { reason: c.statusReason ?? "" })}</p> : null}
            {c.status === "withdrawn" ? <p className="comment__removed">{t("item.withdrawn")}</p> : null}
            {c.response ? (
              <div className="comment__response">
                <p className="comment__response-head">
                  <strong>{t("item.official_answer")}</strong> <ResponseBadge status={c.response.status} /> <time dateTime={c.response.respondedAt}>{formatDateTime(d.lang, c.response.respondedAt)}</time>
                </p>
                <Localized value={c.response.justification} lang={d.lang} as="p" />
              </div>
            ) : c.status === "visible" ? (
              <p className="hint">{t("my.awaiting")}</p>
            ) : null}
            {c.consultation.reportPublished ? (
              <p>
                <Link to={`/${d.lang}/consultations/${c.consultation.slug}/report#item-${c.id}`}>{t("my.in_report")}</Link>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
