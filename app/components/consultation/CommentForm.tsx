import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { COMMENT_MAX_CHARS } from "~/modules/comments/comment.schema";
import { CsrfInput, FieldError, FormError } from "~/components/ui/forms";
import { useRootData } from "~/utils/use-page";

export interface CommentFormErrors {
  body?: string;
  blockId?: string;
  exact?: string;
  form?: string;
}

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
}) {
  const { t } = useTranslation("consultation");
  const { user } = useRootData();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formData?.get("idempotencyKey") === props.idempotencyKey;
  const errorId = `${props.id}-error`;
  return (
    <Form method="post" className="comment-form" id={props.id} preventScrollReset aria-labelledby={`${props.id}-legend`}>
      <h3 id={`${props.id}-legend`} className="comment-form__legend">
        {props.legend}
      </h3>
      <CsrfInput />
      <input type="hidden" name="intent" value="comment" />
      <input type="hidden" name="blockId" value={props.blockId ?? ""} />
      <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
      <FormError error={props.errors?.form ?? props.errors?.blockId} ns="consultation" />
      {!user ? (
        <p className="hint">
          {t("comments.sign_in_hint")} <Link to={props.loginHref}>{t("comments.sign_in_link")}</Link>
        </p>
      ) : null}
      <label htmlFor={`${props.id}-body`}>{t("comments.body_label")}</label>
      <textarea
        id={`${props.id}-body`}
        name="body"
        rows={5}
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
      <button type="submit" className="button" disabled={submitting}>
        {submitting ? t("comments.submitting") : t("comments.submit")}
      </button>
    </Form>
  );
}
