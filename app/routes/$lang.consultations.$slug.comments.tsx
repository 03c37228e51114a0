import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { blockAnchor } from "~/components/consultation/TableOfContents";
import { threadListPage } from "~/components/consultation/thread-list.server";
import { ServerHtml } from "~/components/ui/ServerHtml";
import { canManageForOrganization } from "~/modules/accounts/permissions";
import { threadState } from "~/modules/comments/counters.server";
import { decodeCursor, listComments } from "~/modules/comments/queries.server";
import { GENERAL } from "~/modules/comments/threads";
import { presentWithAnswers } from "~/modules/responses/present.server";
import { findConsultationBySlug } from "~/modules/consultations/queries.server";
import { findBlock } from "~/modules/documents/queries.server";
import { pickLocalized } from "~/utils/i18n";
import { notFound, requireLang } from "~/utils/lang.server";
import { island } from "~/utils/islands.server";
import { getCurrentUser } from "~/utils/session.server";
import { shareConsultationPage } from "~/utils/shared-render.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.heading} · Kenes` : "Kenes" }];

const PAGE_SIZE = 50;

/** One thread (an article's comments, or those on the whole draft), paginated by cursor. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const db = context.app.db;
  const consultation = await findConsultationBySlug(db, params.slug ?? "");
  const user = await getCurrentUser(request, context);
  if (!consultation || (!consultation.publishedAt && !canManageForOrganization(user, consultation.organization.id))) throw notFound(lang, "consultation");
  shareConsultationPage(context, consultation);
  const url = new URL(request.url);
  const blockParam = url.searchParams.get("block") ?? GENERAL;
  let block: Awaited<ReturnType<typeof findBlock>>;
  if (blockParam !== GENERAL) {
    block = await findBlock(db, consultation.id, blockParam);
    if (!block) throw notFound(lang);
  }
  const cursorParam = url.searchParams.get("cursor");
  const cursor = cursorParam ? decodeCursor(cursorParam) : undefined;
  const thread = block ? block.id : GENERAL;
  // The list is the same for every reader: rendered once per page of the thread and change
  // number, and sent once, in the HTML (an island), not again in the page's data.
  const pageKey = cursor ? `${cursor.createdAt.toISOString()}|${cursor.id}` : "";
  const { total, changes } = await threadState(db, consultation.id, block?.id ?? null);
  const list = await threadListPage(`${consultation.id}|${thread}|${pageKey}|${PAGE_SIZE}|${changes}`, { lang, path: url.pathname }, async () => {
    const page = await listComments(db, consultation.id, { limit: PAGE_SIZE, cursor, thread, publicOnly: false });
    return { comments: await presentWithAnswers(db, consultation.id, page.items, lang), nextCursor: page.nextCursor };
  });
  const title = pickLocalized(consultation.title, lang).text;
  // "1." + text reads "1. text", "Article 3" + text "Article 3. text" (a label's own stop is kept, not doubled).
  const label = block?.label ? pickLocalized(block.label, lang).text : "";
  const blockTitle = block ? [label && !/[.:)]$/.test(label) ? `${label}.` : label, pickLocalized(block.text, lang).text].filter(Boolean).join(" ") : null;
  return json({
    lang,
    slug: consultation.slug,
    title,
    heading: blockTitle ?? title,
    block: block ? { id: block.id, anchor: blockAnchor(block.lineage_key), title: blockTitle } : null,
    total,
    shown: list.shown,
    commentsHtml: island(context, "thread-comments", list.html),
    nextCursor: list.nextCursor,
    blockParam,
  });
}

export default function ThreadPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("consultation");
  const base = `/${data.lang}/consultations/${data.slug}`;
  return (
    <>
      <nav aria-label={t("breadcrumbs")} className="breadcrumbs">
        <Link to={`/${data.lang}/consultations`}>{t("list.title")}</Link> › <Link to={base}>{data.title}</Link>
      </nav>
      <h1>{data.block ? data.block.title : t("comments.general_title")}</h1>
      <p>
        {t("comments.total", { count: data.total, formatted: String(data.total) })} ·{" "}
        <Link to={data.block ? `${base}#${data.block.anchor}` : `${base}#general-title`}>{t("comments.back_to_draft")}</Link>
      </p>
      {data.shown ? <ServerHtml id="thread-comments" html={data.commentsHtml} /> : <p className="empty">{t("comments.none_yet")}</p>}
      {data.nextCursor ? (
        <p>
          <Link to={`?block=${encodeURIComponent(data.blockParam)}&cursor=${encodeURIComponent(data.nextCursor)}`} className="button">
            {t("comments.next_page")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
