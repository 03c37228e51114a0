import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AnnotationPanel } from "~/components/consultation/AnnotationPanel";
import { CommentForm } from "~/components/consultation/CommentForm";
import { CommentList } from "~/components/consultation/CommentList";
import { StatusBadge } from "~/components/consultation/StatusBadge";
import { useTextSelection } from "~/components/consultation/useTextSelection";
import { LotSummaryView } from "~/components/lots/LotSummaryView";
import { CsrfInput, FieldError, FormError } from "~/components/ui/forms";
import { LocalizedText, UnofficialNote } from "~/components/ui/LocalizedText";
import { canManageForOrganization } from "~/modules/accounts/permissions";
import { loadAnnotatedDraft } from "~/modules/comments/annotated-draft.server";
import { previewThreads } from "~/modules/comments/queries.server";
import { presentComment } from "~/modules/comments/present.server";
import { handleCommentSubmission, type CommentActionData } from "~/modules/comments/submit.server";
import { currentVersion, findConsultationBySlug, listVersions } from "~/modules/consultations/queries.server";
import { anchorsOf, fieldKey, indicatorKey, type LotAnchorField } from "~/modules/lots/anchors.server";
import { submitFeedback, syncLotAnchors } from "~/modules/lots/commands.server";
import { amountInMci, durationAssessments, feasibilityAnswers, fundingAssessments, validateFeedback, wouldApplyAnswers } from "~/modules/lots/lot.schema";
import { canGiveLotFeedback } from "~/modules/lots/permissions";
import { budgetLineKey, findLot, getLotFeedbackSummaries, listFeedbackRevisions, lotAnchors, respondentKeyOf } from "~/modules/lots/queries.server";
import { checkCsrf } from "~/utils/csrf.server";
import { readFormData } from "~/utils/form.server";
import { formatDate, formatMoney, formatNumber } from "~/utils/format";
import { pickLocalized } from "~/utils/i18n";
import { notFound, requireLang } from "~/utils/lang.server";
import { getCurrentUser } from "~/utils/session.server";
import { formKeyFor, shareConsultationPage } from "~/utils/shared-render.server";
import { island } from "~/utils/islands.server";
import { ServerHtml } from "~/components/ui/ServerHtml";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.lot.code} · ${data.lot.titleText} · Kenes` : "Kenes" }];

async function load({ params, request, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const db = context.app.db;
  const consultation = await findConsultationBySlug(db, params.slug ?? "");
  const user = await getCurrentUser(request, context);
  if (!consultation || (!consultation.publishedAt && !canManageForOrganization(user, consultation.organization.id))) throw notFound(lang, "consultation");
  const lot = await findLot(db, consultation.id, params.code ?? "");
  if (!lot) throw notFound(lang);
  return { lang, db, consultation, user, lot };
}

export async function loader(args: LoaderFunctionArgs) {
  const { lang, db, consultation, user, lot } = await load(args);
  shareConsultationPage(args.context, consultation);
  const config = args.context.app.config;
  const versions = await listVersions(db, consultation.id);
  let version = currentVersion(versions) ?? versions.at(-1);
  let anchors = version ? await lotAnchors(db, version.id) : new Map<string, { id: string; comments: number }>();
  // A version published after the lots were saved (or a redone draft) lacks the anchors: add them.
  if (consultation.publishedAt && anchorsOf(lot, lot.position).some((a) => !anchors.has(a.key))) {
    const versionId = await syncLotAnchors(db, consultation.id);
    version = (await listVersions(db, consultation.id)).find((v) => v.id === versionId) ?? version;
    anchors = versionId ? await lotAnchors(db, versionId) : anchors;
  }
  const threads: Record<string, { total: number; comments: ReturnType<typeof presentComment>[] }> = {};
  if (version && consultation.publishedAt) {
    const anchorIds = new Set([...anchors.values()].map((a) => a.id));
    const preview = await previewThreads(db, consultation.id, version.id, 5, [...anchorIds]);
    for (const [key, comments] of preview.threads) {
      if (anchorIds.has(key)) threads[key] = { total: preview.totals.get(key) ?? comments.length, comments: comments.map((c) => presentComment(c, lang)) };
    }
  }
  const anchorId = (key: string) => anchors.get(key)?.id ?? null;
  // Span annotations: the anchors' text as the draft page renders it (same plain text as
  // blocks.text, so the selection offsets match what the server verifies), with <mark>s.
  // Sent once: in the HTML of a document request, in the data of a client navigation (ADR 0066).
  const annotated: Record<string, { html: string | null; lang?: string }> = {};
  if (version && consultation.publishedAt) {
    const anchorIds = new Set([...anchors.values()].map((a) => a.id));
    const loaded = await loadAnnotatedDraft(db, { consultationId: consultation.id, versionId: version.id, lang, userId: user?.id ?? null, published: !!version.publishedAt, blockIds: [...anchorIds] });
    for (const b of loaded.blocks) if (anchorIds.has(b.id)) annotated[b.id] = { html: island(args.context, `anchor-${b.id}`, b.html), lang: b.fallbackFrom };
  }
  const [summary] = await getLotFeedbackSummaries(db, consultation.id, [lot]);
  const mine = user ? summary.feedback.find((f) => f.respondentKey === respondentKeyOf(user)) : undefined;
  const history = mine ? await listFeedbackRevisions(db, mine.id) : [];
  return json({
    lang,
    consultation: {
      slug: consultation.slug,
      title: consultation.title,
      status: consultation.status,
      organization: consultation.organization.name,
      closesAt: consultation.closesAt.toISOString(),
    },
    lot: {
      code: lot.code,
      titleText: pickLocalized(lot.title, lang).text,
      title: lot.title,
      problem: lot.problem,
      targetGroup: lot.targetGroup,
      regions: lot.regions,
      durationMonths: lot.durationMonths,
      grantType: lot.grantType,
      amountKzt: lot.amountKzt,
      amountMci: amountInMci(lot.amountKzt, lot.fundingYear, config.mciValues),
      mciValue: config.mciValues[lot.fundingYear] ?? null,
      fundingYear: lot.fundingYear,
      termsOfReference: lot.termsOfReference,
      eligibility: lot.eligibility,
      indicators: lot.indicators.map((i) => ({ ...i, blockId: anchorId(indicatorKey(lot.code, i.position)) })),
      budgetLines: lot.budgetLines.map((b) => ({ ...b, blockId: anchorId(budgetLineKey(lot.code, b.position)) })),
      budgetTotal: lot.budgetLines.reduce((s, b) => s + b.totalKzt, 0),
      fieldBlocks: Object.fromEntries((["problem", "target_group", "regions", "duration", "amount", "tor", "eligibility"] as LotAnchorField[]).map((f) => [f, anchorId(fieldKey(lot.code, f))])),
    },
    counts: Object.fromEntries([...anchors.values()].map((a) => [a.id, a.comments])),
    threads,
    annotated,
    summary: summary.summary,
    mine: mine
      ? {
          funding: mine.funding,
          proposedAmount: mine.proposedAmountKzt === null ? "" : String(mine.proposedAmountKzt),
          duration: mine.duration ?? "",
          wouldApply: mine.wouldApply ?? "",
          note: mine.note ?? "",
          feasibility: mine.indicatorFeasibility,
          revision: mine.revision,
          updatedAt: mine.updatedAt.toISOString(),
          authorName: mine.authorName,
          history: history.map((h) => ({ revision: h.revision, writtenAt: h.writtenAt.toISOString(), authorName: h.authorName, data: h.data as Record<string, unknown> })),
        }
      : null,
    canGiveFeedback: canGiveLotFeedback(user, { organizationId: consultation.organization.id }),
    signedIn: !!user,
    hasOrganization: !!user?.organizationId,
    formKey: formKeyFor(args.context),
  });
}

interface FeedbackActionData {
  intent: "feedback";
  errors: Record<string, string>;
  values: Record<string, string>;
}

export async function action(args: ActionFunctionArgs) {
  const { lang, db, consultation, lot } = await load(args);
  if (!consultation.publishedAt) throw notFound(lang, "consultation");
  const { request, context } = args;
  const form = await readFormData(request);
  const here = `/${lang}/consultations/${consultation.slug}/lots/${lot.code}`;
  if (form.get("intent") !== "feedback") {
    return handleCommentSubmission({ request, form, context, lang, consultationId: consultation.id, returnTo: here });
  }
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && k !== "csrf") values[k] = v;
  const fail = (status: number, errors: Record<string, string>) => json<FeedbackActionData>({ intent: "feedback", errors, values }, { status });
  // Signed out first (as for comments): nothing to forge, and the page may be a shared render.
  const user = await getCurrentUser(request, context);
  if (!user) return fail(401, { form: "errors.sign_in_required" });
  if (await checkCsrf(request, form, context)) return fail(403, { form: "errors.csrf" });
  if (!canGiveLotFeedback(user, { organizationId: consultation.organization.id })) return fail(403, { form: "errors.own_lot" });
  const parsed = validateFeedback(values, lot.indicators.map((i) => i.id));
  if (!parsed.ok) return fail(400, parsed.errors);
  const result = await submitFeedback(db, { lotId: lot.id, user, feedback: parsed.feedback });
  if (!result.ok) return fail(409, { form: result.error });
  return redirect(`${here}?notice=feedback_saved#feedback`, 303);
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function Thread({ blockId, data, label }: { blockId: string | null; data: Data; label: string }) {
  const { t } = useTranslation("consultation");
  const actionData = useActionData<CommentActionData | FeedbackActionData>();
  const [searchParams] = useSearchParams();
  if (!blockId) return null;
  const commentData = actionData && !("intent" in actionData) && !actionData.values.start ? actionData : undefined;
  const open = data.consultation.status === "open";
  const showForm = open && (commentData?.values.blockId ?? searchParams.get("comment_on")) === blockId;
  const thread = data.threads[blockId];
  const here = `/${data.lang}/consultations/${data.consultation.slug}/lots/${data.lot.code}`;
  return (
    <div className="block-thread" id={`thread-${blockId}`}>
      <p className="block-actions">
        {thread ? (
          <Link to={`/${data.lang}/consultations/${data.consultation.slug}/comments?block=${blockId}`}>{t("comments.show_all", { count: thread.total })}</Link>
        ) : null}{" "}
        {open && !showForm ? (
          <Link to={`?comment_on=${blockId}#form-${blockId}`} preventScrollReset>
            {t("comments.comment_here")}
            <span className="visually-hidden"> {label}</span>
          </Link>
        ) : null}
      </p>
      {thread ? <CommentList comments={thread.comments} lang={data.lang} /> : null}
      {showForm ? (
        <CommentForm
          id={`form-${blockId}`}
          blockId={blockId}
          idempotencyKey={`${data.formKey}-${blockId.slice(0, 8)}`}
          legend={t("comments.form_block", { label })}
          defaultBody={commentData?.values.blockId === blockId ? commentData.values.body : undefined}
          errors={commentData?.values.blockId === blockId ? commentData.errors : undefined}
          loginHref={`/${data.lang}/login?next=${encodeURIComponent(here)}`}
        />
      ) : null}
    </div>
  );
}

/** A lot anchor's text, selectable for a span annotation (the draft's data-block-id/data-block-text contract). */
function AnchorText({ blockId, data, children }: { blockId: string | null; data: Data; children: ReactNode }) {
  const block = blockId ? data.annotated[blockId] : undefined;
  if (!blockId || !block) return <>{children}</>;
  return <ServerHtml id={`anchor-${blockId}`} html={block.html} className="lot-anchor-text" data-block-id={blockId} data-block-text="" lang={block.lang} />;
}


function Choice({ name, options, value, legend, help, error, ns }: { name: string; options: readonly string[]; value: string; legend: string; help: string; error?: string; ns: string }) {
  const { t } = useTranslation("lots");
  return (
    <fieldset className="choice" aria-describedby={`${name}-help`}>
      <legend>{legend}</legend>
      <p className="hint" id={`${name}-help`}>
        {help}
      </p>
      {options.map((o) => (
        <label key={o} className="choice__option">
          <input type="radio" name={name} value={o} defaultChecked={value === o} /> {t(`${ns}.${o}`)}
        </label>
      ))}
      <FieldError id={`${name}-error`} error={error} ns="lots" />
    </fieldset>
  );
}

export default function LotPage() {
  const data = useLoaderData<typeof loader>();
  const { lang, lot, consultation: c, summary, mine } = data;
  const actionData = useActionData<CommentActionData | FeedbackActionData>();
  const feedbackData = actionData && "intent" in actionData ? actionData : undefined;
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("lots");
  const open = c.status === "open";
  const container = useRef<HTMLElement>(null);
  const { selection, clear } = useTextSelection(container);
  const location = useLocation();
  // A successful post navigates (notice=comment_posted): the panel closes.
  useEffect(() => {
    if (location.search.includes("notice=")) clear();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location.key]);
  const v = (k: string, fallback = "") => feedbackData?.values[k] ?? fallback;
  const base = `/${lang}/consultations/${c.slug}`;
  const notice = searchParams.get("notice");
  const fieldLabel = (f: string) => `${t("lot.short", { code: lot.code })} · ${t(`field.${f}`)}`;
  const textSection = (f: "problem" | "target_group" | "tor" | "eligibility", value: typeof lot.problem) => (
    <section className="lot-field" aria-labelledby={`field-${f}`} key={f}>
      <h2 id={`field-${f}`}>{t(`field.${f}`)}</h2>
      <AnchorText blockId={lot.fieldBlocks[f]} data={data}>
        <LocalizedText value={value} as="div" className="prose" />
      </AnchorText>
      <Thread blockId={lot.fieldBlocks[f]} data={data} label={fieldLabel(f)} />
    </section>
  );

  return (
    <article className="lot" ref={container}>
      <nav aria-label={t("breadcrumbs")} className="breadcrumbs">
        <Link to={base}>
          <LocalizedText value={c.title} />
        </Link>{" "}
        › <Link to={`${base}/lots`}>{t("list.title")}</Link>
      </nav>
      {notice === "comment_posted" || notice === "feedback_saved" ? (
        <p className="notice" role="status">
          {t(`notice.${notice}`)}
        </p>
      ) : null}
      <header>
        <div className="consultation-card__meta">
          <StatusBadge status={c.status} />
          <LocalizedText value={c.organization} />
        </div>
        <h1>
          {t("lot.short", { code: lot.code })}: <LocalizedText value={lot.title} />
        </h1>
      </header>
      {lang === "en" ? <UnofficialNote /> : null}

      <section aria-labelledby="lot-facts">
        <h2 id="lot-facts">{t("lot.facts")}</h2>
        <dl className="facts">
          <dt>{t("field.amount")}</dt>
          <dd>
            <AnchorText blockId={lot.fieldBlocks.amount} data={data}>
              <strong>{formatMoney(lang, lot.amountKzt)}</strong>
            </AnchorText>
            {lot.amountMci !== null ? ` (${t("lot.mci", { amount: formatNumber(lang, lot.amountMci), year: lot.fundingYear, mci: formatMoney(lang, lot.mciValue!) })})` : ` (${t("lot.mci_unknown", { year: lot.fundingYear })})`}
            <Thread blockId={lot.fieldBlocks.amount} data={data} label={fieldLabel("amount")} />
          </dd>
          <dt>{t("field.duration")}</dt>
          <dd>
            <AnchorText blockId={lot.fieldBlocks.duration} data={data}>
              {t("duration_months", { count: lot.durationMonths })} · {t(`grant_type.${lot.grantType}`)}
            </AnchorText>
            <Thread blockId={lot.fieldBlocks.duration} data={data} label={fieldLabel("duration")} />
          </dd>
          <dt>{t("field.regions")}</dt>
          <dd>
            <AnchorText blockId={lot.fieldBlocks.regions} data={data}>
              {lot.regions.map((r) => t(`region.${r}`)).join(", ")}
            </AnchorText>
            <Thread blockId={lot.fieldBlocks.regions} data={data} label={fieldLabel("regions")} />
          </dd>
          <dt>{t("field.funding_year")}</dt>
          <dd>{lot.fundingYear}</dd>
        </dl>
      </section>

      {textSection("problem", lot.problem)}
      {textSection("target_group", lot.targetGroup)}

      <section aria-labelledby="lot-indicators">
        <h2 id="lot-indicators">{t("field.indicators")}</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">№</th>
              <th scope="col">{t("lot.indicator")}</th>
              <th scope="col">{t("lot.target")}</th>
            </tr>
          </thead>
          <tbody>
            {lot.indicators.map((i) => (
              <tr key={i.position} id={`indicator-${i.position}`}>
                <td>{i.position}</td>
                <td>
                  <AnchorText blockId={i.blockId} data={data}>
                    <LocalizedText value={i.text} />
                  </AnchorText>
                  <Thread blockId={i.blockId} data={data} label={`${t("lot.short", { code: lot.code })} · ${t("anchor.indicator", { n: i.position })}`} />
                </td>
                <td className="num">
                  {formatNumber(lang, i.targetValue)} <LocalizedText value={i.unit} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="lot-budget">
        <h2 id="lot-budget">{t("field.budget")}</h2>
        <table className="data-table budget-table">
          <thead>
            <tr>
              <th scope="col">№</th>
              <th scope="col">{t("budget.item")}</th>
              <th scope="col">{t("budget.unit")}</th>
              <th scope="col">{t("budget.quantity")}</th>
              <th scope="col">{t("budget.unit_cost")}</th>
              <th scope="col">{t("budget.total")}</th>
            </tr>
          </thead>
          <tbody>
            {lot.budgetLines.map((b) => (
              <tr key={b.position} id={`budget-${b.position}`}>
                <td>{b.position}</td>
                <td>
                  <AnchorText blockId={b.blockId} data={data}>
                    <LocalizedText value={b.item} />
                  </AnchorText>
                  {data.counts[b.blockId ?? ""] ? <span className="count-badge"> ({t("summary.comments", { count: data.counts[b.blockId!] })})</span> : null}
                  <Thread blockId={b.blockId} data={data} label={`${t("lot.short", { code: lot.code })} · ${t("anchor.budget_line", { n: b.position })}`} />
                </td>
                <td>
                  <LocalizedText value={b.unit} />
                </td>
                <td className="num">{formatNumber(lang, b.quantity)}</td>
                <td className="num">{formatMoney(lang, b.unitCostKzt)}</td>
                <td className="num">{formatMoney(lang, b.totalKzt)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={5}>
                {t("budget.sum")}
              </th>
              <td className="num">
                <strong>{formatMoney(lang, lot.budgetTotal)}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      </section>

      {textSection("tor", lot.termsOfReference)}
      {textSection("eligibility", lot.eligibility)}

      {open ? <AnnotationPanel selection={selection} clear={clear} failure={actionData && !("intent" in actionData) ? actionData : undefined} formKey={data.formKey} loginHref={`/${data.lang}/login?next=${encodeURIComponent(`/${data.lang}/consultations/${data.consultation.slug}/lots/${data.lot.code}`)}`} /> : null}

      <section id="feedback" aria-labelledby="feedback-title" className="lot-feedback">
        <h2 id="feedback-title">{t("feedback.title")}</h2>
        <p>{t("feedback.intro")}</p>
        {mine ? (
          <div className="own-feedback">
            <p>
              {t("feedback.yours", { date: formatDate(lang, mine.updatedAt), name: mine.authorName })}
              {mine.revision > 1 ? ` ${t("feedback.revised", { count: mine.revision - 1 })}` : ""}
            </p>
            {mine.history.length ? (
              <details>
                <summary>{t("feedback.history")}</summary>
                <ol>
                  {mine.history.map((h) => (
                    <li key={h.revision}>
                      {t("feedback.history_item", { revision: h.revision, date: formatDate(lang, h.writtenAt), name: h.authorName })}:{" "}
                      {t(`funding.${String(h.data.funding)}`)}
                      {h.data.proposedAmountKzt ? `, ${formatMoney(lang, Number(h.data.proposedAmountKzt))}` : ""}
                    </li>
                  ))}
                </ol>
              </details>
            ) : null}
          </div>
        ) : null}
        {!open ? (
          <p className="hint">{c.status === "planned" ? t("feedback.not_yet_open") : t("feedback.closed")}</p>
        ) : !data.signedIn ? (
          <p className="hint">
            <Link to={`/${lang}/login?next=${encodeURIComponent(`${base}/lots/${lot.code}#feedback`)}`}>{t("feedback.sign_in")}</Link>
          </p>
        ) : !data.canGiveFeedback ? (
          <p className="hint">{t("errors.own_lot")}</p>
        ) : (
          <Form method="post" id="feedback-form" className="feedback-form" preventScrollReset>
            <CsrfInput />
            <input type="hidden" name="intent" value="feedback" />
            <p className="hint">{data.hasOrganization ? t("feedback.one_per_org") : t("feedback.one_per_person")}</p>
            <FormError error={feedbackData?.errors.form} ns="lots" />
            <Choice name="funding" options={fundingAssessments} value={v("funding", mine?.funding)} legend={t("feedback.funding_legend")} help={t("feedback.funding_help", { amount: formatMoney(lang, lot.amountKzt) })} error={feedbackData?.errors.funding} ns="funding" />
            <label htmlFor="proposedAmount">{t("feedback.proposed_label")}</label>
            <input id="proposedAmount" name="proposedAmount" inputMode="numeric" defaultValue={v("proposedAmount", mine?.proposedAmount)} aria-describedby="proposedAmount-help" aria-invalid={feedbackData?.errors.proposedAmount ? true : undefined} />
            <p className="hint" id="proposedAmount-help">
              {t("feedback.proposed_help")}
            </p>
            <FieldError id="proposedAmount-error" error={feedbackData?.errors.proposedAmount} ns="lots" />
            <Choice name="duration" options={durationAssessments} value={v("duration", mine?.duration)} legend={t("feedback.duration_legend")} help={t("feedback.duration_help", { duration: t("duration_months", { count: lot.durationMonths }) })} error={feedbackData?.errors.duration} ns="duration" />
            <fieldset className="choice">
              <legend>{t("feedback.feasibility_legend")}</legend>
              <p className="hint">{t("feedback.feasibility_help")}</p>
              {lot.indicators.map((i) => (
                <fieldset key={i.id} className="choice choice--inline">
                  <legend>
                    <LocalizedText value={i.text} /> — {formatNumber(lang, i.targetValue)} <LocalizedText value={i.unit} />
                  </legend>
                  {feasibilityAnswers.map((o) => (
                    <label key={o} className="choice__option">
                      <input type="radio" name={`feasibility_${i.id}`} value={o} defaultChecked={v(`feasibility_${i.id}`, mine?.feasibility[i.id]) === o} /> {t(`feasibility.${o}`)}
                    </label>
                  ))}
                </fieldset>
              ))}
            </fieldset>
            <Choice name="wouldApply" options={wouldApplyAnswers} value={v("wouldApply", mine?.wouldApply)} legend={t("feedback.would_apply_legend")} help={t("feedback.would_apply_help")} error={feedbackData?.errors.wouldApply} ns="would_apply" />
            <label htmlFor="feedback-note">{t("feedback.note_label")}</label>
            <textarea id="feedback-note" name="note" rows={4} defaultValue={v("note", mine?.note)} aria-describedby="feedback-note-help" />
            <p className="hint" id="feedback-note-help">
              {t("feedback.note_help")}
            </p>
            <FieldError id="note-error" error={feedbackData?.errors.note} ns="lots" />
            <button type="submit" className="button">
              {mine ? t("feedback.revise") : t("feedback.submit")}
            </button>
          </Form>
        )}
      </section>

      <section id="summary" aria-labelledby="summary-title">
        <h2 id="summary-title">{t("summary.title")}</h2>
        <LotSummaryView summary={summary} lang={lang} id={`chart-${lot.code}`} />
      </section>
    </article>
  );
}

export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/lots.css" }];
