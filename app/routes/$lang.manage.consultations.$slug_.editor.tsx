import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type React from "react";
import { useTranslation } from "react-i18next";
import type { Lang } from "~db/schema";
import { DraftEditor } from "~/components/editor/DraftEditor.client";
import { CsrfInput, FormError } from "~/components/ui/forms";
import { saveDraftVersion } from "~/modules/consultations/commands.server";
import { findConsultationBySlug, listVersions } from "~/modules/consultations/queries.server";
import { saveEditorDocument } from "~/modules/documents/commands.server";
import { DOCX_MAX_BYTES, importDocx } from "~/modules/documents/docx-import.server";
import { blocksFromLexical, documentsFromBlocks, LANGS, type LexicalDraftError } from "~/modules/documents/lexical-blocks.server";
import { isSerializedDocument } from "~/modules/documents/lexical-nodes";
import { getEditorDocuments, listVersionBlocks } from "~/modules/documents/queries.server";
import { checkCsrf } from "~/utils/csrf.server";
import { readFormData } from "~/utils/form.server";
import { requireManagerOf } from "~/utils/guards.server";
import { languageNames, pickLocalized } from "~/utils/i18n";
import { useRootData } from "~/utils/use-page";
import { notFound, requireLang } from "~/utils/lang.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.titleText} · Kenes` : "Kenes" }];

const CONTENT_MAX_CHARS = 2_000_000;
const LANG_LIST = ["kk", "ru", "en"] as const;

async function load(args: LoaderFunctionArgs) {
  const lang = requireLang(args.params);
  const consultation = await findConsultationBySlug(args.context.app.db, args.params.slug ?? "");
  if (!consultation) throw notFound(lang, "consultation");
  const user = await requireManagerOf(args.request, args.context, lang, consultation.organization.id);
  return { lang, consultation, user };
}

/** The three editors start from the autosaved documents, else from the latest version's blocks. */
export async function loader(args: LoaderFunctionArgs) {
  const { lang, consultation } = await load(args);
  const db = args.context.app.db;
  const saved = await getEditorDocuments(db, consultation.id);
  const latest = (await listVersions(db, consultation.id)).at(-1);
  const fromBlocks = latest ? documentsFromBlocks((await listVersionBlocks(db, latest.id)) as never) : null;
  const documents = {} as Record<Lang, unknown>;
  for (const l of LANGS) documents[l] = saved[l]?.content ?? fromBlocks?.[l] ?? null;
  return json({
    lang,
    slug: consultation.slug,
    titleText: pickLocalized(consultation.title, lang).text,
    documents,
    savedAt: Object.fromEntries(LANGS.map((l) => [l, saved[l]?.updatedAt.toISOString() ?? null])) as Record<Lang, string | null>,
    nextIsNewVersion: !!latest?.publishedAt,
    maxMb: DOCX_MAX_BYTES / 1024 / 1024,
  });
}

type ActionData = { intent: string; ok?: boolean; savedAt?: string; errors?: { form?: string; file?: string }; draftError?: LexicalDraftError; lang?: Lang };

export async function action(args: ActionFunctionArgs) {
  const { lang, consultation: c, user } = await load(args);
  const { request, context } = args;
  const db = context.app.db;
  const length = Number(request.headers.get("Content-Length") ?? "0");
  // Refuse an oversized upload before reading it into memory.
  if (length > DOCX_MAX_BYTES + 64 * 1024) return json<ActionData>({ intent: "import", errors: { file: "errors.docx_too_large" } }, { status: 413 });
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  if (await checkCsrf(request, form, context)) return json<ActionData>({ intent, errors: { form: "errors.csrf" } }, { status: 403 });
  const formLang = String(form.get("lang") ?? "");
  const targetLang = (LANGS as string[]).includes(formLang) ? (formLang as Lang) : undefined;
  const here = `/${lang}/manage/consultations/${c.slug}/editor`;

  if (intent === "autosave") {
    const raw = String(form.get("content") ?? "");
    if (!targetLang || raw.length > CONTENT_MAX_CHARS) return json<ActionData>({ intent, errors: { form: "errors.editor_invalid" } }, { status: 400 });
    let content: unknown;
    try {
      content = JSON.parse(raw);
    } catch {
      content = undefined;
    }
    if (!isSerializedDocument(content)) return json<ActionData>({ intent, errors: { form: "errors.editor_invalid" } }, { status: 400 });
    const saved = await saveEditorDocument(db, { consultationId: c.id, lang: targetLang, content, userId: user.id });
    return json<ActionData>({ intent, ok: true, lang: targetLang, savedAt: saved.savedAt.toISOString() });
  }
  if (intent === "import") {
    if (!targetLang) return json<ActionData>({ intent, errors: { file: "errors.editor_invalid" } }, { status: 400 });
    const file = form.get("file");
    const result = await importDocx(file instanceof File || (file && typeof file === "object") ? (file as File) : null);
    if (!result.ok) return json<ActionData>({ intent, lang: targetLang, errors: { file: result.error } }, { status: result.error === "errors.docx_too_large" ? 413 : 400 });
    await saveEditorDocument(db, { consultationId: c.id, lang: targetLang, content: result.document, userId: user.id });
    return redirect(`${here}?notice=imported&imported=${targetLang}#editor-${targetLang}`, 303);
  }
  if (intent === "build") {
    const saved = await getEditorDocuments(db, c.id);
    const docs: Partial<Record<Lang, unknown>> = {};
    for (const l of LANGS) {
      const posted = String(form.get(`content_${l}`) ?? "");
      let content: unknown = saved[l]?.content;
      if (posted !== "" && posted.length <= CONTENT_MAX_CHARS) {
        try {
          const parsed: unknown = JSON.parse(posted);
          if (isSerializedDocument(parsed)) {
            content = parsed;
            await saveEditorDocument(db, { consultationId: c.id, lang: l, content, userId: user.id });
          }
        } catch {
          // keep the autosaved document
        }
      }
      if (content) docs[l] = content;
    }
    const built = blocksFromLexical(docs);
    if ("error" in built) return json<ActionData>({ intent, draftError: built.error, errors: { form: built.error.code } }, { status: 400 });
    await saveDraftVersion(db, c.id, built.blocks, user.id);
    return redirect(`/${lang}/manage/consultations/${c.slug}?notice=draft_saved#preview`, 303);
  }
  return json<ActionData>({ intent, errors: { form: "errors.unknown_action" } }, { status: 400 });
}

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** Autosave: the latest editor state is posted (with the CSRF field) a moment after typing stops. */
function LanguageEditor({ lang, initial, savedAt, latest }: { lang: Lang; initial: unknown; savedAt: string | null; latest: React.MutableRefObject<Partial<Record<Lang, unknown>>> }) {
  const { t } = useTranslation("documents");
  const fetcher = useFetcher<ActionData>();
  const { csrfToken } = useRootData();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const [dirty, setDirty] = useState(false);
  const lastSaved = fetcher.data?.ok && fetcher.data.savedAt ? fetcher.data.savedAt : savedAt;
  const onChange = (state: unknown) => {
    latest.current[lang] = state;
    setDirty(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      fetcher.submit({ intent: "autosave", lang, content: JSON.stringify(state), csrf: csrfToken }, { method: "post" });
      setDirty(false);
    }, 1200);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <section id={`editor-${lang}`} aria-labelledby={`editor-${lang}-title`} className="editor-section">
      <h2 id={`editor-${lang}-title`}>{t("editor.language", { language: languageNames[lang] })}</h2>
      <DraftEditor lang={lang} initial={initial} label={t("editor.language", { language: languageNames[lang] })} onChange={onChange} />
      <p className="hint" role="status" data-testid={`autosave-${lang}`}>
        {fetcher.state !== "idle" ? t("editor.saving") : dirty ? t("editor.unsaved") : fetcher.data?.errors ? t(fetcher.data.errors.form ?? "errors.editor_invalid") : lastSaved ? t("editor.saved", { time: new Date(lastSaved).toLocaleTimeString() }) : ""}
      </p>
    </section>
  );
}

export default function EditorPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const { t } = useTranslation("documents");
  const hydrated = useHydrated();
  const busy = navigation.state === "submitting";
  const manage = `/${data.lang}/manage/consultations/${data.slug}`;
  const latest = useRef<Partial<Record<Lang, unknown>>>({});
  // The build takes what is in the editors now, even if the last autosave has not run yet.
  const onBuild = (event: FormEvent<HTMLFormElement>) => {
    for (const l of LANG_LIST) {
      const input = event.currentTarget.elements.namedItem(`content_${l}`) as HTMLInputElement | null;
      if (input && latest.current[l]) input.value = JSON.stringify(latest.current[l]);
    }
  };
  return (
    <>
      <nav className="breadcrumbs" aria-label={t("consultation:breadcrumbs")}>
        <Link to={manage}>{data.titleText}</Link>
      </nav>
      <h1>{t("editor.title")}</h1>
      {params.get("notice") === "imported" ? (
        <p className="notice" role="status">
          {t("import.done", { language: languageNames[(params.get("imported") as Lang) ?? "ru"] ?? "" })}
        </p>
      ) : null}
      <p className="hint">{data.nextIsNewVersion ? t("editor.new_version_help") : t("editor.help")}</p>

      <section aria-labelledby="import-title" className="import">
        <h2 id="import-title">{t("import.title")}</h2>
        <p className="hint">{t("import.help", { max: data.maxMb })}</p>
        <Form method="post" encType="multipart/form-data" className="stack" reloadDocument>
          <CsrfInput />
          <input type="hidden" name="intent" value="import" />
          <label htmlFor="import-lang">{t("import.language")}</label>
          <select id="import-lang" name="lang" defaultValue={actionData?.lang ?? "ru"}>
            {(["kk", "ru", "en"] as const).map((l) => (
              <option key={l} value={l}>
                {languageNames[l]}
              </option>
            ))}
          </select>
          <label htmlFor="import-file">{t("import.file")}</label>
          <input id="import-file" name="file" type="file" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" required />
          {actionData?.intent === "import" ? <FormError error={actionData.errors?.file ?? actionData.errors?.form} ns="documents" /> : null}
          <button type="submit" className="button">
            {t("import.submit")}
          </button>
        </Form>
      </section>

      {hydrated && typeof DraftEditor === "function" ? (
        (["kk", "ru", "en"] as const).map((l) => <LanguageEditor key={`${l}-${data.savedAt[l] ?? ""}`} lang={l} initial={data.documents[l]} savedAt={data.savedAt[l]} latest={latest} />)
      ) : (
        <p className="hint">{t("editor.needs_js")}</p>
      )}

      <Form method="post" className="stack" onSubmit={onBuild}>
        <CsrfInput />
        <input type="hidden" name="intent" value="build" />
        {LANG_LIST.map((l) => (
          <input key={l} type="hidden" name={`content_${l}`} defaultValue="" />
        ))}
        {actionData?.intent === "build" && actionData.draftError ? (
          <p className="form-error" role="alert">
            {t(`manage:${actionData.draftError.code}`, { ...(actionData.draftError as object), language: "lang" in actionData.draftError ? languageNames[actionData.draftError.lang] : "" })}
          </p>
        ) : null}
        <p className="hint">{t("editor.build_help")}</p>
        <button type="submit" className="button" disabled={busy}>
          {t("editor.build")}
        </button>
      </Form>
    </>
  );
}
