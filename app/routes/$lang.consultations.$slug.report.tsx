import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { articleChoices, paginate, REPORT_PAGE_SIZE, ReportView, type ReportPagination } from "~/components/reports/ReportView";
import { CsrfInput, FormError } from "~/components/ui/forms";
import { findConsultationBySlug } from "~/modules/consultations/queries.server";
import { publishReport } from "~/modules/reports/commands.server";
import { buildItemsPage, currentReport, filteredTotal, findPublishedRevision } from "~/modules/reports/builds.server";
import { buildReportPreview, countPendingAnswers, listRevisions, type ReportHead } from "~/modules/reports/queries.server";
import type { ReportItem } from "~/modules/reports/report.types";
import { publishResponses } from "~/modules/responses/commands.server";
import { canAnswer } from "~/modules/responses/permissions";
import { checkCsrf } from "~/utils/csrf.server";
import { readFormData } from "~/utils/form.server";
import { pickLocalized } from "~/utils/i18n";
import { notFound, requireLang } from "~/utils/lang.server";
import { getCurrentUser, requireUser } from "~/utils/session.server";
import { shareConsultationPage } from "~/utils/shared-render.server";
import { island } from "~/utils/islands.server";
import { reportArticlesHtml, reportItemsHtml } from "~/components/reports/report-items.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.pageTitle} · Kenes` : "Kenes" }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const db = context.app.db;
  const consultation = await findConsultationBySlug(db, params.slug ?? "");
  const user = await getCurrentUser(request, context);
  const canManage = !!consultation && canAnswer(user, { organizationId: consultation.organization.id });
  if (!consultation || (!consultation.publishedAt && !canManage)) throw notFound(lang, "consultation");
  shareConsultationPage(context, consultation);
  const url = new URL(request.url);
  const revisionParam = url.searchParams.get("revision");
  const revisionNumber = revisionParam && /^\d{1,6}$/.test(revisionParam) ? Number(revisionParam) : undefined;
  const published = await findPublishedRevision(db, consultation.id, revisionNumber);
  if (revisionNumber !== undefined && !published) throw notFound(lang);
  // Staff see a preview with their drafts (computed now); the public sees the published report,
  // or, before it, the answers published so far — both read from a stored build (ADR 0064).
  const preview = !published && canManage;
  const filters = { status: url.searchParams.get("status") ?? "", article: url.searchParams.get("article") ?? "" };
  const base = `/${lang}/consultations/${consultation.slug}`;
  const link = (page: number) => {
    const query = new URLSearchParams({ ...(filters.status ? { status: filters.status } : {}), ...(filters.article ? { article: filters.article } : {}), ...(revisionNumber ? { revision: String(revisionNumber) } : {}), page: String(page) });
    return `${base}/report?${query}#items`;
  };
  const pageParam = url.searchParams.get("page");
  const settings = context.app.config.reportBuilds;
  let head: ReportHead;
  let items: ReportItem[];
  let pagination: ReportPagination;
  let asOf: { at: string; refreshSeconds: number | null } | null = null;
  // A stored build's page of items is rendered once and sent as HTML (undefined: a staff preview, rendered live).
  let itemsHtml: string | null | undefined;
  // …and so is its by-article table (one row per article: the largest part of the head).
  let articlesHtml: string | null | undefined;
  if (preview) {
    const asked = pageParam && /^\d{1,7}$/.test(pageParam) ? Math.max(1, Number(pageParam)) : 1;
    const built = await buildReportPreview(db, consultation.id, filters, asked, REPORT_PAGE_SIZE);
    head = built.head;
    items = built.items;
    pagination = paginate(built.total, String(built.page), link);
  } else {
    const stored = published ? published.report : await currentReport(db, consultation.id, settings);
    head = stored.head;
    pagination = paginate(filteredTotal(stored.head, filters), pageParam, link);
    const page = pagination.page;
    itemsHtml = island(context, "report-items-list", await reportItemsHtml(`${stored.id}|${filters.status}|${filters.article}|${page}`, lang, head.changes, () => buildItemsPage(db, stored.id, filters, page, REPORT_PAGE_SIZE)));
    articlesHtml = island(context, "report-articles", reportArticlesHtml(stored.id, lang, head.articles));
    items = [];
    if (!published) asOf = { at: stored.builtAt, refreshSeconds: settings.readMode === "stored" ? Math.max(1, Math.ceil(settings.intervalMs / 1000)) : null };
  }
  const history = published ? published.history : await listRevisions(db, consultation.id);
  // Answers drafted after the latest revision (corrections waiting for a new revision).
  const pendingCorrections = canManage && published && !revisionNumber ? await countPendingAnswers(db, consultation.id) : 0;
  return json({
    lang,
    pageTitle: pickLocalized(consultation.title, lang).text,
    status: consultation.status,
    // The items travel a page at a time (below), not all with the summary; a stored build's
    // by-article rows travel as HTML (the filter gets its choices in the page's language).
    data: { ...head, items: [] as ReportItem[], articles: articlesHtml === undefined ? head.articles : [] },
    articleOptions: articleChoices(head.articles, lang),
    articlesHtml,
    revision: published?.revision ?? null,
    latestRevision: history[0]?.revision ?? null,
    history,
    preview,
    published: !!published,
    items,
    itemsHtml,
    pagination,
    asOf,
    filters,
    canManage,
    closed: consultation.status === "closed" || consultation.status === "report_published",
    unanswered: head.summary.byStatus.unanswered,
    pendingCorrections,
    links: {
      consultation: base,
      self: `${base}/report`,
      csv: `/api/v1/consultations/${consultation.slug}/report.csv?lang=${lang}`,
      json: `/api/v1/consultations/${consultation.slug}/report`,
      pdf: `${base}/report.pdf${revisionNumber ? `?revision=${revisionNumber}` : ""}`,
      feed: `${base}/feed.atom`,
    },
  });
}

type ActionData = { errors: Record<string, string>; values?: Record<string, string>; unanswered?: number };

export async function action({ params, request, context }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const db = context.app.db;
  const consultation = await findConsultationBySlug(db, params.slug ?? "");
  if (!consultation) throw notFound(lang, "consultation");
  const form = await readFormData(request);
  if (await checkCsrf(request, form, context)) return json<ActionData>({ errors: { form: "errors.csrf" } }, { status: 403 });
  const user = await requireUser(request, context, lang);
  if (!canAnswer(user, { organizationId: consultation.organization.id })) return json<ActionData>({ errors: { form: "errors.forbidden" } }, { status: 403 });
  const intent = String(form.get("intent") ?? "");
  const here = `/${lang}/consultations/${consultation.slug}/report`;
  if (intent === "publish_answers") {
    const result = await publishResponses(db, { actor: user, consultationId: consultation.id });
    if (!result.ok) return json<ActionData>({ errors: { form: result.error } }, { status: 409 });
    return redirect(`${here}?notice=answers_published`, 303);
  }
  if (intent === "publish_report") {
    const values = { change_log_kk: String(form.get("change_log_kk") ?? ""), change_log_ru: String(form.get("change_log_ru") ?? ""), change_log_en: String(form.get("change_log_en") ?? "") };
    const changeLog = values.change_log_kk.trim() || values.change_log_ru.trim() || values.change_log_en.trim() ? { kk: values.change_log_kk.trim(), ru: values.change_log_ru.trim(), en: values.change_log_en.trim() } : null;
    const result = await publishReport(db, { actor: user, consultationId: consultation.id, changeLog });
    if (!result.ok) return json<ActionData>({ errors: { [result.error === "errors.change_log_required" ? "changeLog" : "form"]: result.error }, values, unanswered: result.unanswered }, { status: 409 });
    return redirect(`${here}?notice=report_published`, 303);
  }
  return json<ActionData>({ errors: { form: "errors.unknown_action" } }, { status: 400 });
}

export default function ReportPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("reports");
  const notice = searchParams.get("notice");
  const viewingOld = d.revision && d.latestRevision && d.revision.revision !== d.latestRevision;
  return (
    <>
      <nav className="breadcrumbs" aria-label={t("consultation:breadcrumbs")}>
        <Link to={`/${d.lang}/reports`}>{t("dashboard.title")}</Link> · <Link to={d.links.consultation}>{d.pageTitle}</Link>
      </nav>
      {notice === "report_published" || notice === "answers_published" ? (
        <p className="notice" role="status">
          {t(`notice.${notice}`)}
        </p>
      ) : null}
      {!d.published && !d.preview ? <p className="notice">{t("report.not_published")}</p> : null}
      {viewingOld ? (
        <p className="notice">
          {t("report.old_revision")} <Link to={d.links.self}>{t("report.see_latest")}</Link>
        </p>
      ) : null}
      {d.canManage ? (
        <section className="staff-box" aria-labelledby="staff-actions">
          <h2 id="staff-actions">{t("staff.title")}</h2>
          <FormError error={actionData?.errors.form} ns="reports" />
          {actionData?.unanswered ? <p className="form-error">{t("staff.unanswered_left", { count: actionData.unanswered })}</p> : null}
          <p>
            <Link to={`/${d.lang}/manage/responses?consultation=${d.data.consultation.slug}`}>{t("staff.answer_queue", { count: d.unanswered })}</Link>
          </p>
          {!d.published ? (
            <>
              <Form method="post" className="inline-form">
                <CsrfInput />
                <input type="hidden" name="intent" value="publish_answers" />
                <button type="submit" className="button button--secondary">
                  {t("staff.publish_answers")}
                </button>
              </Form>
              {d.closed ? (
                d.unanswered > 0 ? (
                  <p className="hint">{t("staff.cannot_publish", { count: d.unanswered })}</p>
                ) : (
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="publish_report" />
                    <p className="hint">{t("staff.publish_help")}</p>
                    <button type="submit" className="button">
                      {t("staff.publish_report")}
                    </button>
                  </Form>
                )
              ) : (
                <p className="hint">{t("staff.not_closed")}</p>
              )}
            </>
          ) : (
            <Form method="post" className="stack">
              <CsrfInput />
              <input type="hidden" name="intent" value="publish_report" />
              <p className="hint">{t("staff.revision_help", { count: d.pendingCorrections })}</p>
              {(["kk", "ru", "en"] as const).map((l) => (
                <div key={l}>
                  <label htmlFor={`change_log_${l}`}>{t(`staff.change_log_${l}`)}</label>
                  <textarea id={`change_log_${l}`} name={`change_log_${l}`} lang={l} rows={3} defaultValue={actionData?.values?.[`change_log_${l}`]} aria-describedby="change-log-error" />
                </div>
              ))}
              {actionData?.errors.changeLog ? (
                <p className="field-error" id="change-log-error" role="alert">
                  {t(actionData.errors.changeLog)}
                </p>
              ) : null}
              <button type="submit" className="button">
                {t("staff.publish_revision")}
              </button>
            </Form>
          )}
        </section>
      ) : null}
      <ReportView lang={d.lang} data={d.data} revision={d.revision} history={d.history} draft={d.preview} items={d.items} itemsHtml={d.itemsHtml} articlesHtml={d.articlesHtml} articleOptions={d.articleOptions} filters={d.filters} pagination={d.pagination} links={d.links} asOf={d.asOf} />
    </>
  );
}
