import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput, FieldError, FormError } from "~/components/ui/forms";
import { findConsultationBySlug } from "~/modules/consultations/queries.server";
import { saveLot } from "~/modules/lots/commands.server";
import { grantTypes, lotToValues, regionCodes, validateLot, type LotValues } from "~/modules/lots/lot.schema";
import { canEditLots } from "~/modules/lots/permissions";
import { findLot } from "~/modules/lots/queries.server";
import { checkCsrf } from "~/utils/csrf.server";
import { readFormData } from "~/utils/form.server";
import { formatMoney } from "~/utils/format";
import { requireManagerOf } from "~/utils/guards.server";
import { pickLocalized } from "~/utils/i18n";
import { notFound, requireLang } from "~/utils/lang.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.code ?? "+"} · ${data.titleText} · Kenes` : "Kenes" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/lots.css" }];

const EXTRA_INDICATOR_ROWS = 3;
const EXTRA_BUDGET_ROWS = 5;

async function load({ params, request, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const consultation = await findConsultationBySlug(context.app.db, params.slug ?? "");
  if (!consultation) throw notFound(lang, "consultation");
  const user = await requireManagerOf(request, context, lang, consultation.organization.id);
  // Lots are edited only before publication (ADR 0041): then this page does not exist.
  if (!canEditLots(user, { organizationId: consultation.organization.id, publishedAt: consultation.publishedAt }) || consultation.type !== "lot_specification") {
    throw redirect(`/${lang}/manage/consultations/${consultation.slug}/lots`);
  }
  const code = params.code === "new" ? null : (params.code ?? null);
  const lot = code ? await findLot(context.app.db, consultation.id, code) : undefined;
  if (code && !lot) throw notFound(lang);
  return { lang, consultation, user, code, lot };
}

/** /{lang}/manage/consultations/{slug}/lots/{code|new}: the lot form. */
export async function loader(args: LoaderFunctionArgs) {
  const { lang, consultation, code, lot } = await load(args);
  const url = new URL(args.request.url);
  return json({
    lang,
    slug: consultation.slug,
    titleText: pickLocalized(consultation.title, lang).text,
    code,
    values: lot ? lotToValues(lot) : ({ funding_year: String(consultation.closesAt.getUTCFullYear() + 1) } as LotValues),
    indicatorRows: (lot?.indicators.length ?? 0) + Math.min(20, Math.max(EXTRA_INDICATOR_ROWS, Number(url.searchParams.get("indicators")) || 0)),
    budgetRows: (lot?.budgetLines.length ?? 0) + Math.min(50, Math.max(EXTRA_BUDGET_ROWS, Number(url.searchParams.get("lines")) || 0)),
  });
}

type ActionData = { errors: Record<string, string>; values: LotValues; budgetTotal: number | null };

export async function action(args: ActionFunctionArgs) {
  const { lang, consultation, user, code } = await load(args);
  const { request, context } = args;
  const form = await readFormData(request);
  const values: LotValues = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && k !== "csrf" && k !== "regions") values[k] = v;
  values.regions = form.getAll("regions").filter((r): r is string => typeof r === "string").join(" ");
  if (await checkCsrf(request, form, context)) return json<ActionData>({ errors: { form: "errors.csrf" }, values, budgetTotal: null }, { status: 403 });
  const checked = validateLot(values);
  if (!checked.ok) return json<ActionData>({ errors: checked.errors, values, budgetTotal: checked.budgetTotal }, { status: 400 });
  const result = await saveLot(context.app.db, { consultationId: consultation.id, lot: checked.lot, originalCode: code, actorId: user.id });
  if (!result.ok) return json<ActionData>({ errors: result.error === "errors.code_taken" ? { code: result.error } : { form: result.error }, values, budgetTotal: null }, { status: 409 });
  return redirect(`/${lang}/manage/consultations/${consultation.slug}/lots?notice=lot_saved`, 303);
}

export default function LotForm() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const { t } = useTranslation("lots");
  const values = actionData?.values ?? data.values;
  const errors = actionData?.errors ?? {};
  const v = (k: string) => values[k] ?? "";
  const regions = new Set(v("regions").split(/[\s,;]+/).filter(Boolean));
  const text = (name: string, label: string, multiline = false, help?: string) =>
    (["kk", "ru", "en"] as const).map((l) => {
      const field = `${name}_${l}`;
      const props = { id: field, name: field, defaultValue: v(field), "aria-invalid": errors[field] ? true : undefined, "aria-describedby": errors[field] ? `${field}-error` : undefined };
      return (
        <div className="field" key={field}>
          <label htmlFor={field}>
            {label} ({t(`lang.${l}`)})
          </label>
          {multiline ? <textarea rows={5} {...props} /> : <input {...props} />}
          {help && l === "kk" ? <p className="hint">{help}</p> : null}
          <FieldError id={`${field}-error`} error={errors[field]} ns="lots" />
        </div>
      );
    });
  const cell = (field: string, label: string, inputMode?: "numeric" | "decimal") => (
    <td>
      <label className="visually-hidden" htmlFor={field}>
        {label}
      </label>
      <input id={field} name={field} defaultValue={v(field)} inputMode={inputMode} size={inputMode ? 10 : 18} aria-invalid={errors[field] ? true : undefined} />
      <FieldError id={`${field}-error`} error={errors[field]} ns="lots" />
    </td>
  );
  return (
    <>
      <nav className="breadcrumbs" aria-label={t("breadcrumbs")}>
        <Link to={`/${data.lang}/manage/consultations/${data.slug}/lots`}>{t("manage.title")}</Link>
      </nav>
      <h1>{data.code ? t("manage.edit_title", { code: data.code }) : t("manage.new_title")}</h1>
      <p className="hint">{t("manage.form_intro")}</p>
      <Form method="post" className="lot-form" noValidate>
        <CsrfInput />
        <FormError error={errors.form} ns="lots" />
        <div className="field">
          <label htmlFor="code">{t("manage.code")}</label>
          <input id="code" name="code" defaultValue={v("code")} required aria-describedby="code-help" />
          <p className="hint" id="code-help">
            {t("manage.code_help")}
          </p>
          <FieldError id="code-error" error={errors.code} ns="lots" />
        </div>
        {text("title", t("manage.lot_title"))}
        {text("problem", t("field.problem"), true)}
        {text("target_group", t("field.target_group"), true)}
        <fieldset>
          <legend>{t("field.regions")}</legend>
          {regionCodes.map((r) => (
            <label key={r} className="choice__option">
              <input type="checkbox" name="regions" value={r} defaultChecked={regions.has(r)} /> {t(`region.${r}`)}
            </label>
          ))}
          <FieldError id="regions-error" error={errors.regions} ns="lots" />
        </fieldset>
        <div className="field">
          <label htmlFor="grant_type">{t("field.grant_type")}</label>
          <select id="grant_type" name="grant_type" defaultValue={v("grant_type")}>
            <option value="">—</option>
            {grantTypes.map((g) => (
              <option key={g} value={g}>
                {t(`grant_type.${g}`)} ({t(`grant_type_range.${g}`)})
              </option>
            ))}
          </select>
          <FieldError id="grant_type-error" error={errors.grant_type} ns="lots" />
        </div>
        <div className="field">
          <label htmlFor="duration_months">{t("manage.duration_label")}</label>
          <input id="duration_months" name="duration_months" inputMode="numeric" defaultValue={v("duration_months")} />
          <FieldError id="duration_months-error" error={errors.duration_months} ns="lots" />
        </div>
        <div className="field">
          <label htmlFor="amount_kzt">{t("manage.amount_label")}</label>
          <input id="amount_kzt" name="amount_kzt" inputMode="numeric" defaultValue={v("amount_kzt")} aria-describedby="amount-help" />
          <p className="hint" id="amount-help">
            {t("manage.amount_help")}
          </p>
          <FieldError id="amount_kzt-error" error={errors.amount_kzt} ns="lots" />
        </div>
        <div className="field">
          <label htmlFor="funding_year">{t("field.funding_year")}</label>
          <input id="funding_year" name="funding_year" inputMode="numeric" defaultValue={v("funding_year")} />
          <FieldError id="funding_year-error" error={errors.funding_year} ns="lots" />
        </div>
        {text("tor", t("field.tor"), true)}
        {text("eligibility", t("field.eligibility"), true)}

        <fieldset>
          <legend>{t("field.indicators")}</legend>
          <p className="hint">{t("manage.indicators_help")}</p>
          <FieldError id="indicators-error" error={errors.indicators} ns="lots" />
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">№</th>
                {(["kk", "ru", "en"] as const).map((l) => (
                  <th scope="col" key={l}>
                    {t("lot.indicator")} ({t(`lang.${l}`)})
                  </th>
                ))}
                <th scope="col">{t("lot.target")}</th>
                {(["kk", "ru", "en"] as const).map((l) => (
                  <th scope="col" key={l}>
                    {t("budget.unit")} ({t(`lang.${l}`)})
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: data.indicatorRows }, (_, i) => (
                <tr key={i}>
                  <td>{i + 1}</td>
                  {(["kk", "ru", "en"] as const).map((l) => cell(`indicator_${i}_text_${l}`, `${t("lot.indicator")} ${i + 1} ${l}`))}
                  {cell(`indicator_${i}_target`, `${t("lot.target")} ${i + 1}`, "decimal")}
                  {(["kk", "ru", "en"] as const).map((l) => cell(`indicator_${i}_unit_${l}`, `${t("budget.unit")} ${i + 1} ${l}`))}
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>

        <fieldset>
          <legend>{t("field.budget")}</legend>
          <p className="hint">{t("manage.budget_help")}</p>
          <FieldError id="budget-error" error={errors.budget} ns="lots" />
          {errors.budget_total ? (
            <p className="field-error" role="alert" id="budget_total-error">
              {t(errors.budget_total, {
                total: formatMoney(data.lang, actionData?.budgetTotal ?? 0),
                amount: formatMoney(data.lang, Number((values.amount_kzt ?? "").replace(/\D/g, "")) || 0),
              })}
            </p>
          ) : null}
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">№</th>
                {(["kk", "ru", "en"] as const).map((l) => (
                  <th scope="col" key={l}>
                    {t("budget.item")} ({t(`lang.${l}`)})
                  </th>
                ))}
                {(["kk", "ru", "en"] as const).map((l) => (
                  <th scope="col" key={l}>
                    {t("budget.unit")} ({t(`lang.${l}`)})
                  </th>
                ))}
                <th scope="col">{t("budget.quantity")}</th>
                <th scope="col">{t("budget.unit_cost")}</th>
                <th scope="col">{t("budget.total")}</th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: data.budgetRows }, (_, i) => (
                <tr key={i}>
                  <td>{i + 1}</td>
                  {(["kk", "ru", "en"] as const).map((l) => cell(`budget_${i}_item_${l}`, `${t("budget.item")} ${i + 1} ${l}`))}
                  {(["kk", "ru", "en"] as const).map((l) => cell(`budget_${i}_unit_${l}`, `${t("budget.unit")} ${i + 1} ${l}`))}
                  {cell(`budget_${i}_quantity`, `${t("budget.quantity")} ${i + 1}`, "decimal")}
                  {cell(`budget_${i}_unit_cost`, `${t("budget.unit_cost")} ${i + 1}`, "numeric")}
                  {cell(`budget_${i}_total`, `${t("budget.total")} ${i + 1}`, "numeric")}
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <Link to={`?indicators=${data.indicatorRows + 3}&lines=${data.budgetRows + 5}`}>{t("manage.more_rows")}</Link>
          </p>
        </fieldset>
        <button type="submit" className="button">
          {t("manage.save")}
        </button>
      </Form>
    </>
  );
}
