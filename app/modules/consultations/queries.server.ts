import { sql, type Expression, type SqlBool } from "kysely";
import type { Db } from "~db/database.server";
import type { BlockKind, ConsultationType, Localized } from "~db/schema";
import { consultationStatus, type ConsultationStatus } from "./rules";

/** The status expression, the SQL twin of consultationStatus() in rules.ts. */
export const statusSql = sql<ConsultationStatus>`case
  when c.published_at is null then 'draft'
  when c.report_published_at is not null then 'report_published'
  when now() < c.opens_at then 'planned'
  when now() < c.closes_at then 'open'
  else 'closed' end`;

export interface ConsultationSummary {
  id: string;
  slug: string;
  type: ConsultationType;
  status: ConsultationStatus;
  title: Localized;
  summary: Localized;
  explanatoryNote: Localized;
  opensAt: Date;
  closesAt: Date;
  publishedAt: Date | null;
  shortPeriodJustification: Localized | null;
  organization: { id: string; slug: string; name: Localized };
  commentCount: number;
}

export interface ListFilter {
  status?: ConsultationStatus;
  type?: ConsultationType;
  organization?: string; // slug
  /** Include unpublished drafts of this body (staff view), or of every body ("*", admins). */
  draftsOf?: string;
}

function baseQuery(db: Db) {
  return db
    .selectFrom("consultations as c")
    .innerJoin("organizations as o", "o.id", "c.organization_id")
    // Counted by triggers as comments are written (ADR 0061), not per request.
    .leftJoin("consultation_stats as st", "st.consultation_id", "c.id")
    .select([
      "c.id",
      "c.slug",
      "c.type",
      "c.title",
      "c.summary",
      "c.explanatory_note",
      "c.opens_at",
      "c.closes_at",
      "c.published_at",
      "c.report_published_at",
      "c.short_period_justification",
      "o.id as org_id",
      "o.slug as org_slug",
      "o.name as org_name",
      statusSql.as("status"),
      // Visible comments, replies included.
      "st.visible as comment_count",
    ]);
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof baseQuery>["execute"]>>[number];

function toSummary(row: BaseRow): ConsultationSummary {
  return {
    id: row.id,
    slug: row.slug,
    type: row.type,
    status: row.status,
    title: row.title,
    summary: row.summary,
    explanatoryNote: row.explanatory_note,
    opensAt: new Date(row.opens_at),
    closesAt: new Date(row.closes_at),
    publishedAt: row.published_at ? new Date(row.published_at) : null,
    shortPeriodJustification: row.short_period_justification,
    organization: { id: row.org_id, slug: row.org_slug, name: row.org_name },
    commentCount: Number(row.comment_count ?? 0),
  };
}

const statusRank = sql<number>`case ${statusSql} when 'open' then 0 when 'planned' then 1 when 'draft' then 2 else 3 end`;

/** Public list: open first (closing soonest first), then planned, then closed (latest first). */
export async function listConsultations(db: Db, filter: ListFilter = {}): Promise<ConsultationSummary[]> {
  let query = baseQuery(db);
  if (filter.draftsOf === "*") {
    // every draft (admins)
  } else if (filter.draftsOf) {
    const orgId = filter.draftsOf;
    query = query.where((eb) => eb.or([eb("c.published_at", "is not", null), eb("c.organization_id", "=", orgId)]));
  } else {
    query = query.where("c.published_at", "is not", null);
  }
  if (filter.status) query = query.where(statusSql as unknown as Expression<string>, "=", filter.status);
  if (filter.type) query = query.where("c.type", "=", filter.type);
  if (filter.organization) query = query.where("o.slug", "=", filter.organization);
  const rows = await query
    .orderBy(statusRank)
    .orderBy(sql`case when ${statusSql} in ('open', 'draft') then c.closes_at end`, "asc")
    .orderBy(sql`case when ${statusSql} = 'planned' then c.opens_at end`, "asc")
    .orderBy("c.closes_at", "desc")
    .execute();
  return rows.map(toSummary);
}

export async function findConsultationBySlug(db: Db, slug: string): Promise<ConsultationSummary | undefined> {
  const row = await baseQuery(db).where("c.slug", "=", slug).executeTakeFirst();
  return row ? toSummary(row) : undefined;
}

export interface VersionInfo {
  id: string;
  number: number;
  publishedAt: Date | null;
  createdAt: Date;
  note: Localized | null;
  blockCount: number;
}

export async function listVersions(db: Db, consultationId: string): Promise<VersionInfo[]> {
  const rows = await db
    .selectFrom("document_versions as v")
    .select(["v.id", "v.number", "v.published_at", "v.created_at", "v.note"])
    .select((eb) => eb.selectFrom("blocks as b").select(eb.fn.countAll<string>().as("n")).whereRef("b.version_id", "=", "v.id").as("block_count"))
    .where("v.consultation_id", "=", consultationId)
    .orderBy("v.number", "asc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    publishedAt: r.published_at ? new Date(r.published_at) : null,
    createdAt: new Date(r.created_at),
    note: r.note,
    blockCount: Number(r.block_count ?? 0),
  }));
}

/** The version readers see: the latest published one. */
export function currentVersion(versions: VersionInfo[]): VersionInfo | undefined {
  return versions.filter((v) => v.publishedAt).at(-1);
}

export interface BlockView {
  id: string;
  key: string;
  kind: BlockKind;
  position: number;
  label: Localized | null;
  text: Localized;
  commentCount: number;
}

/** The blocks of a version; commentCount: the visible comments (replies included) made on each. */
export async function listBlocks(db: Db, versionId: string): Promise<BlockView[]> {
  const rows = await db
    .selectFrom("blocks as b")
    // Counted by triggers (ADR 0061); a block nobody commented on has no row.
    .leftJoin("block_stats as bs", "bs.block_id", "b.id")
    .select(["b.id", "b.lineage_key", "b.kind", "b.position", "b.label", "b.text", "bs.own_visible as n"])
    .where("b.version_id", "=", versionId)
    .orderBy("b.position")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    key: r.lineage_key,
    kind: r.kind,
    position: r.position,
    label: r.label,
    text: r.text,
    commentCount: Number(r.n ?? 0),
  }));
}

export { consultationStatus };
export type { SqlBool };
