import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/consultation/StatusBadge";
import { CsrfInput, FormError } from "~/components/ui/forms";
import { LocalizedText } from "~/components/ui/LocalizedText";
import { findConsultationBySlug } from "~/modules/consultations/queries.server";
import { deleteLot, importLots } from "~/modules/lots/commands.server";
import { importLotFile } from "~/modules/lots/import.server";
import { canEditLots } from "~/modules/lots/permissions";
import { listLots } from "~/modules/lots/queries.server";
import type { RowError } from "~/modules/lots/spreadsheet";
import { lotColumns } from "~/modules/lots/spreadsheet";
import { checkCsrf } from "~/utils/csrf.server";
import { readFormData } from "~/utils/form.server";
import { formatMoney } from "~/utils/format";
import { requireManagerOf } from "~/utils/guards.server";
import { pickLocalized } from "~/utils/i18n";
import { notFound, requireLang } from "~/utils/lang.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.titleText} · Kenes` : "Kenes" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/lots.css" }];

async function load({ params, request, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const consultation = await findConsultationBySlug(context.app.db, params.slug ?? "");
  if (!consultation) throw notFound(lang, "consultation");
  const user = await requireManagerOf(request, context, lang, consultation.organization.id);
  return { lang, consultation, user };
}

/** /{lang}/manage/consultations/{slug}/lots: the body's staff list, import and remove lots. */
export async function loader(args: LoaderFunctionArgs) {
  const { lang, consultation: c, user } = await load(args);
  const lots = await listLots(args.context.app.db, c.id);
  return json({
    lang,
    slug: c.slug,
    titleText: pickLocalized(c.title, lang).text,
    status: c.status,
    isLotSpecification: c.type === "lot_specification",
    editable: canEditLots(user, { organizationId: c.organization.id, publishedAt: c.publishedAt }) && c.type === "lot_specification",
    lots: lots.map((l) => ({ code: l.code, title: l.title, amountKzt: l.amountKzt, indicators: l.indicators.length, budgetLines: l.budgetLines.length })),
    columns: lotColumns,
  });
}

type ActionData = { errors: { form?: string }; rowErrors?: RowError[] };

export async function action(args: ActionFunctionArgs) {
  const { lang, consultation: c, user } = await load(args);
  const { request, context } = args;
  const form = await readFormData(request);
  if (await checkCsrf(request, form, context)) return json<ActionData>({ errors: { form: "errors.csrf" } }, { status: 403 });
  if (!canEditLots(user, { organizationId: c.organization.id, publishedAt: c.publishedAt })) return json<ActionData>({ errors: { form: "errors.consultation_published" } }, { status: 409 });
  const here = `/${lang}/manage/consultations/${c.slug}/lots`;
  const intent = form.get("intent");
  if (intent === "delete") {
    const result = await deleteLot(context.app.db, { consultationId: c.id, code: String(form.get("code") ?? ""), actorId: user.id });
    if (!result.ok) return json<ActionData>({ errors: { form: result.error } }, { status: 409 });
    return redirect(`${here}?notice=lot_deleted`, 303);
  }
  if (intent === "import") {
    const file = form.get("file");
    if (!file || typeof file === "string" || file.size === 0) return json<ActionData>({ errors: { form: "errors.import_no_file" } }, { status: 400 });
    const parsed = await importLotFile(file.name, Buffer.from(await file.arrayBuffer()));
    if (!parsed.ok) return json<ActionData>({ errors: { form: "errors.import_failed" }, rowErrors: parsed.errors }, { status: 400 });
    const result = await importLots(context.app.db, { consultationId: c.id, lots: parsed.lots, actorId: user.id });
    if (!result.ok) return json<ActionData>({ errors: { form: result.error } }, { status: 409 });
    return redirect(`${here}?notice=lots_imported&created=${result.created}&replaced=${result.replaced}`, 303);
  }
  return json<ActionData>({ errors: { form: "errors.unknown_action" } }, { status: 400 });
}

export default function ManageLots() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("lots");
  const notice = searchParams.get("notice");
  const base = `/${data.lang}/manage/consultations/${data.slug}`;
  return (
    <>
      <nav className="breadcrumbs" aria-label={t("breadcrumbs")}>
        <Link to={base}>{data.titleText}</Link>
      </nav>
      {notice ? (
        <p className="notice" role="status">
          {t(`notice.${notice}`, { created: searchParams.get("created") ?? "0", replaced: searchParams.get("replaced") ?? "0" })}
        </p>
      ) : null}
      <h1>{t("manage.title")}</h1>
      <p>
        <StatusBadge status={data.status} /> <Link to={`/${data.lang}/consultations/${data.slug}/lots`}>{t("manage.view_public")}</Link>
      </p>
      {!data.isLotSpecification ? <p className="hint">{t("errors.not_lot_specification")}</p> : !data.editable ? <p className="hint">{t("manage.published_note")}</p> : null}
      <FormError error={actionData?.errors.form} ns="lots" />
      {actionData?.rowErrors?.length ? (
        <div className="form-error" role="alert">
          <ul className="row-errors">
            {actionData.rowErrors.map((e, i) => (
              <li key={i}>
                {t("import.row_error", { row: e.row, column: e.column ?? "—" })}:{" "}
                {t(e.error, e.params ? { total: formatMoney(data.lang, e.params.total), amount: formatMoney(data.lang, e.params.amount) } : undefined)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("manage.code")}</th>
            <th scope="col">{t("manage.lot_title")}</th>
            <th scope="col">{t("field.amount")}</th>
            <th scope="col">{t("field.indicators")}</th>
            <th scope="col">{t("field.budget")}</th>
            {data.editable ? <th scope="col">{t("manage.actions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {data.lots.map((l) => (
            <tr key={l.code}>
              <td>{l.code}</td>
              <td>
                <LocalizedText value={l.title} />
              </td>
              <td className="num">{formatMoney(data.lang, l.amountKzt)}</td>
              <td className="num">{l.indicators}</td>
              <td className="num">{l.budgetLines}</td>
              {data.editable ? (
                <td>
                  <Link to={`${base}/lots/${l.code}`}>{t("manage.edit")}</Link>
                  <Form method="post" className="inline-form">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="code" value={l.code} />
                    <button type="submit" className="button button--small">
                      {t("manage.delete")}
                    </button>
                  </Form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {data.lots.length === 0 ? <p className="empty">{t("list.empty")}</p> : null}

      {data.editable ? (
        <>
          <p>
            <Link className="button" to={`${base}/lots/new`}>
              {t("manage.add")}
            </Link>
          </p>
          <section aria-labelledby="import-title">
            <h2 id="import-title">{t("import.title")}</h2>
            <p>{t("import.intro")}</p>
            <p className="hint">
              {t("import.columns")}: <code>{data.columns.join(", ")}</code>
            </p>
            <Form method="post" encType="multipart/form-data">
              <CsrfInput />
              <input type="hidden" name="intent" value="import" />
              <label htmlFor="import-file">{t("import.file_label")}</label>
              <input id="import-file" type="file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
              <button type="submit" className="button">
                {t("import.submit")}
              </button>
            </Form>
          </section>
        </>
      ) : null}
    </>
  );
}
