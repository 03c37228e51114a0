import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lang } from "~db/schema";
import { CsrfInput } from "~/components/ui/forms";
import { formatNumber } from "~/utils/format";
import { languageNames } from "~/utils/i18n";
import { useRootData } from "~/utils/use-page";
import type { ThreadComment } from "~/modules/comments/comment-views";
import { CommentContent } from "./CommentList";

export type { ThreadComment };
import { CommentForm } from "./CommentForm";


export interface ThreadActions {
  open: boolean;
  formKey: string;
  loginHref: string;
  /** Where the forms post; by default the current route (a cached fragment names it explicitly). */
  formAction?: string;
}

/** The +1 button: an ordinary POST form, so it works without JavaScript. */
export function SupportForm({ comment, actions, lang }: { comment: ThreadComment; actions?: ThreadActions; lang: Lang }) {
  const { t } = useTranslation("annotations");
  const { user } = useRootData();
  const count = t("support_count", { count: comment.supportCount, formatted: formatNumber(lang, comment.supportCount) });
  if (!actions?.open || !user) return <span className="comment__supports">{count}</span>;
  return (
    <Form method="post" action={actions.formAction} className="support-form" preventScrollReset>
      <CsrfInput />
      <input type="hidden" name="intent" value="support" />
      <input type="hidden" name="commentId" value={comment.id} />
      <input type="hidden" name="support" value={comment.supportedByMe ? "0" : "1"} />
      <button type="submit" className="button button--small" aria-pressed={comment.supportedByMe}>
        {comment.supportedByMe ? t("unsupport") : t("support")} · {count}
      </button>
    </Form>
  );
}

function OneComment({ c, lang, actions, isReply }: { c: ThreadComment; lang: Lang; actions?: ThreadActions; isReply?: boolean }) {
  const { t } = useTranslation("consultation");
  const { t: ta } = useTranslation("annotations");
  const { user } = useRootData();
  return (
    <li id={`comment-${c.id}`} className={`comment comment--${c.status}${c.quote ? " comment--annotation" : ""}${c.placement === "orphaned" ? " comment--orphaned" : ""}`} data-comment-id={c.id}>
      {c.status === "visible" ? (
        <article aria-label={t("comments.by", { name: c.authorName })}>
          {c.quote ? (
            <figure className="comment__quote">
              <blockquote lang={c.quote.lang}>{c.quote.exact}</blockquote>
              <figcaption>
                {c.placement === "orphaned" ? ta("orphaned") : c.placement === "fuzzy" ? ta("fuzzy") : c.placement === "exact" ? ta("carried") : ta("quote_caption")}
                {c.quote.lang !== lang ? ` (${languageNames[c.quote.lang]})` : ""}
              </figcaption>
            </figure>
          ) : c.placement === "orphaned" ? (
            <p className="comment__orphaned-note">{ta("orphaned_block")}</p>
          ) : null}
          <CommentContent comment={c} lang={lang} />
          <div className="comment__actions">
            <SupportForm comment={c} actions={actions} lang={lang} />
            <a href={`/${lang}/comments/${c.id}/flag`} rel="nofollow">
              {t("reports:flag.link")}
            </a>
            {!isReply && actions?.open ? (
              user ? (
                <details className="reply">
                  <summary>{ta("reply")}</summary>
                  <CommentForm
                    action={actions.formAction}
                    id={`reply-${c.id}`}
                    blockId={null}
                    parentId={c.id}
                    idempotencyKey={`${actions.formKey}-r${c.id.slice(0, 8)}`}
                    legend={ta("reply_to", { name: c.authorName })}
                    loginHref={actions.loginHref}
                    compact
                  />
                </details>
              ) : (
                <Link to={actions.loginHref}>{ta("sign_in_to_reply")}</Link>
              )
            ) : null}
          </div>
        </article>
      ) : (
        <p className="comment__removed">{c.status === "hidden" ? t("comments.hidden", { reason: c.statusReason ?? "" }) : t("comments.withdrawn")}</p>
      )}
      {c.replies.length > 0 ? (
        <ol className="comment-list comment-list--replies" aria-label={ta("replies", { count: c.replies.length })}>
          {c.replies.map((r) => (
            <OneComment key={r.id} c={r} lang={lang} actions={actions} isReply />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

/** A thread: comments and annotations with their quotes, one level of replies, and +1s. */
export function CommentThread({ comments, lang, actions }: { comments: ThreadComment[]; lang: Lang; actions?: ThreadActions }) {
  return (
    <ol className="comment-list">
      {comments.map((c) => (
        <OneComment key={c.id} c={c} lang={lang} actions={actions} />
      ))}
    </ol>
  );
}
