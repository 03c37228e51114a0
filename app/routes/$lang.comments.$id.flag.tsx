import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput, FormError } from "~/components/ui/forms";
import { flagComment } from "~/modules/moderation/commands.server";
import { findCommentForFlag } from "~/modules/moderation/queries.server";
import { checkCsrf } from "~/utils/csrf.server";
import { readFormData } from "~/utils/form.server";
import { pickLocalized } from "~/utils/i18n";
import { notFound, requireLang } from "~/utils/lang.server";
import { requireUser } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Kenes" }];

/** Asking moderators to look at a comment: any signed-in user, with a reason. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  await requireUser(request, context, lang);
  const comment = await findCommentForFlag(context.app.db, params.id ?? "");
  if (!comment || comment.status !== "visible") throw notFound(lang);
  return json({ lang, comment: { id: comment.id, body: comment.body, lang: comment.lang, slug: comment.slug, title: pickLocalized(comment.title, lang).text } });
}

type ActionData = { errors: Record<string, string>; reason: string };

export async function action({ params, request, context }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const form = await readFormData(request);
  const reason = String(form.get("reason") ?? "");
  if (await checkCsrf(request, form, context)) return json<ActionData>({ errors: { form: "errors.csrf" }, reason }, { status: 403 });
  const user = await requireUser(request, context, lang);
  const comment = await findCommentForFlag(context.app.db, params.id ?? "");
  if (!comment) throw notFound(lang);
  const result = await flagComment(context.app.db, { actor: user, commentId: comment.id, reason });
  if (!result.ok) return json<ActionData>({ errors: { [result.error === "errors.reason_required" ? "reason" : "form"]: result.error }, reason }, { status: result.error === "errors.reason_required" ? 400 : 409 });
  return redirect(`/${lang}/consultations/${comment.slug}/comments?notice=flagged#comment-${comment.id}`, 303);
}

export default function FlagComment() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const { t } = useTranslation("reports");
  return (
    <>
      <h1>{t("flag.title")}</h1>
      <p className="hint">{d.comment.title}</p>
      <blockquote className="comment__body" lang={d.comment.lang}>
        {d.comment.body}
      </blockquote>
      <FormError error={a?.errors.form} ns="reports" />
      <Form method="post" className="stack">
        <CsrfInput />
        <label htmlFor="reason">{t("flag.reason")}</label>
        <textarea id="reason" name="reason" rows={3} defaultValue={a?.reason} aria-describedby="reason-error" />
        {a?.errors.reason ? (
          <p className="field-error" id="reason-error" role="alert">
            {t(a.errors.reason)}
          </p>
        ) : null}
        <button type="submit" className="button">
          {t("flag.submit")}
        </button>
      </Form>
    </>
  );
}
