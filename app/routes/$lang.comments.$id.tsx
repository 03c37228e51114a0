import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommentList } from "~/components/consultation/CommentList";
import { blockAnchor } from "~/components/consultation/TableOfContents";
import { CsrfInput, FieldError, FormError } from "~/components/ui/forms";
import { commentFormSchema } from "~/modules/comments/comment.schema";
import { editComment, withdrawComment } from "~/modules/comments/commands.server";
import { presentComment } from "~/modules/comments/present.server";
import { findCommentDetail } from "~/modules/comments/queries.server";
import { checkCsrf } from "~/utils/csrf.server";
import { formatDateTime } from "~/utils/format";
import { readFormData } from "~/utils/form.server";
import { pickLocalized } from "~/utils/i18n";
import { notFound, requireLang } from "~/utils/lang.server";
import { getCurrentUser } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.consultationTitle} · Kenes` : "Kenes" }];

/** A comment's own page: its text, its earlier versions, and for its author the edit and withdraw forms. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const detail = await findCommentDetail(context.app.db, params.id ?? "");
  if (!detail) throw notFound(lang);
  const user = await getCurrentUser(request, context);
  return json({
    lang,
    comment: presentComment(detail.comment, lang),
    consultationSlug: detail.consultation.slug,
    consultationTitle: pickLocalized(detail.consultation.title, lang).text,
    blockAnchor: detail.block ? blockAnchor(detail.block.key) : null,
    blockLabel: detail.block?.label ? pickLocalized(detail.block.label, lang).text : null,
    revisions: detail.revisions.map((r) => ({ body: r.body, writtenAt: r.writtenAt.toISOString() })),
    canChange: !!user && user.id === detail.authorId && detail.consultation.open && detail.comment.status === "visible",
  });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  const body = typeof form.get("body") === "string" ? (form.get("body") as string) : "";
  const reason = typeof form.get("reason") === "string" ? (form.get("reason") as string).trim() : "";
  const fail = (status: number, errors: Record<string, string>) => json({ intent, errors, values: { body, reason } }, { status });
  if (await checkCsrf(request, form, context)) return fail(403, { form: "errors.csrf" });
  const user = await getCurrentUser(request, context);
  if (!user) return fail(401, { form: "errors.sign_in_required" });
  const id = params.id ?? "";
  if (intent === "edit") {
    const parsed = commentFormSchema.shape.body.safeParse(body);
    if (!parsed.success) return fail(400, { body: parsed.error.issues[0].message });
    const result = await editComment(context.app.db, { commentId: id, authorId: user.id, body });
    if (!result.ok) return fail(result.error === "errors.not_author" ? 403 : 409, { form: result.error });
    return redirect(`/${lang}/comments/${id}?notice=edited`, 303);
  }
  if (intent === "withdraw") {
    if (reason.length > 500) return fail(400, { reason: "errors.reason_too_long" });
    const result = await withdrawComment(context.app.db, { commentId: id, authorId: user.id, reason: reason || "—" });
    if (!result.ok) return fail(result.error === "errors.not_author" ? 403 : 409, { form: result.error });
    return redirect(`/${lang}/comments/${id}?notice=withdrawn`, 303);
  }
  return fail(400, { form: "errors.form_expired" });
}

export default function CommentPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation("consultation");
  const base = `/${data.lang}/consultations/${data.consultationSlug}`;
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <>
      <nav aria-label={t("breadcrumbs")} className="breadcrumbs">
        <Link to={`/${data.lang}/consultations`}>{t("list.title")}</Link> › <Link to={base}>{data.consultationTitle}</Link>
        {data.blockLabel && data.blockAnchor ? (
          <>
            {" › "}
            <Link to={`${base}#${data.blockAnchor}`}>{data.blockLabel}</Link>
          </>
        ) : null}
      </nav>
      <h1>{t("comment_page.title")}</h1>
      <CommentList comments={[data.comment]} lang={data.lang} />
      {data.revisions.length ? (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t("comment_page.history")}</h2>
          <ol className="comment-list">
            {data.revisions.map((r, i) => (
              <li key={i} className="comment comment--revision">
                <p className="comment__meta">{t("comment_page.written", { date: formatDateTime(data.lang, r.writtenAt) })}</p>
                <p className="comment__body">{r.body}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {data.canChange ? (
        <>
          <Form method="post" className="comment-form">
            <h2 className="comment-form__legend">{t("comment_page.edit")}</h2>
            <CsrfInput />
            <input type="hidden" name="intent" value="edit" />
            <FormError error={actionData?.intent === "edit" ? errors.form : undefined} ns="consultation" />
            <label htmlFor="edit-body">{t("comments.body_label")}</label>
            <textarea id="edit-body" name="body" rows={6} defaultValue={actionData?.intent === "edit" ? actionData.values.body : data.comment.body} aria-describedby="edit-help" />
            <p className="hint" id="edit-help">
              {t("comment_page.edit_help")}
            </p>
            <FieldError id="edit-body-error" error={errors.body} ns="consultation" />
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {t("comment_page.save")}
            </button>
          </Form>
          <Form method="post" className="comment-form">
            <h2 className="comment-form__legend">{t("comment_page.withdraw")}</h2>
            <CsrfInput />
            <input type="hidden" name="intent" value="withdraw" />
            <FormError error={actionData?.intent === "withdraw" ? errors.form : undefined} ns="consultation" />
            <label htmlFor="withdraw-reason">{t("comment_page.reason")}</label>
            <input id="withdraw-reason" name="reason" maxLength={500} defaultValue={actionData?.intent === "withdraw" ? actionData.values.reason : ""} />
            <FieldError id="withdraw-reason-error" error={errors.reason} ns="consultation" />
            <p className="hint">{t("comment_page.withdraw_help")}</p>
            <button type="submit" className="button button--secondary" disabled={navigation.state === "submitting"}>
              {t("comment_page.withdraw_submit")}
            </button>
          </Form>
        </>
      ) : null}
    </>
  );
}
