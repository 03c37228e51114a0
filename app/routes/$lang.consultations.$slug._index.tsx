import { readFormData } from "~/utils/form.server";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommentForm } from "~/components/consultation/CommentForm";
import { AnnotatedDraft, OrphanedAnnotations } from "~/components/consultation/AnnotatedDraft";
import { AttachmentList } from "~/components/consultation/AttachmentList";
import { CommentThread } from "~/components/consultation/CommentThread";
import { listAttachments } from "~/modules/attachments/queries.server";
import { ServerHtml } from "~/components/ui/ServerHtml";
import { draftIslands } from "~/components/consultation/draft-page.server";
import { failedAnnotationOf } from "~/components/consultation/AnnotationPanel";
import { island } from "~/utils/islands.server";
import { VersionNav } from "~/components/consultation/VersionNav";
import { presentThread } from "~/modules/comments/annotated-draft.server";
import { pickVersion } from "~/modules/documents/versions";
import { StatusBadge } from "~/components/consultation/StatusBadge";
import { ConsultationSearchForm } from "~/components/search/ConsultationSearchForm";
import { LocalizedText, UnofficialNote } from "~/components/ui/LocalizedText";
import { previewThreads, type BlockThreadPreview } from "~/modules/comments/queries.server";
import { GENERAL } from "~/modules/comments/threads";
import { presentComment } from "~/modules/comments/present.server";
import { presentWithAnswers } from "~/modules/responses/present.server";
import { handleCommentSubmission, type CommentActionData } from "~/modules/comments/submit.server";
import { canManageForOrganization } from "~/modules/accounts/permissions";
import { currentVersion, findConsultationBySlug, listVersions } from "~/modules/consultations/queries.server";
import { periodDays, requiresJustification } from "~/modules/consultations/rules";
import { daysUntil, formatDate, formatNumber } from "~/utils/format";
import { pickLocalized } from "~/utils/i18n";
import { notFound, requireLang } from "~/utils/lang.server";
import { getCurrentUser } from "~/utils/session.server";
import { LotLinks } from "~/components/lots/LotLinks";
import { anchorKinds, listLots } from "~/modules/lots/queries.server";
import { formKeyFor, shareConsultationPage } from "~/utils/shared-render.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.consultation.titleText} · Kenes` : "Kenes" },
  { name: "description", content: data?.consultation.summaryText ?? "" },
];

const PREVIEW_PER_THREAD = 5;

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const db = context.app.db;
  const consultation = await findConsultationBySlug(db, params.slug ?? "");
  const user = await getCurrentUser(request, context);
  // An unpublished draft exists only for its own body's staff.
  if (!consultation || (!consultation.publishedAt && !canManageForOrganization(user, consultation.organization.id))) throw notFound(lang, "consultation");
  shareConsultationPage(context, consultation);
  const url = new URL(request.url);

  const versions = await listVersions(db, consultation.id);
  const latest = currentVersion(versions) ?? versions.at(-1);
  // ?version=N shows an earlier published version, with its annotations where they were made.
  const version = pickVersion(versions, url.searchParams.get("version")) ?? latest;
  const viewingLatest = !version || version.id === latest?.id;
  const open = consultation.status === "open" && viewingLatest;
  const here = `/${lang}/consultations/${consultation.slug}`;
  const formKey = formKeyFor(context);
  const [lots, attachments, preview] = await Promise.all([
    listLots(db, consultation.id),
    listAttachments(db, consultation.id),
    // Only the general thread here: the blocks' threads are in the draft's fragments.
    version ? previewThreads(db, consultation.id, version.id, PREVIEW_PER_THREAD, [GENERAL]) : Promise.resolve<BlockThreadPreview>({ threads: new Map(), totals: new Map() }),
  ]);
  // Published answers and similar-comment group sizes ride along with each comment.
  const withAnswers = async (views: Parameters<typeof presentWithAnswers>[2]) => new Map((await presentWithAnswers(db, consultation.id, views, lang)).map((p) => [p.id, { response: p.response, similarCount: p.similarCount }]));
  const threads: Record<string, { total: number; comments: Awaited<ReturnType<typeof presentThread>> }> = {};
  const general = preview.threads.get(GENERAL);
  if (general) threads[GENERAL] = { total: preview.totals.get(GENERAL) ?? general.length, comments: await presentThread(db, general, lang, user?.id ?? null, withAnswers) };
  const draft = version
    ? await draftIslands(db, context, {
        request,
        consultationId: consultation.id,
        versionId: version.id,
        published: !!version.publishedAt,
        lang,
        here,
        open,
        user,
        formKey,
        commentOn: context.focusBlockId ?? url.searchParams.get("comment_on"),
        loginHref: `/${lang}/login?next=${encodeURIComponent(here)}`,
      })
    : { islands: { before: island(context, "draft-blocks", ""), after: null, focus: null }, toc: null, orphaned: [], blockCount: 0 };

  return json({
    lang,
    consultation: {
      id: consultation.id,
      slug: consultation.slug,
      type: consultation.type,
      status: consultation.status,
      title: consultation.title,
      titleText: pickLocalized(consultation.title, lang).text,
      summary: consultation.summary,
      summaryText: pickLocalized(consultation.summary, lang).text,
      explanatoryNote: consultation.explanatoryNote,
      organization: consultation.organization.name,
      opensAt: consultation.opensAt.toISOString(),
      closesAt: consultation.closesAt.toISOString(),
      periodDays: periodDays(consultation.opensAt, consultation.closesAt),
      // Shown whenever the period is under the general 30 days and the body explained why,
      // even where the grant rule (10 working days) would not require it.
      shortPeriod:
        requiresJustification(consultation.opensAt, consultation.closesAt, consultation.type, context.app.config.periodRules) ||
        (periodDays(consultation.opensAt, consultation.closesAt) < 30 && pickLocalized(consultation.shortPeriodJustification, lang).text !== ""),
      justification: consultation.shortPeriodJustification,
      daysLeft: consultation.status === "open" ? daysUntil(consultation.closesAt) : null,
      daysToOpen: consultation.status === "planned" ? daysUntil(consultation.opensAt) : null,
      commentCount: consultation.commentCount,
      canManage: canManageForOrganization(user, consultation.organization.id),
    },
    versions: versions.filter((v) => v.publishedAt).map((v) => ({ number: v.number, publishedAt: v.publishedAt!.toISOString(), current: v.id === version?.id, latest: v.id === latest?.id })),
    viewingLatest,
    open,
    draft,
    attachments: attachments.map((a) => ({ id: a.id, kind: a.kind, fileName: a.file_name, contentType: a.content_type, sizeBytes: a.size_bytes, versionNumber: a.version_number })),
    threads,
    lots: lots.map((l) => ({ code: l.code, title: l.title, amountKzt: l.amountKzt })),
    formKey,
  });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const consultation = await findConsultationBySlug(context.app.db, params.slug ?? "");
  if (!consultation || !consultation.publishedAt) throw notFound(lang, "consultation");
  const form = await readFormData(request);
  const response = await handleCommentSubmission({ request, form, context, lang, consultationId: consultation.id, returnTo: `/${lang}/consultations/${consultation.slug}` });
  // A refused block comment is shown again at its block: the page rendered after this action (a
  // form posted without JavaScript) renders that block live, with the errors and the text.
  if (response.status >= 400) {
    const data = (await response.clone().json()) as CommentActionData;
    if (data.values.blockId && !data.values.parentId && !data.values.start) context.focusBlockId = data.values.blockId;
  }
  return response;
}

export default function ConsultationPage() {
  const { consultation: c, draft, threads, versions, formKey, lang, open, attachments, lots } = useLoaderData<typeof loader>();
  const actionData = useActionData<CommentActionData>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("consultation");
  const notice = searchParams.get("notice");
  const here = `/${lang}/consultations/${c.slug}`;
  const loginHref = `/${lang}/login?next=${encodeURIComponent(here)}`;
  const general = threads[GENERAL];
  // A refused annotation reopens its panel, a refused block comment its block (the loader renders
  // that block live); any other failure — the general form, a reply — is shown at the general form.
  const failedAnnotation = failedAnnotationOf(actionData);
  const failedGeneral = actionData && !failedAnnotation && (actionData.values.blockId === null || !!actionData.values.parentId || actionData.values.blockId !== draft.islands.focus?.id);

  return (
    <article className="consultation">
      <nav aria-label={t("breadcrumbs")} className="breadcrumbs">
        <Link to={`/${lang}/consultations`}>{t("list.title")}</Link>
      </nav>
      {notice === "comment_posted" ? (
        <p className="notice" role="status">
          {t("comments.posted")}
        </p>
      ) : null}
      <header className="consultation__header">
        <div className="consultation-card__meta">
          <StatusBadge status={c.status} />
          <span>{t(`type.${c.type}`)}</span>
          <LocalizedText value={c.organization} />
        </div>
        <LocalizedText value={c.title} as="h1" />
        <LocalizedText value={c.summary} as="p" className="lead" />
        {c.canManage ? (
          <p>
            <Link to={`/${lang}/manage/consultations/${c.slug}`}>{t("manage_link")}</Link>
          </p>
        ) : null}
        {c.status === "closed" || c.status === "report_published" || c.canManage ? (
          <p>
            <Link to={`/${lang}/consultations/${c.slug}/report`}>{t("reports:report.link")}</Link>
          </p>
        ) : null}
      </header>

      <section className="period-box" aria-labelledby="period-title">
        <h2 id="period-title">{t("period.title")}</h2>
        <p>
          {formatDate(lang, c.opensAt)} – {formatDate(lang, c.closesAt)} ({t("period.days", { count: c.periodDays })})
        </p>
        {c.daysLeft !== null ? <p className="countdown">{t("period.days_left", { count: c.daysLeft })}</p> : null}
        {c.daysToOpen !== null ? <p className="countdown">{t("period.opens_in", { count: c.daysToOpen })}</p> : null}
        {c.status === "closed" || c.status === "report_published" ? <p>{t("period.closed_note")}</p> : null}
        {c.shortPeriod ? (
          <div className="short-period">
            <h3>{t("period.short_title", { days: c.periodDays })}</h3>
            <LocalizedText value={c.justification} as="p" />
          </div>
        ) : null}
        <p>{t("comments.total", { count: c.commentCount, formatted: formatNumber(lang, c.commentCount) })}</p>
      </section>

      {lang === "en" ? <UnofficialNote /> : null}

      <LotLinks lots={lots} lang={lang} slug={c.slug} />

      <details className="explanatory-note">
        <summary>{t("explanatory_note")}</summary>
        <LocalizedText value={c.explanatoryNote} as="div" className="prose" />
      </details>

      <AttachmentList items={attachments} lang={lang} />

      <VersionNav versions={versions} base={here} lang={lang} />

      <ConsultationSearchForm slug={c.slug} />
      <ServerHtml id="draft-toc" html={draft.toc} />

      <section className="draft" aria-labelledby="draft-title">
        <h2 id="draft-title">{t("draft.title")}</h2>
        {draft.blockCount === 0 ? <p className="empty">{t("draft.empty")}</p> : null}
        <AnnotatedDraft islands={draft.islands} lang={lang} open={open} formKey={formKey} loginHref={loginHref} base={here} failure={actionData && !failedGeneral ? actionData : undefined} />
        <OrphanedAnnotations comments={draft.orphaned} lang={lang} open={open} formKey={formKey} loginHref={loginHref} />
      </section>

      <section className="general-comments" aria-labelledby="general-title">
        <h2 id="general-title">{t("comments.general_title")}</h2>
        {general ? (
          <>
            <CommentThread comments={general.comments} lang={lang} actions={{ open, formKey, loginHref }} />
            {general.total > general.comments.length ? (
              <p>
                <Link to={`${here}/comments?block=${GENERAL}`}>{t("comments.show_all", { count: general.total })}</Link>
              </p>
            ) : null}
          </>
        ) : (
          <p className="empty">{t("comments.none_yet")}</p>
        )}
        {open ? (
          <CommentForm
            id="form-general"
            blockId={null}
            idempotencyKey={`${formKey}-general`}
            legend={t("comments.form_general")}
            defaultBody={failedGeneral ? actionData.values.body : undefined}
            errors={failedGeneral ? actionData.errors : undefined}
            loginHref={loginHref}
          />
        ) : (
          <p className="hint">{c.status === "planned" ? t("comments.not_yet_open") : t("comments.closed")}</p>
        )}
        {actionData && !open ? (
          // The period ended while the form was open: say so, and keep what was typed to copy.
          <div className="form-error" role="alert">
            <p>{t(actionData.errors.form ?? "errors.consultation_closed")}</p>
            <label htmlFor="unsent-body">{t("comments.unsent_text")}</label>
            <textarea id="unsent-body" readOnly defaultValue={actionData.values.body} rows={5} />
          </div>
        ) : null}
      </section>
    </article>
  );
}
