import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AttachmentList } from "~/components/consultation/AttachmentList";
import { CsrfInput, FormError } from "~/components/ui/forms";
import { ATTACHMENT_MAX_BYTES, attachmentKinds } from "~/modules/attachments/attachment.schema";
import { addAttachment } from "~/modules/attachments/commands.server";
import { listAttachments } from "~/modules/attachments/queries.server";
import { findConsultationBySlug, listVersions } from "~/modules/consultations/queries.server";
import { checkCsrf } from "~/utils/csrf.server";
import { readFormData } from "~/utils/form.server";
import { requireManagerOf } from "~/utils/guards.server";
import { pickLocalized } from "~/utils/i18n";
import { notFound, requireLang } from "~/utils/lang.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.titleText} · Kenes` : "Kenes" }];

async function load(args: LoaderFunctionArgs) {
  const lang = requireLang(args.params);
  const consultation = await findConsultationBySlug(args.context.app.db, args.params.slug ?? "");
  if (!consultation) throw notFound(lang, "consultation");
  const user = await requireManagerOf(args.request, args.context, lang, consultation.organization.id);
  return { lang, consultation, user };
}

export async function loader(args: LoaderFunctionArgs) {
  const { lang, consultation } = await load(args);
  const db = args.context.app.db;
  const [items, versions] = await Promise.all([listAttachments(db, consultation.id), listVersions(db, consultation.id)]);
  return json({
    lang,
    slug: consultation.slug,
    titleText: pickLocalized(consultation.title, lang).text,
    versions: versions.map((v) => v.number),
    items: items.map((a) => ({ id: a.id, kind: a.kind, fileName: a.file_name, contentType: a.content_type, sizeBytes: a.size_bytes, versionNumber: a.version_number })),
    maxMb: ATTACHMENT_MAX_BYTES / 1024 / 1024,
  });
}

export async function action(args: ActionFunctionArgs) {
  const { lang, consultation, user } = await load(args);
  const { request, context } = args;
  if (Number(request.headers.get("Content-Length") ?? "0") > ATTACHMENT_MAX_BYTES + 64 * 1024) return json({ error: "errors.attachment_too_large" }, { status: 413 });
  const form = await readFormData(request);
  if (await checkCsrf(request, form, context)) return json({ error: "errors.csrf" }, { status: 403 });
  const versionParam = String(form.get("version") ?? "");
  const versions = await listVersions(context.app.db, consultation.id);
  const version = versions.find((v) => String(v.number) === versionParam);
  const file = form.get("file");
  const result = await addAttachment(context.app.db, context.app.config.attachmentsDir, {
    consultationId: consultation.id,
    versionId: version?.id ?? null,
    kind: String(form.get("kind") ?? ""),
    file: file && typeof file === "object" ? (file as File) : null,
    actorId: user.id,
  });
  if (!result.ok) return json({ error: result.error }, { status: result.error === "errors.attachment_too_large" ? 413 : 400 });
  return redirect(`/${lang}/manage/consultations/${consultation.slug}/attachments?notice=attached`, 303);
}

export default function AttachmentsPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation("documents");
  return (
    <>
      <nav className="breadcrumbs" aria-label={t("consultation:breadcrumbs")}>
        <Link to={`/${data.lang}/manage/consultations/${data.slug}`}>{data.titleText}</Link>
      </nav>
      <h1>{t("attachments.title")}</h1>
      {params.get("notice") === "attached" ? (
        <p className="notice" role="status">
          {t("attachments.added")}
        </p>
      ) : null}
      <AttachmentList items={data.items} lang={data.lang} />
      <Form method="post" encType="multipart/form-data" className="stack" reloadDocument>
        <CsrfInput />
        <p className="hint">{t("attachments.help", { max: data.maxMb })}</p>
        <label htmlFor="kind">{t("attachments.kind")}</label>
        <select id="kind" name="kind" defaultValue="explanatory_memorandum">
          {attachmentKinds.map((k) => (
            <option key={k} value={k}>
              {t(`attachments.kinds.${k}`)}
            </option>
          ))}
        </select>
        <label htmlFor="version">{t("attachments.version")}</label>
        <select id="version" name="version" defaultValue="">
          <option value="">{t("attachments.whole_consultation")}</option>
          {data.versions.map((n) => (
            <option key={n} value={n}>
              {t("attachments.for_version", { number: n })}
            </option>
          ))}
        </select>
        <label htmlFor="file">{t("attachments.file")}</label>
        <input id="file" name="file" type="file" accept=".pdf,.docx,.xlsx,application/pdf" required />
        {actionData && "error" in actionData ? <FormError error={actionData.error} ns="documents" /> : null}
        <button type="submit" className="button">
          {t("attachments.submit")}
        </button>
      </Form>
    </>
  );
}
