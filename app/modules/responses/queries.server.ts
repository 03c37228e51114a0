import { sql } from "kysely";
import type { Db } from "~db/database.server";
import type { CommentStatus, Lang, Localized, ResponseStatus } from "~db/schema";
import { membersOfGroups, similarGroupsOf } from "./similarity-store.server";

// Similar-comment groups are stored and kept by the similarity worker (ADR 0063).
export { loadSimilarGroups, similarGroupsOf, type SimilarGroups } from "./similarity-store.server";

export interface PublicResponse {
  status: ResponseStatus;
  justification: Partial<Localized>;
  respondedAt: Date;
}

/** The published answers of a consultation's comments (what the public sees), by comment id. */
export async function publishedResponses(db: Db, consultationId: string, commentIds?: string[]): Promise<Map<string, PublicResponse>> {
  if (commentIds && commentIds.length === 0) return new Map();
  let query = db
    .selectFrom("comment_responses")
    .select(["comment_id", "published_status", "published_justification", "published_at"])
    .where("consultation_id", "=", consultationId)
    .where("published_at", "is not", null);
  if (commentIds) query = query.where("comment_id", "in", commentIds);
  const rows = await query.execute();
  return new Map(
    rows.map((r) => [r.comment_id, { status: r.published_status!, justification: r.published_justification ?? {}, respondedAt: new Date(r.published_at!) }]),
  );
}

export type QueueStatusFilter = "unanswered" | "draft" | "published" | ResponseStatus | "";

export interface QueueFilter {
  /** Bodies whose consultations the user answers for; undefined = every body (admins). */
  organizationIds?: string[];
  consultationSlug?: string;
  /** A block's lineage key (article or paragraph). */
  blockKey?: string;
  status?: QueueStatusFilter;
  limit?: number;
}

export interface QueueItem {
  commentId: string;
  consultation: { id: string; slug: string; title: Localized; closesAt: Date; organizationId: string; reportPublished: boolean };
  daysSinceClosing: number | null;
  block: { key: string; label: Localized | null } | null;
  body: string;
  lang: Lang;
  commentStatus: CommentStatus;
  authorName: string;
  createdAt: Date;
  response: {
    status: ResponseStatus;
    justification: Partial<Localized>;
    respondedAt: Date;
    publishedStatus: ResponseStatus | null;
    publishedAt: Date | null;
    /** The draft differs from what is published. */
    pending: boolean;
  } | null;
  group: { key: string; size: number } | null;
}

function joinLabels(a: Localized, b: Localized | null): Localized {
  if (!b) return a;
  return { kk: `${a.kk} ${b.kk}`.trim(), ru: `${a.ru} ${b.ru}`.trim(), en: `${a.en} ${b.en}`.trim() };
}

/** Comments of the given bodies' published consultations with their (draft) answers, oldest first. */
export async function listQueue(db: Db, filter: QueueFilter): Promise<{ items: QueueItem[]; total: number }> {
  if (filter.organizationIds && filter.organizationIds.length === 0) return { items: [], total: 0 };
  let query = db
    .selectFrom("comments as cm")
    .innerJoin("consultations as c", "c.id", "cm.consultation_id")
    .innerJoin("users as u", "u.id", "cm.author_id")
    .leftJoin("blocks as b", "b.id", "cm.block_id")
    .leftJoin("comment_responses as r", "r.comment_id", "cm.id")
    .where("c.published_at", "is not", null)
    // Hidden and withdrawn comments need no answer; they are counted apart in the report.
    .where("cm.status", "=", "visible");
  if (filter.organizationIds) query = query.where("c.organization_id", "in", filter.organizationIds);
  if (filter.consultationSlug) query = query.where("c.slug", "=", filter.consultationSlug);
  if (filter.blockKey === "general") query = query.where("cm.block_id", "is", null);
  else if (filter.blockKey) query = query.where("b.lineage_key", "=", filter.blockKey);
  const status = filter.status ?? "unanswered";
  if (status === "unanswered") query = query.where("r.comment_id", "is", null);
  else if (status === "draft") query = query.where("r.comment_id", "is not", null).where((eb) => eb.or([eb("r.published_at", "is", null), sql<boolean>`r.published_status is distinct from r.status or r.published_justification is distinct from r.justification`]));
  else if (status === "published") query = query.where("r.published_at", "is not", null);
  else if (status) query = query.where("r.status", "=", status);
  const total = await query.select(db.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  const rows = await query
    .select([
      "cm.id",
      "cm.body",
      "cm.lang",
      "cm.status as comment_status",
      "cm.created_at",
      "u.name as author_name",
      "c.id as consultation_id",
      "c.slug",
      "c.title",
      "c.closes_at",
      "c.organization_id",
      "c.report_published_at",
      "b.lineage_key",
      "b.label",
      "b.kind",
      // the article a paragraph or list item belongs to: the nearest article above it
      sql<Localized | null>`(select a.label from blocks a where a.version_id = b.version_id and a.position <= b.position and a.kind in ('article', 'section') order by a.position desc limit 1)`.as("article_label"),
      "r.status",
      "r.justification",
      "r.responded_at",
      "r.published_status",
      "r.published_at",
      sql<boolean>`r.published_status is distinct from r.status or r.published_justification is distinct from r.justification`.as("pending"),
      sql<number | null>`case when now() > c.closes_at then floor(extract(epoch from now() - c.closes_at) / 86400)::int end`.as("days_since"),
    ])
    .orderBy("c.closes_at")
    .orderBy("cm.created_at")
    .orderBy("cm.id")
    .limit(filter.limit ?? 200)
    .execute();
  const groups = await similarGroupsOf(db, rows.map((r) => r.id));
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      commentId: r.id,
      consultation: { id: r.consultation_id, slug: r.slug, title: r.title, closesAt: new Date(r.closes_at), organizationId: r.organization_id, reportPublished: !!r.report_published_at },
      daysSinceClosing: r.days_since === null ? null : Number(r.days_since),
      block: r.lineage_key ? { key: r.lineage_key, label: r.kind === "article" || r.kind === "section" || !r.article_label ? r.label : joinLabels(r.article_label, r.label) } : null,
      body: r.body,
      lang: r.lang,
      commentStatus: r.comment_status,
      authorName: r.author_name,
      createdAt: new Date(r.created_at),
      response: r.status
        ? {
            status: r.status,
            justification: r.justification ?? {},
            respondedAt: new Date(r.responded_at!),
            publishedStatus: r.published_status,
            publishedAt: r.published_at ? new Date(r.published_at) : null,
            pending: !!r.pending,
          }
        : null,
      group: groups.get(r.id) ?? null,
    })),
  };
}

/** The members of the groups of the given comments (to answer a whole campaign at once). */
export async function expandToGroups(db: Db, consultationId: string, commentIds: string[]): Promise<string[]> {
  return membersOfGroups(db, consultationId, commentIds);
}

export interface TemplateView {
  id: string;
  title: string;
  status: ResponseStatus;
  justification: Partial<Localized>;
}

export async function listTemplates(db: Db, organizationIds: string[] | undefined): Promise<(TemplateView & { organizationId: string })[]> {
  if (organizationIds && organizationIds.length === 0) return [];
  let query = db.selectFrom("response_templates").select(["id", "title", "status", "justification", "organization_id"]).where("archived_at", "is", null);
  if (organizationIds) query = query.where("organization_id", "in", organizationIds);
  const rows = await query.orderBy("title").execute();
  return rows.map((r) => ({ id: r.id, title: r.title, status: r.status, justification: r.justification, organizationId: r.organization_id }));
}

export async function findTemplate(db: Db, id: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  return db.selectFrom("response_templates").selectAll().where("id", "=", id).where("archived_at", "is", null).executeTakeFirst();
}

/** The responsible body of each given consultation slug (for permission checks). */
export async function consultationsForQueue(db: Db, organizationIds: string[] | undefined) {
  let query = db
    .selectFrom("consultations")
    .select(["id", "slug", "title", "organization_id", "closes_at"])
    .where("published_at", "is not", null);
  if (organizationIds) {
    if (organizationIds.length === 0) return [];
    query = query.where("organization_id", "in", organizationIds);
  }
  return query.orderBy("closes_at", "desc").execute();
}

/** The consultation of each comment (answers are given per consultation). */
export async function consultationsOfComments(db: Db, commentIds: string[]): Promise<Map<string, string[]>> {
  const byConsultation = new Map<string, string[]>();
  const valid = commentIds.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
  if (!valid.length) return byConsultation;
  const rows = await db.selectFrom("comments").select(["id", "consultation_id"]).where("id", "in", valid).execute();
  for (const r of rows) byConsultation.set(r.consultation_id, [...(byConsultation.get(r.consultation_id) ?? []), r.id]);
  return byConsultation;
}

/** Block keys and labels of a consultation's latest published version (filters, change links). */
export async function blockOptions(db: Db, slug: string) {
  const version = await db
    .selectFrom("document_versions as v")
    .innerJoin("consultations as c", "c.id", "v.consultation_id")
    .select(["v.id"])
    .where("c.slug", "=", slug)
    .where("v.published_at", "is not", null)
    .orderBy("v.number", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!version) return [];
  return db.selectFrom("blocks").select(["lineage_key", "label", "kind", "text"]).where("version_id", "=", version.id).orderBy("position").execute();
}

/** A commenter's own comments, newest first, each with its published answer (drafts stay private). */
export async function listMyComments(db: Db, authorId: string, limit = 200) {
  const rows = await db
    .selectFrom("comments as cm")
    .innerJoin("consultations as c", "c.id", "cm.consultation_id")
    .leftJoin("blocks as b", "b.id", "cm.block_id")
    .leftJoin("comment_responses as r", "r.comment_id", "cm.id")
    .select([
      "cm.id",
      "cm.body",
      "cm.lang",
      "cm.status",
      "cm.status_reason",
      "cm.created_at",
      "c.slug",
      "c.title",
      "c.report_published_at",
      "b.label",
      "r.published_status",
      "r.published_justification",
      "r.published_at",
    ])
    .where("cm.author_id", "=", authorId)
    .orderBy("cm.created_at", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    lang: r.lang,
    status: r.status,
    statusReason: r.status_reason,
    createdAt: new Date(r.created_at),
    consultation: { slug: r.slug, title: r.title, reportPublished: !!r.report_published_at },
    blockLabel: r.label,
    response: r.published_at && r.published_status ? { status: r.published_status, justification: r.published_justification ?? {}, respondedAt: new Date(r.published_at) } : null,
  }));
}
