import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "~db/database.server";
import type { Localized } from "~db/schema";
import { periodDays } from "~/modules/consultations/rules";
import { loadSimilarGroups } from "~/modules/responses/queries.server";
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

/**
 * The report of a consultation, computed now. `draft: true` shows staff the answers as drafted
 * (a preview); otherwise only published answers count, as the public sees them.
 */
// Requests that arrive while a report is being built share that build: a report page opened by
// fifty people at once costs one build (and one copy of every item in memory), not fifty. Only
// builds already in flight are shared, so no answer is older than the request that waits for it.
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

export async function buildReport(db: Db, consultationId: string, options: { draft?: boolean } = {}): Promise<ReportData> {
  const c = await db
    .selectFrom("consultations as c")
    .innerJoin("organizations as o", "o.id", "c.organization_id")
    .select(["c.id", "c.slug", "c.type", "c.title", "c.opens_at", "c.closes_at", "o.slug as org_slug", "o.name as org_name"])
    .where("c.id", "=", consultationId)
    .executeTakeFirstOrThrow();
  const blocks = await blocksWithArticles(db, consultationId);
  const blockById = new Map(blocks.map((b) => [b.id, b]));
  const groups = await loadSimilarGroups(db, consultationId);
  const draft = !!options.draft;

  const rows = await db
    .selectFrom("comments as cm")
    .innerJoin("users as u", "u.id", "cm.author_id")
    .leftJoin("organizations as o", "o.id", "cm.organization_id")
    .leftJoin("comment_responses as r", "r.comment_id", "cm.id")
    .leftJoin("users as ru", "ru.id", draft ? "r.responded_by" : "r.published_by")
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
    ])
    .select((eb) => [
      eb.ref(draft ? "r.status" : "r.published_status").as("response_status"),
      eb.ref(draft ? "r.justification" : "r.published_justification").as("response_justification"),
      eb.ref(draft ? "r.responded_at" : "r.published_at").as("response_at"),
    ])
    .where("cm.consultation_id", "=", consultationId)
    .orderBy("cm.created_at")
    .orderBy("cm.id")
    .execute();
  const links = await db.selectFrom("comment_change_links").select(["comment_id", "block_key"]).where("consultation_id", "=", consultationId).execute();
  const linksByComment = new Map<string, string[]>();
  for (const l of links) linksByComment.set(l.comment_id, [...(linksByComment.get(l.comment_id) ?? []), l.block_key]);

  const summary: ReportData["summary"] = { comments: rows.length, participants: 0, organisations: 0, hidden: 0, withdrawn: 0, byStatus: emptyCounts(), similarGroups: 0 };
  const authors = new Set<string>();
  const orgs = new Set<string>();
  const groupKeys = new Set<string>();
  const articles = new Map<string, ArticleRow>();
  const articleOrder = new Map<string, number>();
  const responders = new Map<string, { name: string; count: number; lastAt: string }>();
  const items: ReportItem[] = rows.map((r) => {
    authors.add(r.author_id);
    if (r.organization_id) orgs.add(r.organization_id);
    const block = r.block_id ? blockById.get(r.block_id) : undefined;
    const articleKey = block?.articleKey ?? null;
    const rowKey = articleKey ?? "";
    if (!articles.has(rowKey)) {
      articles.set(rowKey, { key: articleKey, label: block?.articleLabel ?? null, comments: 0, hidden: 0, ...emptyCounts() });
      articleOrder.set(rowKey, block ? block.articleOrder : -1);
    }
    const article = articles.get(rowKey)!;
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
    }
    if (response) {
      const by = (draft ? r.responded_by : r.published_by) ?? "";
      const entry = responders.get(by) ?? { name: r.responder_name ?? "", count: 0, lastAt: response.respondedAt };
      entry.count++;
      if (response.respondedAt > entry.lastAt) entry.lastAt = response.respondedAt;
      responders.set(by, entry);
    }
    const visible = r.status === "visible";
    const group = visible ? groups.byComment.get(r.id) ?? null : null;
    if (group) groupKeys.add(group.key);
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
        pseudonym: visible && r.pseudonymous ? pseudonymFor(consultationId, r.author_id) : null,
        organization: visible && !r.pseudonymous ? r.org_name : null,
        createdAt: new Date(r.created_at).toISOString(),
        group,
      },
      response,
      changes: linksByComment.get(r.id) ?? [],
    };
  });
  summary.participants = authors.size;
  summary.organisations = orgs.size;
  summary.similarGroups = groupKeys.size;

  // What changed between the first and the final published version, block by block (lineage key).
  const versionNumbers = [...new Set(blocks.map((b) => b.versionNumber))];
  const first = versionNumbers.length ? Math.min(...versionNumbers) : null;
  const final = versionNumbers.length ? Math.max(...versionNumbers) : null;
  const changes: ChangeRow[] = [];
  if (first !== null && final !== null && first !== final) {
    const before = new Map(blocks.filter((b) => b.versionNumber === first).map((b) => [b.key, b]));
    const after = new Map(blocks.filter((b) => b.versionNumber === final).map((b) => [b.key, b]));
    const commentsFor = (key: string) => items.filter((i) => i.changes.includes(key)).map((i) => i.comment.id);
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
    consultation: {
      slug: c.slug,
      type: c.type,
      title: c.title,
      organization: { slug: c.org_slug, name: c.org_name },
      opensAt: new Date(c.opens_at).toISOString(),
      closesAt: new Date(c.closes_at).toISOString(),
      periodDays: periodDays(new Date(c.opens_at), new Date(c.closes_at)),
    },
    generatedAt: new Date().toISOString(),
    versions: { first, final },
    summary,
    articles: [...articles.entries()].sort(([a], [b]) => articleOrder.get(a)! - articleOrder.get(b)!).map(([, row]) => row),
    items,
    changes,
    responders: [...responders.values()].sort((a, b) => b.count - a.count),
  };
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
