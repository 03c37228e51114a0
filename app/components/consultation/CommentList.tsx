import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lang } from "~db/schema";
import { formatDateTime } from "~/utils/format";
import { languageNames } from "~/utils/i18n";
import type { CommentItem } from "~/modules/comments/comment-views";

export type { CommentItem };


/**
 * What every list shows of a visible comment: author, organisation, a permalink with the date,
 * the text as submitted (plain text: React escapes it), the similar-comments badge and the
 * published official answer. Shared by the plain lists and the annotation threads.
 */
export function CommentContent({ comment: c, lang }: { comment: CommentItem; lang: Lang }) {
  const { t } = useTranslation("consultation");
  return (
    <>
      <header className="comment__meta">
        <strong>{c.authorName}</strong>
        {c.organizationName ? <span className="comment__org">{c.organizationName}</span> : null}
        <Link to={`/${lang}/comments/${c.id}`} className="comment__permalink">
          <span className="visually-hidden">{t("comment_page.permalink")}: </span>
          <time dateTime={c.createdAt}>{formatDateTime(lang, c.createdAt)}</time>
        </Link>
        {c.editedAt ? <span className="comment__edited">{t("comments.edited")}</span> : null}
      </header>
      <p className="comment__body" lang={c.lang}>
        {c.body}
      </p>
      {c.similarCount ? <p className="similar-badge">{t("reports:item.similar", { count: c.similarCount })}</p> : null}
      {c.response ? (
        <div className="comment__response">
          <p className="comment__response-head">
            <strong>{t("reports:item.official_answer")}</strong>{" "}
            <span className={`response-badge response-badge--${c.response.status}`}>{t(`reports:status.${c.response.status}`)}</span>{" "}
            <time dateTime={c.response.respondedAt}>{formatDateTime(lang, c.response.respondedAt)}</time>
          </p>
          {c.response.justification.text ? (
            <p className="comment__body" lang={c.response.justification.fallbackFrom}>
              {c.response.justification.text}
              {c.response.justification.fallbackFrom ? (
                <span className="fallback-note"> ({t("reports:shown_in", { language: languageNames[c.response.justification.fallbackFrom] })})</span>
              ) : null}
            </p>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

/** Comments as submitted; the body is plain text (React escapes it), line breaks kept by CSS. */
export function CommentList({ comments, lang }: { comments: CommentItem[]; lang: Lang }) {
  const { t } = useTranslation("consultation");
  return (
    <ol className="comment-list">
      {comments.map((c) => (
        <li key={c.id} id={`comment-${c.id}`} className={`comment comment--${c.status}`}>
          {c.status === "visible" ? (
            <article aria-label={t("comments.by", { name: c.authorName })}>
              <CommentContent comment={c} lang={lang} />
              <p className="comment__actions">
                <a href={`/${lang}/comments/${c.id}/flag`} rel="nofollow">
                  {t("reports:flag.link")}
                </a>
              </p>
            </article>
          ) : (
            <p className="comment__removed">
              {c.status === "hidden" ? t("comments.hidden", { reason: c.statusReason ?? "" }) : t("comments.withdrawn")}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
