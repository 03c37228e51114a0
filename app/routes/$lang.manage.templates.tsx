import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ResponseBadge } from "~/components/reports/ReportView";
import { CsrfInput, FormError } from "~/components/ui/forms";
import { archiveTemplate, createTemplate } from "~/modules/responses/commands.server";
import { listTemplates } from "~/modules/responses/queries.server";
import { justificationOf, responseStatuses, templateFormSchema } from "~/modules/responses/response.schema";
import { checkCsrf } from "~/utils/csrf.server";
import { readFormData } from "~/utils/form.server";
import { languageNames, pickLocalized } from "~/utils/i18n";
import { requireStaff } from "~/utils/guards.server";
import { requireLang } from "~/utils/lang.server";

export const meta: MetaFunction = () => [{ title: "Kenes" }];

/** Reusable answers of the user's body. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const user = await requireStaff(request, context, lang);
  const templates = await listTemplates(context.app.db, user.role === "admin" ? undefined : user.organizationId ? [user.organizationId] : []);
  return json({ lang, templates: templates.map((t) => ({ id: t.id, title: t.title, status: t.status, text: pickLocalized(t.justification, lang).text })) });
}

type ActionData = { errors: Record<string, string>; values: Record<string, string> };

export async function action({ params, request, context }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const form = await readFormData(request);
  const values: Record<string, string> = {};
  for (const k of ["title", "status", "justification_kk", "justification_ru", "justification_en"]) values[k] = String(form.get(k) ?? "");
  if (await checkCsrf(request, form, context)) return json<ActionData>({ errors: { form: "errors.csrf" }, values }, { status: 403 });
  const user = await requireStaff(request, context, lang);
  const back = `/${lang}/manage/templates`;
  if (form.get("intent") === "archive") {
    const result = await archiveTemplate(context.app.db, { actor: user, templateId: String(form.get("templateId") ?? "") });
    if (!result.ok) return json<ActionData>({ errors: { form: "errors.forbidden" }, values }, { status: 403 });
    return redirect(back, 303);
  }
  const parsed = templateFormSchema.safeParse(values);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
    return json<ActionData>({ errors, values }, { status: 400 });
  }
  if (!user.organizationId) return json<ActionData>({ errors: { form: "errors.forbidden" }, values }, { status: 403 });
  const result = await createTemplate(context.app.db, { actor: user, organizationId: user.organizationId, title: parsed.data.title, status: parsed.data.status, justification: justificationOf(parsed.data) });
  if (!result.ok) return json<ActionData>({ errors: { form: result.error }, values }, { status: 403 });
  return redirect(back, 303);
}

export default function Templates() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const { t } = useTranslation("reports");
  const v = a?.values ?? {};
  return (
    <>
      <nav className="breadcrumbs" aria-label={t("consultation:breadcrumbs")}>
        <Link to={`/${d.lang}/manage/responses`}>{t("queue.title")}</Link>
      </nav>
      <h1>{t("templates.title")}</h1>
      <FormError error={a?.errors.form} ns="reports" />
      {d.templates.length === 0 ? <p className="empty">{t("templates.none")}</p> : null}
      <ul className="template-list">
        {d.templates.map((tp) => (
          <li key={tp.id}>
            <strong>{tp.title}</strong> <ResponseBadge status={tp.status} />
            <p>{tp.text}</p>
            <Form method="post" className="inline-form">
              <CsrfInput />
              <input type="hidden" name="intent" value="archive" />
              <input type="hidden" name="templateId" value={tp.id} />
              <button type="submit" className="button-link">
                {t("templates.archive")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <h2>{t("templates.new")}</h2>
      <Form method="post" className="stack">
        <CsrfInput />
        <label htmlFor="title">{t("templates.name")}</label>
        <input id="title" name="title" defaultValue={v.title} />
        {a?.errors.title ? <p className="field-error">{t(a.errors.title)}</p> : null}
        <fieldset>
          <legend>{t("queue.status")}</legend>
          {responseStatuses.map((s) => (
            <label key={s} className="radio">
              <input type="radio" name="status" value={s} defaultChecked={v.status === s} /> {t(`status.${s}`)}
            </label>
          ))}
          {a?.errors.status ? <p className="field-error">{t(a.errors.status)}</p> : null}
        </fieldset>
        {(["kk", "ru", "en"] as const).map((l) => (
          <div key={l}>
            <label htmlFor={`justification_${l}`}>{t("queue.justification", { language: languageNames[l] })}</label>
            <textarea id={`justification_${l}`} name={`justification_${l}`} lang={l} rows={3} defaultValue={v[`justification_${l}`]} />
          </div>
        ))}
        {a?.errors.justification ? <p className="field-error">{t(a.errors.justification)}</p> : null}
        <button type="submit" className="button">
          {t("templates.save")}
        </button>
      </Form>
    </>
  );
}
