import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "~db/database.server";
import type { Localized } from "~db/schema";
import { periodDays } from "~/modules/consultations/rules";
import { emptyCounts, type ArticleRow, type ChangeRow, type ReportData, type ReportItem, type RevisionInfo } from "./report.types";

/** A stable code for a pseudonymous author, the same for all their comments on one consultation. */
export function pseudonymFor(consultationId: string, authorId: string): string {
  return createHash("sha256").update(`${consultationId}:${authorId}`).digest("hex").slice(0, 8);
}

interface BlockInfo {
  id: string;
  versionNumber: number;
  key: string;
  kind: string;
  label: Localized | null;
  text: Localized;
  articleKey: string;
  articleLabel: Localized | null;
  /** Position of the block's article in its version, to list articles in document order. */
  articleOrder: number;
}

/** Every block of the consultation's published versions, each with the article it belongs to. */
export async function blocksWithArticles(db: Db, consultationId: string): Promise<BlockInfo[]> {
  const rows = await db
    .selectFrom("blocks as b")
    .innerJoin("document_versions as v", "v.id", "b.version_id")
    .select(["b.id", "b.lineage_key", "b.kind", "b.label", "b.text", "v.number"])
    .where("v.consultation_id", "=", consultationId)
    .where("v.published_at", "is not", null)
    .orderBy("v.number")
    .orderBy("b.position")
    .execute();
  const out: BlockInfo[] = [];
  let version = -1;
  let article: { key: string; label: Localized | null; order: number } | null = null;
  for (const r of rows) {
    if (r.number !== version) {
      version = r.number;
      article = null;
    }
    if (r.kind === "article" || r.kind === "section") article = { key: r.lineage_key, label: r.label, order: out.length };
    out.push({
      id: r.id,
      versionNumber: r.number,
      key: r.lineage_key,
      kind: r.kind,
      label: r.label,
      text: r.text,
      articleKey: article?.key ?? r.lineage_key,
      articleLabel: article?.label ?? r.label,
      articleOrder: article?.order ?? out.length,
    });
  }
  return out;
}

/** The consultation's facts at the head of the report. */
export async function reportConsultation(db: Db, consultationId: string): Promise<ReportData["consultation"]> {
  const c = await db
    .selectFrom("consultations as c")
    .innerJoin("organizations as o", "o.id", "c.organization_id")
    .select(["c.id", "c.slug", "c.type", "c.title", "c.opens_at", "c.closes_at", "o.slug as org_slug", "o.name as org_name"])
    .where("c.id", "=", consultationId)
    .executeTakeFirstOrThrow();
  return {
    slug: c.slug,
    type: c.type,
    title: c.title,
    organization: { slug: c.org_slug, name: c.org_name },
    opensAt: new Date(c.opens_at).toISOString(),
    closesAt: new Date(c.closes_at).toISOString(),
    periodDays: periodDays(new Date(c.opens_at), new Date(c.closes_at)),
  };
}

/** The comment links to changed blocks of a consultation, by comment. */
export async function changeLinks(db: Db, consultationId: string): Promise<Map<string, string[]>> {
  const links = await db.selectFrom("comment_change_links").select(["comment_id", "block_key"]).where("consultation_id", "=", consultationId).execute();
  const byComment = new Map<string, string[]>();
  for (const l of links) byComment.set(l.comment_id, [...(byComment.get(l.comment_id) ?? []), l.block_key]);
  return byComment;
}

/** One comment as the report reads it (a row of reportRows). */
export type ReportRow = Awaited<ReturnType<typeof reportRows>>[number];

/**
 * A batch of the consultation's comments in report order (created_at, id), after `after`, with
 * the answer (draft or published), the people's names and the stored similar-comment group.
 */
export async function reportRows(db: Db, consultationId: string, options: { draft: boolean; after?: { createdAt: Date; id: string }; limit: number }) {
  const draft = options.draft;
  let query = db
    .selectFrom("comments as cm")
    .innerJoin("users as u", "u.id", "cm.author_id")
    .leftJoin("organizations as o", "o.id", "cm.organization_id")
    .leftJoin("comment_responses as r", "r.comment_id", "cm.id")
    .leftJoin("users as ru", "ru.id", draft ? "r.responded_by" : "r.published_by")
    .leftJoin("comment_similarity as s", "s.comment_id", "cm.id")
    .leftJoin("similarity_groups as g", "g.group_key", "s.group_key")
    .select([
      "cm.id",
      "cm.block_id",
      "cm.body",
      "cm.lang",
      "cm.status",
      "cm.status_reason",
      "cm.created_at",
      "cm.author_id",
      "cm.organization_id",
      "cm.pseudonymous",
      "u.name as author_name",
      "o.name as org_name",
      "ru.name as responder_name",
      "r.responded_by",
      "r.published_by",
      "g.group_key",
      "g.size as group_size",
      // For the MPs' dashboard: days from the comment to its answer's first publication.
      sql<number | null>`case when cm.status = 'visible' and r.first_published_at is not null then (extract(epoch from r.first_published_at - cm.created_at) / 86400)::float8 end`.as("answer_days"),
    ])
    .select((eb) => [
      eb.ref(draft ? "r.status" : "r.published_status").as("response_status"),
      eb.ref(draft ? "r.justification" : "r.published_justification").as("response_justification"),
      eb.ref(draft ? "r.responded_at" : "r.published_at").as("response_at"),
    ])
    .where("cm.consultation_id", "=", consultationId);
  if (options.after) {
    const { createdAt, id } = options.after;
    // A row comparison, so the index (consultation_id, created_at, id) starts at the cursor; the
    // equivalent OR is only a filter and made batch k skip k batches (quadratic).
    query = query.where(sql<boolean>`(cm.created_at, cm.id) > (${createdAt}, ${id}::uuid)`);
  }
  return query.orderBy("cm.created_at").orderBy("cm.id").limit(options.limit).execute();
}

/**
 * Lets timers and I/O run. PGlite answers in-process through promises alone, so a chain of
 * queries never gives the event loop a turn: a long build would hold every request (and the
 * server's start) until it is done.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Reads every report row in keyset batches (constant memory), handing each batch to `each`. */
export async function forEachReportBatch(db: Db, consultationId: string, draft: boolean, each: (rows: ReportRow[]) => Promise<void> | void, batchSize = 2000): Promise<void> {
  let after: { createdAt: Date; id: string } | undefined;
  for (;;) {
    const rows = await reportRows(db, consultationId, { draft, after, limit: batchSize });
    if (rows.length) await each(rows);
    if (rows.length < batchSize) return;
    await yieldToEventLoop();
    const last = rows[rows.length - 1];
    after = { createdAt: new Date(last.created_at), id: last.id };
  }
}

/** The report without its items: what a stored build keeps in one piece (the items go row-wise). */
export type ReportHead = Omit<ReportData, "items">;

/**
 * Turns report rows into items one at a time and keeps the figures (summary, per article, per
 * responder, changes) as it goes, so a report of any size is built with memory for its figures
 * only: the caller decides what to keep of the items (all of them, one page, or none, when they
 * are written to the database as they come).
 */
export class ReportAccumulator {
  readonly summary: ReportData["summary"] = { comments: 0, participants: 0, organisations: 0, hidden: 0, withdrawn: 0, byStatus: emptyCounts(), similarGroups: 0 };
  private readonly blockById: Map<string, BlockInfo>;
  private readonly authors = new Set<string>();
  private readonly orgs = new Set<string>();
  private readonly groupKeys = new Set<string>();
  private readonly articles = new Map<string, ArticleRow>();
  private readonly articleOrder = new Map<string, number>();
  private readonly responders = new Map<string, { name: string; count: number; lastAt: string }>();
  /** Changed block key → the comments that led to it, in report order. */
  private readonly commentsByChange = new Map<string, string[]>();
  /** Days to answer of visible comments (the dashboard's median), unsorted. */
  readonly answerDays: number[] = [];
  /** Visible comments with a (published) answer, and those accepted in whole or in part. */
  answered = 0;
  accepted = 0;

  constructor(
    private readonly consultationId: string,
    private readonly blocks: BlockInfo[],
    private readonly links: Map<string, string[]>,
    private readonly draft: boolean,
  ) {
    this.blockById = new Map(blocks.map((b) => [b.id, b]));
  }

  add(r: ReportRow): ReportItem {
    const summary = this.summary;
    summary.comments++;
    this.authors.add(r.author_id);
    if (r.organization_id) this.orgs.add(r.organization_id);
    const block = r.block_id ? this.blockById.get(r.block_id) : undefined;
    const articleKey = block?.articleKey ?? null;
    const rowKey = articleKey ?? "";
    if (!this.articles.has(rowKey)) {
      this.articles.set(rowKey, { key: articleKey, label: block?.articleLabel ?? null, comments: 0, hidden: 0, ...emptyCounts() });
      this.articleOrder.set(rowKey, block ? block.articleOrder : -1);
    }
    const article = this.articles.get(rowKey)!;
    article.comments++;
    const response =
      r.response_status && r.response_at
        ? { status: r.response_status, justification: r.response_justification ?? {}, respondedAt: new Date(r.response_at).toISOString(), respondedBy: r.responder_name }
        : null;
    if (r.status === "hidden") {
      summary.hidden++;
      article.hidden++;
    } else if (r.status === "withdrawn") {
      summary.withdrawn++;
      article.hidden++;
    } else {
      const key = response ? response.status : "unanswered";
      summary.byStatus[key]++;
      article[key]++;
      if (response) {
        this.answered++;
        if (response.status === "accepted" || response.status === "partially_accepted") this.accepted++;
      }
      if (r.answer_days !== null && r.answer_days !== undefined) this.answerDays.push(Number(r.answer_days));
    }
    if (response) {
      const by = (this.draft ? r.responded_by : r.published_by) ?? "";
      const entry = this.responders.get(by) ?? { name: r.responder_name ?? "", count: 0, lastAt: response.respondedAt };
      entry.count++;
      if (response.respondedAt > entry.lastAt) entry.lastAt = response.respondedAt;
      this.responders.set(by, entry);
    }
    const visible = r.status === "visible";
    const group = visible && r.group_key && r.group_size && r.group_size > 1 ? { key: r.group_key, size: r.group_size } : null;
    if (group) this.groupKeys.add(group.key);
    const changes = this.links.get(r.id) ?? [];
    for (const key of changes) this.commentsByChange.set(key, [...(this.commentsByChange.get(key) ?? []), r.id]);
    return {
      comment: {
        id: r.id,
        blockKey: block?.key ?? null,
        articleKey,
        articleLabel: block?.articleLabel ?? null,
        // What a moderator hid or an author withdrew is counted, not shown: only that it was and why.
        body: visible ? r.body : "",
        lang: r.lang,
        status: r.status,
        statusReason: r.status_reason,
        authorName: visible && !r.pseudonymous ? r.author_name : null,
        pseudonym: visible && r.pseudonymous ? pseudonymFor(this.consultationId, r.author_id) : null,
        organization: visible && !r.pseudonymous ? r.org_name : null,
        createdAt: new Date(r.created_at).toISOString(),
        group,
      },
      response,
      changes,
    };
  }

  /** The figures once every row was added. */
  finish(consultation: ReportData["consultation"], generatedAt: Date = new Date()): ReportHead {
    this.summary.participants = this.authors.size;
    this.summary.organisations = this.orgs.size;
    this.summary.similarGroups = this.groupKeys.size;
    const blocks = this.blocks;
    // What changed between the first and the final published version, block by block (lineage key).
    const versionNumbers = [...new Set(blocks.map((b) => b.versionNumber))];
    const first = versionNumbers.length ? Math.min(...versionNumbers) : null;
    const final = versionNumbers.length ? Math.max(...versionNumbers) : null;
    const changes: ChangeRow[] = [];
    if (first !== null && final !== null && first !== final) {
      const before = new Map(blocks.filter((b) => b.versionNumber === first).map((b) => [b.key, b]));
      const after = new Map(blocks.filter((b) => b.versionNumber === final).map((b) => [b.key, b]));
      const commentsFor = (key: string) => this.commentsByChange.get(key) ?? [];
      const fullLabel = (b: BlockInfo): Localized | null => {
        if (!b.label || b.articleKey === b.key || !b.articleLabel) return b.label ?? b.articleLabel;
        const a = b.articleLabel;
        const l = b.label;
        return { kk: `${a.kk} ${l.kk}`.trim(), ru: `${a.ru} ${l.ru}`.trim(), en: `${a.en} ${l.en}`.trim() };
      };
      for (const [key, b] of after) {
        const old = before.get(key);
        if (!old) changes.push({ key, label: fullLabel(b), kind: "added", before: null, after: b.text, commentIds: commentsFor(key) });
        else if (JSON.stringify(old.text) !== JSON.stringify(b.text) || JSON.stringify(old.label) !== JSON.stringify(b.label)) {
          changes.push({ key, label: fullLabel(b) ?? fullLabel(old), kind: "changed", before: old.text, after: b.text, commentIds: commentsFor(key) });
        }
      }
      for (const [key, b] of before) if (!after.has(key)) changes.push({ key, label: fullLabel(b), kind: "removed", before: b.text, after: null, commentIds: commentsFor(key) });
    }
    return {
      consultation,
      generatedAt: generatedAt.toISOString(),
      versions: { first, final },
      summary: this.summary,
      articles: [...this.articles.entries()].sort(([a], [b]) => this.articleOrder.get(a)! - this.articleOrder.get(b)!).map(([, row]) => row),
      changes,
      responders: [...this.responders.values()].sort((a, b) => b.count - a.count),
    };
  }
}

/** A consultation's report accumulator with everything it needs loaded. */
export async function reportAccumulator(db: Db, consultationId: string, draft: boolean): Promise<ReportAccumulator> {
  const [blocks, links] = await Promise.all([blocksWithArticles(db, consultationId), changeLinks(db, consultationId)]);
  return new ReportAccumulator(consultationId, blocks, links, draft);
}

/**
 * The report of a consultation, computed now, with every item in memory. `draft: true` shows
 * staff the answers as drafted; otherwise only published answers count, as the public sees them.
 * Used to freeze a revision and as the reference the stored builds are tested against; request
 * paths read stored builds (builds.server.ts) or, for the staff preview, buildReportPreview.
 * Similar-comment groups are read as stored (reconcileSimilarity first when they must be exact).
 */
export async function buildReport(db: Db, consultationId: string, options: { draft?: boolean } = {}): Promise<ReportData> {
  const draft = !!options.draft;
  const consultation = await reportConsultation(db, consultationId);
  const acc = await reportAccumulator(db, consultationId, draft);
  const items: ReportItem[] = [];
  await forEachReportBatch(db, consultationId, draft, (rows) => {
    for (const r of rows) items.push(acc.add(r));
  });
  return { ...acc.finish(consultation), items };
}

// Requests that arrive while a report is being built share that build. Only builds already in
// flight are shared, so no answer is older than the request that waits for it.
const inFlight = new Map<string, Promise<ReportData>>();

/** buildReport outside a transaction, shared by concurrent requests for the same report. */
export function buildReportShared(db: Db, consultationId: string, options: { draft?: boolean } = {}): Promise<ReportData> {
  const key = `${consultationId}:${options.draft ? "draft" : "public"}`;
  let build = inFlight.get(key);
  if (!build) {
    build = buildReport(db, consultationId, options).finally(() => inFlight.delete(key));
    inFlight.set(key, build);
  }
  return build;
}

/** The page's filters: a status key or "hidden" (hidden and withdrawn), an article key or "general". */
export interface ReportFilters {
  status: string;
  article: string;
}

/** Whether an item passes the page's filters (the same rule as the stored builds' columns). */
export function itemMatches(item: ReportItem, filters: ReportFilters): boolean {
  if (filters.status === "hidden" && item.comment.status === "visible") return false;
  if (filters.status && filters.status !== "hidden") {
    if (item.comment.status !== "visible") return false;
    if ((item.response?.status ?? "unanswered") !== filters.status) return false;
  }
  if (filters.article === "general" && item.comment.articleKey !== null) return false;
  if (filters.article && filters.article !== "general" && item.comment.articleKey !== filters.article) return false;
  return true;
}

// The staff preview (draft answers) is computed on demand, one at a time per process: it reads
// every comment but keeps only the figures and the page it shows, so memory stays bounded.
let previewQueue: Promise<unknown> = Promise.resolve();

/**
 * The report as staff would publish it now (draft answers): its figures and one page of items
 * after the filters (`page` 1-based; a page past the end gives the last one, as the page shows).
 */
export function buildReportPreview(db: Db, consultationId: string, filters: ReportFilters, page: number, pageSize: number): Promise<{ head: ReportHead; items: ReportItem[]; total: number; page: number }> {
  const job = previewQueue.then(async () => {
    const consultation = await reportConsultation(db, consultationId);
    const acc = await reportAccumulator(db, consultationId, true);
    let items: ReportItem[] = [];
    let matched = 0;
    await forEachReportBatch(db, consultationId, true, (rows) => {
      for (const r of rows) {
        const item = acc.add(r);
        if (!itemMatches(item, filters)) continue;
        // Keep the asked page, or the latest page reached while it is not (the last one).
        if (Math.floor(matched / pageSize) + 1 <= page) {
          if (matched % pageSize === 0) items = [];
          items.push(item);
        }
        matched++;
      }
    });
    return { head: acc.finish(consultation), items, total: matched, page: Math.min(page, Math.max(1, Math.ceil(matched / pageSize))) };
  });
  previewQueue = job.catch(() => {});
  return job;
}

/** Answers drafted and not yet published as drafted (corrections waiting for a new revision). */
export async function countPendingAnswers(db: Db, consultationId: string): Promise<number> {
  const row = await db
    .selectFrom("comment_responses")
    .select(db.fn.countAll<string>().as("n"))
    .where("consultation_id", "=", consultationId)
    .where((eb) => eb.or([eb("published_at", "is", null), sql<boolean>`published_status is distinct from status or published_justification is distinct from justification`]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface PublishedReport {
  revision: RevisionInfo;
  data: ReportData;
  history: RevisionInfo[];
}

/** The revisions of a consultation's report, newest first (without their snapshots). */
export async function listRevisions(db: Db, consultationId: string): Promise<RevisionInfo[]> {
  const rows = await db
    .selectFrom("report_revisions as rr")
    .leftJoin("users as u", "u.id", "rr.published_by")
    .select(["rr.revision", "rr.published_at", "rr.change_log", "u.name"])
    .where("rr.consultation_id", "=", consultationId)
    .orderBy("rr.revision", "desc")
    .execute();
  return rows.map((r) => ({ revision: r.revision, publishedAt: new Date(r.published_at).toISOString(), publishedBy: r.name, changeLog: r.change_log }));
}

/** A published revision (the latest, or the one asked for) exactly as it was published. */
export async function findPublishedReport(db: Db, consultationId: string, revision?: number): Promise<PublishedReport | undefined> {
  const history = await listRevisions(db, consultationId);
  const wanted = revision === undefined ? history[0] : history.find((h) => h.revision === revision);
  if (!wanted) return undefined;
  const row = await db
    .selectFrom("report_revisions")
    .select("snapshot")
    .where("consultation_id", "=", consultationId)
    .where("revision", "=", wanted.revision)
    .executeTakeFirstOrThrow();
  return { revision: wanted, data: row.snapshot as ReportData, history };
}

export { sql };
