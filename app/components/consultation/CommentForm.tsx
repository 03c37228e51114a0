import { Form, Link, useNavigation } from "@remix-run/react";
import type React from "react";
import { useTranslation } from "react-i18next";
import { COMMENT_MAX_CHARS } from "~/modules/comments/comment.schema";
import { CsrfInput, FieldError, FormError } from "~/components/ui/forms";
import { useRootData } from "~/utils/use-page";
import type { CommentFormErrors } from "~/modules/comments/comment-views";

export type { CommentFormErrors };


/**
 * An ordinary POST form: without JavaScript the server redirects back with a notice; with it,
 * Remix submits in the background and the page updates without a reload.
 */
export function CommentForm(props: {
  id: string;
  blockId: string | null;
  idempotencyKey: string;
  legend: string;
  defaultBody?: string;
  errors?: CommentFormErrors;
  loginHref: string;
  /**
   * Annotation fields. "text": an optional quote typed by hand (works without JavaScript: the
   * server finds the words in the block); "selection": filled from the reader's selection.
   */
  quote?: { mode: "text"; defaultExact?: string } | { mode: "selection"; exact: string; prefix: string; suffix: string; start: number; end: number };
  /** Makes the form a reply to this comment. */
  parentId?: string;
  /** Rendered after the submit button (e.g. a cancel button). */
  extraActions?: React.ReactNode;
  compact?: boolean;
  /** Where it posts; by default the current route. */
  action?: string;
}) {
  const { t } = useTranslation("consultation");
  const { user } = useRootData();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formData?.get("idempotencyKey") === props.idempotencyKey;
  const errorId = `${props.id}-error`;
  return (
    <Form method="post" action={props.action} className="comment-form" id={props.id} preventScrollReset aria-labelledby={`${props.id}-legend`}>
      <h3 id={`${props.id}-legend`} className="comment-form__legend">
        {props.legend}
      </h3>
      <CsrfInput />
      <input type="hidden" name="intent" value="comment" />
      <input type="hidden" name="blockId" value={props.blockId ?? ""} />
      <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
      {props.parentId ? <input type="hidden" name="parentId" value={props.parentId} /> : null}
      {props.quote?.mode === "selection" ? (
        <>
          <input type="hidden" name="exact" value={props.quote.exact} />
          <input type="hidden" name="prefix" value={props.quote.prefix} />
          <input type="hidden" name="suffix" value={props.quote.suffix} />
          <input type="hidden" name="start" value={String(props.quote.start)} />
          <input type="hidden" name="end" value={String(props.quote.end)} />
          <blockquote className="comment-form__quote" data-testid="annotation-quote">
            {props.quote.exact}
          </blockquote>
        </>
      ) : null}
      <FormError error={props.errors?.form ?? props.errors?.blockId} ns="consultation" />
      {props.quote?.mode === "text" ? (
        <>
          <label htmlFor={`${props.id}-exact`}>{t("annotations:quote_label")}</label>
          <input
            id={`${props.id}-exact`}
            name="exact"
            type="text"
            defaultValue={props.quote.defaultExact}
            aria-invalid={props.errors?.exact ? true : undefined}
            aria-describedby={`${props.id}-exact-help`}
          />
          <p className="hint" id={`${props.id}-exact-help`}>
            {t("annotations:quote_help")}
          </p>
        </>
      ) : null}
      {props.quote?.mode === "selection" && props.errors?.exact ? <FormError error={props.errors.exact} ns="annotations" /> : null}
      {props.quote?.mode === "text" ? <FieldError id={`${props.id}-exact-error`} error={props.errors?.exact} ns="annotations" /> : null}
      {!user ? (
        <p className="hint">
          {t("comments.sign_in_hint")} <Link to={props.loginHref}>{t("comments.sign_in_link")}</Link>
        </p>
      ) : null}
      <label htmlFor={`${props.id}-body`}>{t("comments.body_label")}</label>
      <textarea
        id={`${props.id}-body`}
        name="body"
        rows={props.compact ? 3 : 5}
        maxLength={COMMENT_MAX_CHARS * 2}
        defaultValue={props.defaultBody}
        aria-invalid={props.errors?.body ? true : undefined}
        aria-describedby={props.errors?.body ? errorId : `${props.id}-help`}
        required
      />
      <p className="hint" id={`${props.id}-help`}>
        {t("comments.body_help", { max: COMMENT_MAX_CHARS })}
      </p>
      <FieldError id={errorId} error={props.errors?.body} ns="consultation" />
      <label className="checkbox">
        <input type="checkbox" name="pseudonymous" value="1" /> {t("reports:form.pseudonymous")}
      </label>
      <button type="submit" className="button" disabled={submitting}>
        {submitting ? t("comments.submitting") : props.parentId ? t("annotations:reply_submit") : t("comments.submit")}
      </button>
      {props.extraActions}
    </Form>
  );
}
