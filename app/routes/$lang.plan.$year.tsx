import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput, FieldError, FormError } from "~/components/ui/forms";
import { LocalizedText } from "~/components/ui/LocalizedText";
import { canManageForOrganization } from "~/modules/accounts/permissions";
import { listGovernmentBodies } from "~/modules/accounts/queries.server";
import { consultationTypes } from "~/modules/consultations/rules";
import { deletePlanItem, savePlanItem } from "~/modules/plan/commands.server";
import { planItemSchema } from "~/modules/plan/plan.schema";
import { findPlanItem, listBodyConsultations, listPlan } from "~/modules/plan/queries.server";
import { isLate } from "~/modules/plan/rules";
import { checkCsrf } from "~/utils/csrf.server";
import { readFormData } from "~/utils/form.server";
import { formatDate } from "~/utils/format";
import { pickLocalized } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";
import { notFound, requireLang } from "~/utils/lang.server";
import { getCurrentUser } from "~/utils/session.server";
import { shareRender } from "~/utils/shared-render.server";
import { SITE_SCOPE } from "~/modules/changes/changes.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · Kenes` : "Kenes" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/lots.css" }];

function yearOf(params: LoaderFunctionArgs["params"], lang: Parameters<typeof notFound>[0]): number {
  const year = Number(params.year);
  if (!/^\d{4}$/.test(params.year ?? "") || year < 2000 || year > 2100) throw notFound(lang);
  return year;
}

/** /{lang}/plan/{year}: every body's plan of consultations; the body's staff manage theirs here. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const year = yearOf(params, lang);
  const db = context.app.db;
  const user = await getCurrentUser(request, context);
  const items = await listPlan(db, year);
  shareRender(context, [SITE_SCOPE]);
  const bodies = user ? (await listGovernmentBodies(db)).filter((b) => canManageForOrganization(user, b.id)) : [];
  const consultations = Object.fromEntries(
    await Promise.all(bodies.map(async (b) => [b.id, (await listBodyConsultations(db, b.id)).map((c) => ({ slug: c.slug, title: pickLocalized(c.title, lang).text }))] as const)),
  );
  const t = getFixedT(lang);
  return json({
    lang,
    year,
    title: t("plan:title", { year }),
    items: items.map((i) => ({
      ...i,
      late: isLate(i.status),
      canManage: canManageForOrganization(user, i.body.id),
      consultation: i.consultation && (i.consultation.publishedAt || canManageForOrganization(user, i.body.id)) ? { slug: i.consultation.slug, title: i.consultation.title, opensAt: i.consultation.opensAt.toISOString() } : null,
    })),
    bodies: bodies.map((b) => ({ id: b.id, name: b.name })),
    consultations,
  });
}

type ActionData = { errors: Record<string, string>; values: Record<string, string>; itemId: string | null };

export async function action({ params, request, context }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const year = yearOf(params, lang);
  const db = context.app.db;
  const form = await readFormData(request);
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && k !== "csrf") values[k] = v;
  const itemId = values.itemId || null;
  const fail = (status: number, errors: Record<string, string>) => json<ActionData>({ errors, values, itemId }, { status });
  if (await checkCsrf(request, form, context)) return fail(403, { form: "errors.csrf" });
  const user = await getCurrentUser(request, context);
  if (!user) return fail(401, { form: "errors.sign_in_required" });
  const existing = itemId ? await findPlanItem(db, itemId) : undefined;
  if (itemId && !existing) return fail(404, { form: "errors.not_found" });
  const organizationId = existing?.organization_id ?? values.organizationId ?? "";
  if (!canManageForOrganization(user, organizationId)) return fail(403, { form: "errors.forbidden" });
  if (values.intent === "delete" && existing) {
    await deletePlanItem(db, { id: existing.id, organizationId, actorId: user.id });
    return redirect(`/${lang}/plan/${year}?notice=deleted`, 303);
  }
  const parsed = planItemSchema.safeParse({ ...values, organizationId, year: values.year ?? String(year) });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
    return fail(400, errors);
  }
  const p = parsed.data;
  const result = await savePlanItem(db, {
    id: existing?.id,
    organizationId,
    year: p.year,
    quarter: p.quarter,
    kind: p.kind,
    consultationType: p.consultationType,
    title: { kk: p.title_kk, ru: p.title_ru, en: p.title_en },
    consultationSlug: p.consultationSlug,
    actorId: user.id,
  });
  if (!result.ok) return fail(400, { [result.field]: result.error });
  return redirect(`/${lang}/plan/${p.year}?notice=saved#item-${result.id}`, 303);
}

function ItemFields({ values, errors, consultations, prefix }: { values: Record<string, string>; errors: Record<string, string>; consultations: { slug: string; title: string }[]; prefix: string }) {
  const { t } = useTranslation("plan");
  const id = (f: string) => `${prefix}-${f}`;
  return (
    <>
      {(["kk", "ru", "en"] as const).map((l) => (
        <div className="field" key={l}>
          <label htmlFor={id(`title_${l}`)}>
            {t("form.title")} ({t(`lang.${l}`)})
          </label>
          <input id={id(`title_${l}`)} name={`title_${l}`} defaultValue={values[`title_${l}`] ?? ""} />
          <FieldError id={id(`title_${l}-error`)} error={errors[`title_${l}`]} ns="plan" />
        </div>
      ))}
      <div className="field">
        <label htmlFor={id("kind")}>{t("form.kind")}</label>
        <select id={id("kind")} name="kind" defaultValue={values.kind ?? "act"}>
          <option value="act">{t("kind.act")}</option>
          <option value="lot">{t("kind.lot")}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={id("consultationType")}>{t("form.type")}</label>
        <select id={id("consultationType")} name="consultationType" defaultValue={values.consultationType ?? "regulation"}>
          {consultationTypes.map((c) => (
            <option key={c} value={c}>
              {t(`consultation:type.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={id("quarter")}>{t("form.quarter")}</label>
        <select id={id("quarter")} name="quarter" defaultValue={values.quarter ?? "1"}>
          {[1, 2, 3, 4].map((q) => (
            <option key={q} value={q}>
              {t("quarter", { q })}
            </option>
          ))}
        </select>
        <FieldError id={id("quarter-error")} error={errors.quarter} ns="plan" />
      </div>
      <div className="field">
        <label htmlFor={id("consultationSlug")}>{t("form.consultation")}</label>
        <select id={id("consultationSlug")} name="consultationSlug" defaultValue={values.consultationSlug ?? ""}>
          <option value="">{t("form.no_consultation")}</option>
          {consultations.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.title} ({c.slug})
            </option>
          ))}
        </select>
        <FieldError id={id("consultationSlug-error")} error={errors.consultationSlug} ns="plan" />
      </div>
    </>
  );
}

export default function PlanPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("plan");
  const lang = data.lang;
  const bodiesSeen = [...new Map(data.items.map((i) => [i.body.id, i.body])).values()];
  const notice = searchParams.get("notice");
  const newValues = actionData && !actionData.itemId ? actionData.values : {};
  const newErrors = actionData && !actionData.itemId ? actionData.errors : {};
  return (
    <article className="plan">
      <h1>{data.title}</h1>
      {notice ? (
        <p className="notice" role="status">
          {t(`notice.${notice}`)}
        </p>
      ) : null}
      <p>{t("intro")}</p>
      <nav aria-label={t("years")}>
        <Link to={`/${lang}/plan/${data.year - 1}`}>← {data.year - 1}</Link> · <Link to={`/${lang}/plan/${data.year + 1}`}>{data.year + 1} →</Link> ·{" "}
        <a href={`/api/v1/plan?year=${data.year}`}>{t("open_data")}</a>
      </nav>
      <p>{t("summary", { count: data.items.length, late: data.items.filter((i) => i.late).length })}</p>
      {data.items.length === 0 ? <p className="empty">{t("empty")}</p> : null}
      {bodiesSeen.map((body) => (
        <section key={body.id} aria-labelledby={`body-${body.slug}`}>
          <h2 id={`body-${body.slug}`}>
            <LocalizedText value={body.name} />
          </h2>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("form.quarter")}</th>
                <th scope="col">{t("form.title")}</th>
                <th scope="col">{t("form.type")}</th>
                <th scope="col">{t("column.status")}</th>
              </tr>
            </thead>
            <tbody>
              {data.items
                .filter((i) => i.body.id === body.id)
                .map((i) => (
                  <tr key={i.id} id={`item-${i.id}`}>
                    <td>{t("quarter", { q: i.quarter })}</td>
                    <td>
                      <LocalizedText value={i.title} /> <small>({t(`kind.${i.kind}`)})</small>
                      {i.canManage ? (
                        <details open={actionData?.itemId === i.id}>
                          <summary>{t("form.edit")}</summary>
                          <Form method="post">
                            <CsrfInput />
                            <input type="hidden" name="intent" value="update" />
                            <input type="hidden" name="itemId" value={i.id} />
                            <input type="hidden" name="year" value={i.year} />
                            <ItemFields
                              prefix={`edit-${i.id}`}
                              values={actionData?.itemId === i.id ? actionData.values : { title_kk: i.title.kk, title_ru: i.title.ru, title_en: i.title.en, kind: i.kind, consultationType: i.consultationType, quarter: String(i.quarter), consultationSlug: i.consultation?.slug ?? "" }}
                              errors={actionData?.itemId === i.id ? actionData.errors : {}}
                              consultations={data.consultations[i.body.id] ?? []}
                            />
                            <button type="submit" className="button button--small">
                              {t("form.save")}
                            </button>
                          </Form>
                          <Form method="post">
                            <CsrfInput />
                            <input type="hidden" name="intent" value="delete" />
                            <input type="hidden" name="itemId" value={i.id} />
                            <button type="submit" className="button button--small">
                              {t("form.delete")}
                            </button>
                          </Form>
                        </details>
                      ) : null}
                    </td>
                    <td>{t(`consultation:type.${i.consultationType}`)}</td>
                    <td>
                      <span className={i.late ? "plan-late" : i.status === "opened" ? "plan-ok" : undefined}>{t(`status.${i.status}`)}</span>
                      {i.consultation ? (
                        <>
                          {" · "}
                          <Link to={`/${lang}/consultations/${i.consultation.slug}`}>{t("column.consultation", { date: formatDate(lang, i.consultation.opensAt) })}</Link>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
      {data.bodies.length ? (
        <section aria-labelledby="add-title">
          <h2 id="add-title">{t("form.add_title")}</h2>
          <Form method="post" id="plan-add">
            <CsrfInput />
            <input type="hidden" name="intent" value="add" />
            <input type="hidden" name="year" value={data.year} />
            <FormError error={newErrors.form} ns="plan" />
            <div className="field">
              <label htmlFor="new-organizationId">{t("form.body")}</label>
              <select id="new-organizationId" name="organizationId" defaultValue={newValues.organizationId ?? data.bodies[0].id}>
                {data.bodies.map((b) => (
                  <option key={b.id} value={b.id}>
                    {pickLocalized(b.name, lang).text}
                  </option>
                ))}
              </select>
            </div>
            <ItemFields prefix="new" values={newValues} errors={newErrors} consultations={Object.values(data.consultations).flat()} />
            <button type="submit" className="button">
              {t("form.add")}
            </button>
          </Form>
        </section>
      ) : null}
    </article>
  );
}
