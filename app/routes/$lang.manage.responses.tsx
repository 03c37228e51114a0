import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ResponseBadge } from "~/components/reports/ReportView";
import { CsrfInput, FormError } from "~/components/ui/forms";
import type { Actor } from "~/modules/accounts/permissions";
import { answerComments, publishResponses } from "~/modules/responses/commands.server";
import { blockOptions, consultationsForQueue, consultationsOfComments, expandToGroups, findTemplate, listQueue, listTemplates, type QueueStatusFilter } from "~/modules/responses/queries.server";
import { answerFormSchema, justificationOf, responseStatuses } from "~/modules/responses/response.schema";
import { canAnswer } from "~/modules/responses/permissions";
import { checkCsrf } from "~/utils/csrf.server";
import { formatDate } from "~/utils/format";
import { readFormData } from "~/utils/form.server";
import { languageNames, pickLocalized } from "~/utils/i18n";
import { requireStaff } from "~/utils/guards.server";
import { requireLang } from "~/utils/lang.server";

export const meta: MetaFunction = () => [{ title: "Kenes" }];

const queueStatuses = ["unanswered", "draft", "published", ...responseStatuses] as const;

function bodiesOf(user: Actor): string[] | undefined {
  return user.role === "admin" ? undefined : user.organizationId ? [user.organizationId] : [];
}

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const user = await requireStaff(request, context, lang);
  const db = context.app.db;
  const url = new URL(request.url);
  const statusParam = url.searchParams.get("status") ?? "unanswered";
  const status = (queueStatuses as readonly string[]).includes(statusParam) || statusParam === "" ? (statusParam as QueueStatusFilter) : "unanswered";
  const consultation = url.searchParams.get("consultation") ?? "";
  const article = url.searchParams.get("article") ?? "";
  const orgIds = bodiesOf(user);
  const [queue, consultations, templates, blocks] = await Promise.all([
    listQueue(db, { organizationIds: orgIds, consultationSlug: consultation || undefined, blockKey: article || undefined, status }),
    consultationsForQueue(db, orgIds),
    listTemplates(db, orgIds),
    consultation ? blockOptions(db, consultation) : Promise.resolve([]),
  ]);
  return json({
    lang,
    filters: { status, consultation, article },
    total: queue.total,
    items: queue.items.map((i) => ({
      id: i.commentId,
      consultationSlug: i.consultation.slug,
      consultationTitle: pickLocalized(i.consultation.title, lang).text,
      daysSinceClosing: i.daysSinceClosing,
      block: i.block ? { key: i.block.key, label: pickLocalized(i.block.label, lang).text || i.block.key } : null,
      body: i.body,
      lang: i.lang,
      authorName: i.authorName,
      createdAt: i.createdAt.toISOString(),
      group: i.group,
      response: i.response
        ? { status: i.response.status, justification: pickLocalized(i.response.justification, lang).text, published: !!i.response.publishedAt, pending: i.response.pending }
        : null,
    })),
    consultations: consultations.map((c) => ({ slug: c.slug, title: pickLocalized(c.title, lang).text })),
    templates: templates.map((t) => ({ id: t.id, title: t.title, status: t.status })),
    blocks: blocks.map((b) => ({ key: b.lineage_key, label: (b.label ? pickLocalized(b.label, lang).text : "") || pickLocalized(b.text, lang).text.slice(0, 50) })),
  });
}

type ActionData = { errors: Record<string, string>; values: Record<string, string>; selected: string[] };

export async function action({ params, request, context }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const db = context.app.db;
  const form = await readFormData(request);
  const selected = form.getAll("commentId").filter((v): v is string => typeof v === "string");
  const values: Record<string, string> = {};
  for (const key of ["status", "justification_kk", "justification_ru", "justification_en", "templateId", "includeGroup", "changeBlockKey"]) values[key] = String(form.get(key) ?? "");
  const fail = (status: number, errors: Record<string, string>) => json<ActionData>({ errors, values, selected }, { status });
  if (await checkCsrf(request, form, context)) return fail(403, { form: "errors.csrf" });
  const user = await requireStaff(request, context, lang);
  const intent = String(form.get("intent") ?? "answer");
  const back = new URL(request.url);
  const returnTo = `/${lang}/manage/responses${back.search}`;
  const byConsultation = await consultationsOfComments(db, selected);
  if (selected.length === 0 || byConsultation.size === 0) return fail(400, { commentIds: "errors.no_comments_selected" });

  if (intent === "publish") {
    let count = 0;
    for (const [consultationId, ids] of byConsultation) {
      const result = await publishResponses(db, { actor: user, consultationId, commentIds: ids });
      if (!result.ok) return fail(result.error === "errors.forbidden" ? 403 : 409, { form: result.error });
      count += result.count;
    }
    return redirect(`${returnTo}${returnTo.includes("?") ? "&" : "?"}notice=published&count=${count}`, 303);
  }

  // A chosen template fills in what was left empty.
  let fields = { ...values };
  if (values.templateId) {
    const template = await findTemplate(db, values.templateId);
    if (!template || !canAnswer(user, { organizationId: template.organization_id })) return fail(400, { templateId: "errors.template_unknown" });
    const noText = !values.justification_kk.trim() && !values.justification_ru.trim() && !values.justification_en.trim();
    fields = {
      ...fields,
      status: values.status || template.status,
      ...(noText ? { justification_kk: template.justification.kk ?? "", justification_ru: template.justification.ru ?? "", justification_en: template.justification.en ?? "" } : {}),
    };
  }
  const parsed = answerFormSchema.safeParse({ ...fields, commentIds: selected });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
    return fail(400, errors);
  }
  let count = 0;
  for (const [consultationId, ids] of byConsultation) {
    // "Answer the whole group": every near-identical comment gets this answer, each in its own row.
    const targets = values.includeGroup === "1" ? await expandToGroups(db, consultationId, ids) : ids;
    const result = await answerComments(db, {
      actor: user,
      consultationId,
      commentIds: targets,
      status: parsed.data.status,
      justification: justificationOf(parsed.data),
      groupKey: values.includeGroup === "1" && targets.length > ids.length ? ids[0] : null,
      changeBlockKey: values.changeBlockKey || null,
    });
    if (!result.ok) return fail(result.error === "errors.forbidden" ? 403 : 400, { form: result.error });
    count += result.count;
  }
  return redirect(`${returnTo}${returnTo.includes("?") ? "&" : "?"}notice=answered&count=${count}`, 303);
}

export default function ResponsesQueue() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const nav = useNavigation();
  const [sp] = useSearchParams();
  const { t } = useTranslation("reports");
  const notice = sp.get("notice");
  const selected = new Set(a?.selected ?? []);
  const v = a?.values ?? {};
  return (
    <>
      <nav className="breadcrumbs" aria-label={t("consultation:breadcrumbs")}>
        <Link to={`/${d.lang}/manage`}>{t("manage:dashboard.title")}</Link> · <Link to={`/${d.lang}/manage/templates`}>{t("templates.title")}</Link>
      </nav>
      <h1>{t("queue.title")}</h1>
      {notice === "answered" || notice === "published" ? (
        <p className="notice" role="status">
          {t(`queue.notice_${notice}`, { count: Number(sp.get("count") ?? 0) })}
        </p>
      ) : null}
      <Form method="get" className="filters">
        <label>
          {t("queue.consultation")}{" "}
          <select name="consultation" defaultValue={d.filters.consultation}>
            <option value="">{t("filter.all")}</option>
            {d.consultations.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.title}
              </option>
            ))}
          </select>
        </label>{" "}
        {d.blocks.length ? (
          <label>
            {t("filter.article")}{" "}
            <select name="article" defaultValue={d.filters.article}>
              <option value="">{t("filter.all")}</option>
              <option value="general">{t("item.general")}</option>
              {d.blocks.map((b) => (
                <option key={b.key} value={b.key}>
                  {b.label}
                </option>
              ))}
            </select>
          </label>
        ) : null}{" "}
        <label>
          {t("filter.status")}{" "}
          <select name="status" defaultValue={d.filters.status}>
            <option value="">{t("filter.all")}</option>
            {queueStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`queue.status_${s}`)}
              </option>
            ))}
          </select>
        </label>{" "}
        <button type="submit" className="button button--small">
          {t("filter.apply")}
        </button>
      </Form>
      <p>{t("queue.total", { count: d.total })}</p>
      <Form method="post" className="stack">
        <CsrfInput />
        <FormError error={a?.errors.form} ns="reports" />
        {a?.errors.commentIds ? (
          <p className="form-error" role="alert">
            {t(a.errors.commentIds)}
          </p>
        ) : null}
        <ol className="queue-list">
          {d.items.map((i) => (
            <li key={i.id} className="queue-item">
              <label className="queue-item__select">
                <input type="checkbox" name="commentId" value={i.id} defaultChecked={selected.has(i.id)} /> {t("queue.select")}
              </label>
              <p className="hint">
                <Link to={`/${d.lang}/consultations/${i.consultationSlug}/report`}>{i.consultationTitle}</Link>
                {i.daysSinceClosing !== null ? ` · ${t("queue.days_since_closing", { count: i.daysSinceClosing })}` : ` · ${t("queue.still_open")}`}
                {" · "}
                {i.block ? i.block.label : t("item.general")} · {i.authorName} · {formatDate(d.lang, i.createdAt)}
                {i.group ? <strong className="similar-badge"> · {t("item.similar", { count: i.group.size })}</strong> : null}
              </p>
              <p className="comment__body" lang={i.lang}>
                {i.body}
              </p>
              {i.response ? (
                <p>
                  <ResponseBadge status={i.response.status} /> {i.response.published ? (i.response.pending ? t("queue.published_changed") : t("queue.published")) : t("queue.draft")}
                  {i.response.justification ? ` — ${i.response.justification}` : ""}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
        {d.items.length ? (
          <fieldset className="answer-form">
            <legend>{t("queue.answer_selected")}</legend>
            <fieldset>
              <legend>{t("queue.status")}</legend>
              {responseStatuses.map((s) => (
                <label key={s} className="radio">
                  <input type="radio" name="status" value={s} defaultChecked={v.status === s} /> {t(`status.${s}`)}
                </label>
              ))}
              {a?.errors.status ? (
                <p className="field-error" role="alert">
                  {t(a.errors.status)}
                </p>
              ) : null}
            </fieldset>
            {(["kk", "ru", "en"] as const).map((l) => (
              <div key={l}>
                <label htmlFor={`justification_${l}`}>
                  {t("queue.justification", { language: languageNames[l] })} {l === "en" ? `(${t("queue.optional")})` : ""}
                </label>
                <textarea id={`justification_${l}`} name={`justification_${l}`} lang={l} rows={3} defaultValue={v[`justification_${l}`]} />
              </div>
            ))}
            {a?.errors.justification ? (
              <p className="field-error" role="alert">
                {t(a.errors.justification)}
              </p>
            ) : null}
            <p className="hint">{t("queue.justification_help")}</p>
            {d.templates.length ? (
              <label>
                {t("queue.template")}{" "}
                <select name="templateId" defaultValue={v.templateId}>
                  <option value="">—</option>
                  {d.templates.map((tp) => (
                    <option key={tp.id} value={tp.id}>
                      {tp.title} ({t(`status.${tp.status}`)})
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {a?.errors.templateId ? <p className="field-error">{t(a.errors.templateId)}</p> : null}
            <label>
              <input type="checkbox" name="includeGroup" value="1" defaultChecked={v.includeGroup === "1"} /> {t("queue.include_group")}
            </label>
            {d.blocks.length ? (
              <label>
                {t("queue.change_block")}{" "}
                <select name="changeBlockKey" defaultValue={v.changeBlockKey}>
                  <option value="">—</option>
                  {d.blocks.map((b) => (
                    <option key={b.key} value={b.key}>
                      {b.label}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <div>
              <button type="submit" name="intent" value="answer" className="button" disabled={nav.state === "submitting"}>
                {t("queue.save_draft")}
              </button>{" "}
              <button type="submit" name="intent" value="publish" className="button button--secondary" disabled={nav.state === "submitting"}>
                {t("queue.publish_selected")}
              </button>
            </div>
          </fieldset>
        ) : (
          <p className="empty">{t("queue.empty")}</p>
        )}
      </Form>
    </>
  );
}

