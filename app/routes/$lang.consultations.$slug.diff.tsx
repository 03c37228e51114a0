import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { canManageForOrganization } from "~/modules/accounts/permissions";
import { findConsultationBySlug, listVersions } from "~/modules/consultations/queries.server";
import { diffVersions } from "~/modules/documents/diff.server";
import { pickVersion } from "~/modules/documents/versions";
import { pickLocalized } from "~/utils/i18n";
import { notFound, requireLang } from "~/utils/lang.server";
import { getCurrentUser } from "~/utils/session.server";
import { shareConsultationPage } from "~/utils/shared-render.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · Kenes` : "Kenes" }];

/** /{lang}/consultations/{slug}/diff?from=N&to=M: what changed, article by article, in the page language. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const db = context.app.db;
  const consultation = await findConsultationBySlug(db, params.slug ?? "");
  const user = await getCurrentUser(request, context);
  if (!consultation || (!consultation.publishedAt && !canManageForOrganization(user, consultation.organization.id))) throw notFound(lang, "consultation");
  shareConsultationPage(context, consultation);
  const versions = (await listVersions(db, consultation.id)).filter((v) => v.publishedAt);
  const url = new URL(request.url);
  const to = pickVersion(versions, url.searchParams.get("to")) ?? versions.at(-1);
  const from = pickVersion(versions, url.searchParams.get("from")) ?? versions.filter((v) => to && v.number < to.number).at(-1);
  const result = from && to && from.id !== to.id ? await diffVersions(db, from.id, to.id, lang) : null;
  return json({
    lang,
    slug: consultation.slug,
    title: pickLocalized(consultation.title, lang).text,
    numbers: versions.map((v) => v.number),
    from: from?.number ?? null,
    to: to?.number ?? null,
    result,
  });
}

export default function DiffPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("annotations");
  const base = `/${data.lang}/consultations/${data.slug}`;
  return (
    <article className="diff">
      <nav className="breadcrumbs" aria-label={t("consultation:breadcrumbs")}>
        <Link to={base}>{data.title}</Link>
      </nav>
      <h1>{data.from && data.to ? t("diff.title", { from: data.from, to: data.to }) : t("diff.choose")}</h1>
      <Form method="get" className="diff__choose">
        <label>
          {t("diff.from")}{" "}
          <select name="from" defaultValue={data.from ?? undefined}>
            {data.numbers.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          {t("diff.to")}{" "}
          <select name="to" defaultValue={data.to ?? undefined}>
            {data.numbers.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>{" "}
        <button type="submit" className="button">
          {t("diff.show")}
        </button>
      </Form>
      {!data.result ? <p>{t("diff.bad_versions")}</p> : null}
      {data.result ? (
        <>
          <p>{t("diff.summary", { changed: data.result.counts.changed, added: data.result.counts.added, removed: data.result.counts.removed })}</p>
          {data.result.articles.every((a) => a.change === "unchanged") ? <p>{t("diff.no_changes")}</p> : null}
          {data.result.articles
            .filter((a) => a.change !== "unchanged")
            .map((a) => (
              <section key={a.key} className={`diff-block diff-block--${a.change}`} id={`diff-${a.key}`} aria-labelledby={`diff-${a.key}-title`}>
                <h2 id={`diff-${a.key}-title`}>
                  {a.title} <span className="diff__change">{`(${t(`diff.${a.change}`)})`}</span>
                </h2>
                {a.blocks.map((b) => (
                  <p key={b.key} className={`diff-text diff-text--${b.change}`} data-lineage-key={b.key}>
                    {b.parts.map((p, i) => (p.op === "add" ? <ins key={i}>{p.value}</ins> : p.op === "del" ? <del key={i}>{p.value}</del> : <span key={i}>{p.value}</span>))}
                  </p>
                ))}
              </section>
            ))}
          <p>
            <Link to={base}>{t("diff.back")}</Link>
          </p>
        </>
      ) : null}
    </article>
  );
}
