/**
 * The FLOOR: a bare node:http server that runs the same module query functions (the same SQL)
 * as the app's routes and renders the same React components with renderToString, without
 * Remix, sessions, CSRF or the page layout. The app's figures are divided by these to show
 * what the framework and the rest of the page cost.
 *
 *   GET  /list                   the consultation list (listConsultations)
 *   GET  /draft/:slug            the full draft with its annotations and threads (loadAnnotatedDraft,
 *                                AnnotatedDraft, the general thread's preview)
 *   GET  /thread/:slug?block=id  one article's thread, first page of 50 (listComments + countComments)
 *   POST /comment/:slug          postComment with body, blockId, idempotencyKey (urlencoded)
 *   GET  /report/:slug           the report built live (buildReportShared, ReportView)
 *   GET  /report-csv/:slug?lang  the report CSV (reportCsvStream piped to the response)
 *   GET  /search?q=…             the search API's JSON (parseSearchParams, runSearch on the PostgreSQL adapter)
 *
 * Components that read the root loader's data (useRouteLoaderData("root")) or use <Form> need a
 * data router: those pages render inside react-router's StaticRouterProvider with a "root" route.
 */
import { createServer } from "node:http";
import path from "node:path";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { MemoryRouter } from "react-router-dom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { openPglite, openPostgres } from "~db/database.server";
import { lockDataDir } from "~db/data-dir-lock.server";
import { AnnotatedDraft, OrphanedAnnotations } from "~/components/consultation/AnnotatedDraft";
import { CommentList } from "~/components/consultation/CommentList";
import { CommentThread } from "~/components/consultation/CommentThread";
import { TableOfContents } from "~/components/consultation/DraftBlocks";
import { filterItems, paginateItems, ReportView } from "~/components/reports/ReportView";
import { loadAnnotatedDraft, presentThread } from "~/modules/comments/annotated-draft.server";
import { GENERAL } from "~/modules/comments/threads";
import { buildReportShared, listRevisions } from "~/modules/reports/queries.server";
import { reportCsvStream } from "~/modules/reports/csv.server";
import type { ReportData } from "~/modules/reports/report.types";
import { presentWithAnswers } from "~/modules/responses/present.server";
import { parseSearchParams } from "~/modules/search/search.schema";
import { runSearch } from "~/modules/search/search.server";
import { StatusBadge } from "~/components/consultation/StatusBadge";
import { postComment } from "~/modules/comments/commands.server";
import { presentComment as present } from "~/modules/comments/present.server";
import { countComments, listComments, previewThreads } from "~/modules/comments/queries.server";
import { currentVersion, findConsultationBySlug, listConsultations, listVersions } from "~/modules/consultations/queries.server";
import { findBlock } from "~/modules/documents/queries.server";
import { createI18n, pickLocalized } from "~/utils/i18n";
import { allResources } from "~/utils/i18n.server";

const lang = "en" as const;
const i18n = createI18n(lang, allResources);
const authorId = process.env.BENCH_USER_ID ?? "";

const handle = process.env.DATABASE_URL ? openPostgres(process.env.DATABASE_URL) : await (async () => {
  const dataDir = path.resolve(process.env.DATA_DIR ?? "bench/.data");
  lockDataDir(dataDir);
  return openPglite(path.join(dataDir, "pglite"));
})();
const db = handle.db;

function page(children: React.ReactNode): string {
  return "<!DOCTYPE html>" + renderToString(
    <html lang={lang}>
      <body>
        <I18nextProvider i18n={i18n}>
          <MemoryRouter>{children}</MemoryRouter>
        </I18nextProvider>
      </body>
    </html>,
  );
}

const rootData = { lang, csrfToken: "", user: null };

/** Renders inside a data router whose "root" route has the root loader's data (signed out). */
async function dataPage(children: React.ReactNode): Promise<string> {
  const handler = createStaticHandler([{ id: "root", path: "/", loader: () => rootData, element: children }]);
  const context = await handler.query(new Request("http://floor/"));
  if (context instanceof Response) throw new Error("unexpected redirect");
  const router = createStaticRouter(handler.dataRoutes, context);
  return "<!DOCTYPE html>" + renderToString(
    <html lang={lang}>
      <body>
        <I18nextProvider i18n={i18n}>
          <StaticRouterProvider router={router} context={context} hydrate={false} />
        </I18nextProvider>
      </body>
    </html>,
  );
}

async function list() {
  const items = await listConsultations(db, {});
  return page(
    <ul className="consultation-list">
      {items.map((c) => (
        <li key={c.id} className="consultation-card">
          <StatusBadge status={c.status} />
          <h2>
            <a href={`/${lang}/consultations/${c.slug}`}>{pickLocalized(c.title, lang).text}</a>
          </h2>
          <p>{pickLocalized(c.summary, lang).text}</p>
          <p>{pickLocalized(c.organization.name, lang).text}</p>
          <p>{c.commentCount}</p>
        </li>
      ))}
    </ul>,
  );
}

async function draft(slug: string) {
  const consultation = await findConsultationBySlug(db, slug);
  if (!consultation) return undefined;
  const versions = await listVersions(db, consultation.id);
  const version = currentVersion(versions) ?? versions.at(-1);
  // The same loading as the app's draft loader (signed out): the general thread, answers, the annotated draft.
  const preview = version ? await previewThreads(db, consultation.id, version.id, 5, [GENERAL]) : { threads: new Map(), totals: new Map() };
  const withAnswers = async (views: Parameters<typeof presentWithAnswers>[2]) => new Map((await presentWithAnswers(db, consultation.id, views, lang)).map((p) => [p.id, { response: p.response, similarCount: p.similarCount }]));
  const general = preview.threads.get(GENERAL);
  const generalComments = general ? await presentThread(db, general, lang, null, withAnswers) : [];
  const annotated = version ? await loadAnnotatedDraft(db, { consultationId: consultation.id, versionId: version.id, lang, userId: null, published: !!version.publishedAt, enrich: withAnswers }) : { blocks: [], orphaned: [] };
  const toc = annotated.blocks.map((b) => ({ id: b.id, key: b.key, kind: b.kind, label: b.label, text: b.summaryText, commentCount: b.visibleCount }));
  // Like the app, the page's data goes through JSON (the loader's response).
  const data = JSON.parse(JSON.stringify({ annotated, generalComments })) as { annotated: typeof annotated; generalComments: typeof generalComments };
  const loginHref = `/${lang}/login`;
  const open = consultation.status === "open";
  return dataPage(
    <article>
      <h1>{pickLocalized(consultation.title, lang).text}</h1>
      <p>{pickLocalized(consultation.summary, lang).text}</p>
      <TableOfContents entries={toc} />
      <AnnotatedDraft blocks={data.annotated.blocks} lang={lang} open={open} formKey="floor" loginHref={loginHref} base={`/${lang}/consultations/${slug}`} commentOn={null} />
      <OrphanedAnnotations comments={data.annotated.orphaned} lang={lang} open={open} formKey="floor" loginHref={loginHref} />
      <CommentThread comments={data.generalComments} lang={lang} actions={{ open, formKey: "floor", loginHref }} />
    </article>,
  );
}

async function report(slug: string) {
  const consultation = await findConsultationBySlug(db, slug);
  if (!consultation) return undefined;
  // Before a report is published the public page builds it from the answers published so far.
  const built = await buildReportShared(db, consultation.id, { draft: false });
  const history = await listRevisions(db, consultation.id);
  const data = JSON.parse(JSON.stringify(built)) as ReportData;
  const filters = { status: "", article: "" };
  const base = `/${lang}/consultations/${slug}`;
  const links = { consultation: base, self: `${base}/report`, csv: `/api/v1/consultations/${slug}/report.csv?lang=${lang}`, json: `/api/v1/consultations/${slug}/report`, pdf: `${base}/report.pdf`, feed: `${base}/feed.atom` };
  const { items, pagination } = paginateItems(filterItems(data.items, filters), null, (page) => `${links.self}?page=${page}`);
  return dataPage(<ReportView lang={lang} data={{ ...data, items: [] }} revision={null} history={history} draft={false} items={items} pagination={pagination} filters={filters} links={links} />);
}

async function thread(slug: string, blockParam: string | null) {
  const consultation = await findConsultationBySlug(db, slug);
  if (!consultation || !blockParam) return undefined;
  const block = await findBlock(db, consultation.id, blockParam);
  if (!block) return undefined;
  const [items, total] = await Promise.all([listComments(db, consultation.id, { limit: 50, thread: block.id, publicOnly: false }), countComments(db, consultation.id, block.id)]);
  return page(
    <section>
      <h1>{pickLocalized(block.text, lang).text}</h1>
      <p>{total}</p>
      <CommentList comments={items.items.map((c) => present(c, lang))} lang={lang} />
      {items.nextCursor ? <a href={`?block=${block.id}&cursor=${encodeURIComponent(items.nextCursor)}`}>next</a> : null}
    </section>,
  );
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? "/", "http://floor");
    const parts = url.pathname.split("/").filter(Boolean);
    let html: string | undefined;
    if (req.method === "GET" && parts[0] === "list") html = await list();
    else if (req.method === "GET" && parts[0] === "draft") html = await draft(parts[1] ?? "");
    else if (req.method === "GET" && parts[0] === "thread") html = await thread(parts[1] ?? "", url.searchParams.get("block"));
    else if (req.method === "GET" && parts[0] === "report") html = await report(parts[1] ?? "");
    else if (req.method === "GET" && parts[0] === "report-csv") {
      const consultation = await findConsultationBySlug(db, parts[1] ?? "");
      if (!consultation) return void res.writeHead(404).end();
      const csvLang = url.searchParams.get("lang");
      const stream = await reportCsvStream(db, consultation.id, csvLang === "kk" || csvLang === "en" ? csvLang : "ru");
      res.writeHead(200, { "Content-Type": "text/csv; charset=utf-8" });
      stream.on("error", (error) => res.destroy(error));
      stream.pipe(res);
      return;
    } else if (req.method === "GET" && parts[0] === "search") {
      const parsed = parseSearchParams(url.searchParams);
      if (!parsed.ok) return void res.writeHead(400).end();
      const outcome = await runSearch({ db, config: { meiliUrl: undefined, meiliMasterKey: undefined } }, parsed.value);
      if (!outcome.ok) return void res.writeHead(503).end();
      res.writeHead(200, { "Content-Type": "application/json; charset=utf-8" }).end(JSON.stringify({ total: outcome.total, hits: outcome.hits, facets: outcome.facets, nextCursor: outcome.nextCursor }));
      return;
    }
    else if (req.method === "POST" && parts[0] === "comment") {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const slug = parts[1] ?? "";
      // The app looks the consultation up on every post too.
      const id = (await findConsultationBySlug(db, slug))?.id;
      if (!id) return void res.writeHead(404).end();
      const result = await postComment(db, { consultationId: id, blockId: form.get("blockId") || null, body: form.get("body") ?? "", lang, authorId, organizationId: null, idempotencyKey: form.get("idempotencyKey") ?? "" });
      res.writeHead(result.ok ? 303 : 409, { Location: `/draft/${slug}` }).end();
      return;
    }
    if (html === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html);
  } catch (error) {
    console.error(error);
    res.writeHead(500).end();
  }
});

server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const address = server.address();
  console.log(`floor listening on http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`);
});
const stop = () => server.close(() => void handle.close().then(() => process.exit(0)));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
