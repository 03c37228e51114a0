import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lang } from "~db/schema";
import { formatDateTime } from "~/utils/format";

export interface CommentItem {
  id: string;
  body: string;
  lang: Lang;
  status: "visible" | "hidden" | "withdrawn";
  statusReason: string | null;
  authorName: string;
  organizationName: string | null;
  createdAt: string;
  editedAt: string | null;
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
              <header className="comment__meta">
                <strong>{c.authorName}</strong>
                {c.organizationName ? <span className="comment__org">{c.organizationName}</span> : null}
                <Link to={`/${lang}/comments/${c.id}`} className="comment__permalink" aria-label={t("comment_page.permalink")}>
                  <time dateTime={c.createdAt}>{formatDateTime(lang, c.createdAt)}</time>
                </Link>
                {c.editedAt ? <span className="comment__edited">{t("comments.edited")}</span> : null}
              </header>
              <p className="comment__body" lang={c.lang}>
                {c.body}
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
