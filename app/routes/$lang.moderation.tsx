import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput, FormError } from "~/components/ui/forms";
import { canModerate } from "~/modules/accounts/permissions";
import { dismissFlags, hideComment, restoreComment } from "~/modules/moderation/commands.server";
import { listModerationQueue } from "~/modules/moderation/queries.server";
import { checkCsrf } from "~/utils/csrf.server";
import { formatDateTime } from "~/utils/format";
import { readFormData } from "~/utils/form.server";
import { pickLocalized } from "~/utils/i18n";
import { requireLang } from "~/utils/lang.server";
import { requireUser } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Kenes" }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const user = await requireUser(request, context, lang);
  if (!canModerate(user)) throw new Response("Forbidden", { status: 403 });
  const view = new URL(request.url).searchParams.get("view") === "hidden" ? "hidden" : "flagged";
  const items = await listModerationQueue(context.app.db, view);
  return json({
    lang,
    view,
    items: items.map((i) => ({
      ...i,
      consultationTitle: pickLocalized(i.consultation.title, lang).text,
      createdAt: i.createdAt.toISOString(),
      statusChangedAt: i.statusChangedAt?.toISOString() ?? null,
      flags: i.flags.map((f) => ({ ...f, at: f.at.toISOString() })),
    })),
  });
}

type ActionData = { errors: Record<string, string>; commentId: string; reason: string };

export async function action({ params, request, context }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const form = await readFormData(request);
  const commentId = String(form.get("commentId") ?? "");
  const reason = String(form.get("reason") ?? "");
  const fail = (status: number, error: string) => json<ActionData>({ errors: { [error === "errors.reason_required" ? "reason" : "form"]: error }, commentId, reason }, { status });
  if (await checkCsrf(request, form, context)) return fail(403, "errors.csrf");
  const user = await requireUser(request, context, lang);
  if (!canModerate(user)) return fail(403, "errors.forbidden");
  const intent = String(form.get("intent") ?? "");
  const db = context.app.db;
  const result =
    intent === "hide" ? await hideComment(db, { actor: user, commentId, reason }) : intent === "restore" ? await restoreComment(db, { actor: user, commentId, reason }) : intent === "dismiss" ? await dismissFlags(db, { actor: user, commentId }) : null;
  if (!result) return fail(400, "errors.unknown_action");
  if (!result.ok) return fail(result.error === "errors.reason_required" ? 400 : result.error === "errors.forbidden" ? 403 : 409, result.error);
  return redirect(`/${lang}/moderation?view=${intent === "restore" ? "hidden" : "flagged"}&notice=${intent}`, 303);
}

export default function Moderation() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const [sp] = useSearchParams();
  const { t } = useTranslation("reports");
  const notice = sp.get("notice");
  return (
    <>
      <h1>{t("moderation.title")}</h1>
      <p>
        <Link to={`/${d.lang}/moderation`} aria-current={d.view === "flagged" ? "page" : undefined}>
          {t("moderation.flagged")}
        </Link>{" "}
        ·{" "}
        <Link to={`/${d.lang}/moderation?view=hidden`} aria-current={d.view === "hidden" ? "page" : undefined}>
          {t("moderation.hidden")}
        </Link>
      </p>
      {notice === "hide" || notice === "restore" || notice === "dismiss" ? (
        <p className="notice" role="status">
          {t(`moderation.notice_${notice}`)}
        </p>
      ) : null}
      <FormError error={a?.errors.form} ns="reports" />
      {d.items.length === 0 ? <p className="empty">{t("moderation.empty")}</p> : null}
      <ol className="queue-list">
        {d.items.map((i) => (
          <li key={i.commentId} className="queue-item" id={`mod-${i.commentId}`}>
            <p className="hint">
              <Link to={`/${d.lang}/consultations/${i.consultation.slug}`}>{i.consultationTitle}</Link> · {i.authorName} · {formatDateTime(d.lang, i.createdAt)}
            </p>
            <p className="comment__body" lang={i.lang}>
              {i.body}
            </p>
            {i.status === "hidden" ? (
              <p className="hint">
                {t("moderation.hidden_by", { name: i.statusChangedBy ?? "", date: i.statusChangedAt ? formatDateTime(d.lang, i.statusChangedAt) : "", reason: i.statusReason ?? "" })}
              </p>
            ) : null}
            {i.flags.length ? (
              <ul>
                {i.flags.map((f, n) => (
                  <li key={n}>{t("moderation.flag_item", { name: f.by, date: formatDateTime(d.lang, f.at), reason: f.reason })}</li>
                ))}
              </ul>
            ) : null}
            <Form method="post" className="stack">
              <CsrfInput />
              <input type="hidden" name="commentId" value={i.commentId} />
              <label htmlFor={`reason-${i.commentId}`}>{i.status === "hidden" ? t("moderation.restore_reason") : t("moderation.public_reason")}</label>
              <input id={`reason-${i.commentId}`} name="reason" defaultValue={a?.commentId === i.commentId ? a.reason : ""} />
              {a?.commentId === i.commentId && a.errors.reason ? <p className="field-error">{t(a.errors.reason)}</p> : null}
              <div>
                {i.status === "hidden" ? (
                  <button type="submit" name="intent" value="restore" className="button">
                    {t("moderation.restore")}
                  </button>
                ) : (
                  <>
                    <button type="submit" name="intent" value="hide" className="button">
                      {t("moderation.hide")}
                    </button>{" "}
                    <button type="submit" name="intent" value="dismiss" className="button button--secondary">
                      {t("moderation.dismiss")}
                    </button>
                  </>
                )}
              </div>
            </Form>
          </li>
        ))}
      </ol>
    </>
  );
}
