import { readFormData } from "~/utils/form.server";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/consultation/StatusBadge";
import { ConsultationFields } from "~/components/manage/ConsultationFields";
import { CsrfInput, FormError } from "~/components/ui/forms";
import { canManageForOrganization } from "~/modules/accounts/permissions";
import { listGovernmentBodies } from "~/modules/accounts/queries.server";
import { publishConsultation, saveDraftVersion, updateConsultation } from "~/modules/consultations/commands.server";
import { parseConsultationForm, readConsultationForm } from "~/modules/consultations/form.server";
import { findConsultationBySlug, listBlocks, listVersions } from "~/modules/consultations/queries.server";
import { toKzDate } from "~/modules/consultations/rules";
import { parseDraftInput, type DraftInputError } from "~/modules/documents/draft-input";
import { checkCsrf } from "~/utils/csrf.server";
import { languageNames, pickLocalized } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";
import { requireManagerOf } from "~/utils/guards.server";
import { notFound, requireLang } from "~/utils/lang.server";
import { formatDate } from "~/utils/format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.titleText} · Kenes` : "Kenes" }];

async function load(args: LoaderFunctionArgs) {
  const lang = requireLang(args.params);
  const consultation = await findConsultationBySlug(args.context.app.db, args.params.slug ?? "");
  if (!consultation) throw notFound(lang, "consultation");
  const user = await requireManagerOf(args.request, args.context, lang, consultation.organization.id);
  return { lang, consultation, user };
}

export async function loader(args: LoaderFunctionArgs) {
  const { lang, consultation: c, user } = await load(args);
  const db = args.context.app.db;
  const versions = await listVersions(db, c.id);
  const latest = versions.at(-1);
  const blocks = latest ? await listBlocks(db, latest.id) : [];
  const bodies = (await listGovernmentBodies(db)).filter((b) => canManageForOrganization(user, b.id)).map((b) => ({ id: b.id, name: pickLocalized(b.name, lang).text }));
  return json({
    lang,
    slug: c.slug,
    status: c.status,
    titleText: pickLocalized(c.title, lang).text,
    published: !!c.publishedAt,
    bodies,
    values: {
      slug: c.slug,
      type: c.type,
      organizationId: c.organization.id,
      title_kk: c.title.kk, title_ru: c.title.ru, title_en: c.title.en,
      summary_kk: c.summary.kk, summary_ru: c.summary.ru, summary_en: c.summary.en,
      note_kk: c.explanatoryNote.kk, note_ru: c.explanatoryNote.ru, note_en: c.explanatoryNote.en,
      opensOn: toKzDate(c.opensAt), closesOn: toKzDate(c.closesAt),
      justification_kk: c.shortPeriodJustification?.kk ?? "", justification_ru: c.shortPeriodJustification?.ru ?? "", justification_en: c.shortPeriodJustification?.en ?? "",
    },
    versions: versions.map((v) => ({ number: v.number, published: !!v.publishedAt, publishedAt: v.publishedAt?.toISOString() ?? null, blockCount: v.blockCount })),
    draftPending: !!latest && !latest.publishedAt,
    blocks: blocks.map((b) => ({ id: b.id, key: b.key, kind: b.kind, label: b.label, text: b.text })),
  });
}

type ActionData = { intent: string; errors: Record<string, string>; values?: Record<string, string>; draftError?: DraftInputError; draftValues?: Record<string, string> };

export async function action(args: ActionFunctionArgs) {
  const { lang, consultation: c, user } = await load(args);
  const { request, context } = args;
  const db = context.app.db;
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  if (await checkCsrf(request, form, context)) return json<ActionData>({ intent, errors: { form: "errors.csrf" } }, { status: 403 });
  const back = `/${lang}/manage/consultations/${c.slug}`;

  if (intent === "update") {
    const values = { ...readConsultationForm(form), slug: c.slug, organizationId: c.organization.id };
    if (c.publishedAt) return json<ActionData>({ intent, values, errors: { form: "errors.published_immutable" } }, { status: 409 });
    const parsed = parseConsultationForm(values, context.app.config.periodRules);
    if (!parsed.ok) return json<ActionData>({ intent, values, errors: parsed.errors }, { status: 400 });
    await updateConsultation(db, c.id, parsed.input, user.id);
    return redirect(`${back}?notice=updated`, 303);
  }
  if (intent === "draft") {
    const draftValues = { json: String(form.get("json") ?? ""), text_kk: String(form.get("text_kk") ?? ""), text_ru: String(form.get("text_ru") ?? ""), text_en: String(form.get("text_en") ?? "") };
    const result = parseDraftInput({ json: draftValues.json, text: { kk: draftValues.text_kk, ru: draftValues.text_ru, en: draftValues.text_en } });
    if ("error" in result) return json<ActionData>({ intent, errors: { draft: result.error.code }, draftError: result.error, draftValues }, { status: 400 });
    await saveDraftVersion(db, c.id, result.blocks, user.id);
    return redirect(`${back}?notice=draft_saved#preview`, 303);
  }
  if (intent === "publish") {
    const result = await publishConsultation(db, c.id, user.id);
    if (!result.ok) return json<ActionData>({ intent, errors: { form: result.error } }, { status: 409 });
    return redirect(`/${lang}/consultations/${c.slug}`, 303);
  }
  return json<ActionData>({ intent, errors: { form: "errors.unknown_action" } }, { status: 400 });
}

function DraftErrorMessage({ error }: { error?: DraftInputError }) {
  const { t } = useTranslation("manage");
  if (!error) return null;
  const params: Record<string, string | number> = { ...error } as never;
  if ("lang" in error) params.language = languageNames[error.lang];
  return (
    <p className="form-error" role="alert">
      {t(error.code, params)}
    </p>
  );
}

export default function ManageConsultation() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("manage");
  const notice = searchParams.get("notice");
  const busy = navigation.state === "submitting";
  return (
    <>
      <nav className="breadcrumbs" aria-label={t("consultation:breadcrumbs")}>
        <Link to={`/${data.lang}/manage`}>{t("dashboard.title")}</Link>
      </nav>
      {notice ? (
        <p className="notice" role="status">
          {t(`notice.${notice}`)}
        </p>
      ) : null}
      <h1>{data.titleText}</h1>
      <p>
        <StatusBadge status={data.status} /> <Link to={`/${data.lang}/consultations/${data.slug}`}>{t("manage.view_public")}</Link>
        {data.values.type === "lot_specification" ? (
          <>
            {" · "}
            <Link to={`/${data.lang}/manage/consultations/${data.slug}/lots`}>{t("lots:manage.link")}</Link>
          </>
        ) : null}
      </p>
      {actionData?.errors.form ? <FormError error={actionData.errors.form} ns="manage" /> : null}

      <section aria-labelledby="versions-title">
        <h2 id="versions-title">{t("manage.versions")}</h2>
        {data.versions.length === 0 ? <p>{t("manage.no_versions")}</p> : null}
        <ul>
          {data.versions.map((v) => (
            <li key={v.number}>
              {t("manage.version_item", { number: v.number, count: v.blockCount })} —{" "}
              {v.published && v.publishedAt ? t("manage.version_published", { date: formatDate(data.lang, v.publishedAt) }) : t("manage.version_draft")}
            </li>
          ))}
        </ul>
        {data.draftPending ? (
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="publish" />
            <p className="hint">{data.published ? t("manage.publish_version_help") : t("manage.publish_help")}</p>
            <button type="submit" className="button" disabled={busy}>
              {data.published ? t("manage.publish_version") : t("manage.publish")}
            </button>
          </Form>
        ) : null}
      </section>

      <p>
        <Link to={`/${data.lang}/manage/consultations/${data.slug}/editor`} className="button">
          {t("documents:editor.title")}
        </Link>{" "}
        <Link to={`/${data.lang}/manage/consultations/${data.slug}/attachments`}>{t("documents:attachments.title")}</Link>
      </p>

      <section aria-labelledby="draft-title">
        <h2 id="draft-title">{data.draftPending ? t("manage.redo_draft") : t("manage.new_draft")}</h2>
        <p className="hint">{t("manage.draft_help")}</p>
        <Form method="post" className="stack">
          <CsrfInput />
          <input type="hidden" name="intent" value="draft" />
          {actionData?.intent === "draft" ? <DraftErrorMessage error={actionData.draftError} /> : null}
          {(["kk", "ru", "en"] as const).map((l) => (
            <div key={l}>
              <label htmlFor={`text_${l}`}>
                {t("manage.draft_text", { language: languageNames[l] })} {l === "en" ? `(${t("form.optional_unofficial")})` : `(${t("form.required")})`}
              </label>
              <textarea id={`text_${l}`} name={`text_${l}`} lang={l} rows={10} defaultValue={actionData?.draftValues?.[`text_${l}`]} />
            </div>
          ))}
          <details>
            <summary>{t("manage.draft_json")}</summary>
            <p className="hint">{t("manage.draft_json_help")}</p>
            <textarea name="json" rows={8} defaultValue={actionData?.draftValues?.json} aria-label={t("manage.draft_json")} />
          </details>
          <button type="submit" className="button" disabled={busy}>
            {t("manage.save_draft")}
          </button>
        </Form>
      </section>

      {data.blocks.length ? (
        <section aria-labelledby="preview" className="preview">
          <h2 id="preview">{t("manage.preview", { count: data.blocks.length })}</h2>
          <ol className="preview-blocks">
            {data.blocks.map((b) => (
              <li key={b.id} className={`block--${b.kind}`}>
                <code>{b.key}</code> <strong>{b.label ? pickLocalized(b.label, data.lang).text : ""}</strong> {pickLocalized(b.text, data.lang).text}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {!data.published ? (
        <section aria-labelledby="meta-title">
          <h2 id="meta-title">{t("manage.edit_details")}</h2>
          <Form method="post" className="stack">
            <CsrfInput />
            <input type="hidden" name="intent" value="update" />
            <ConsultationFields
              values={actionData?.intent === "update" && actionData.values ? actionData.values : data.values}
              errors={actionData?.intent === "update" ? actionData.errors : {}}
              bodies={data.bodies}
              slugEditable={false}
            />
            <button type="submit" className="button" disabled={busy}>
              {t("manage.save_details")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
