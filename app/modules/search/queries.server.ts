/**
 * Reads that turn PostgreSQL rows into search documents, one loader per source kind. What is
 * searchable: published consultations, the blocks of their current published version, and
 * visible comments; hidden or withdrawn comments and unpublished drafts are not.
 */
import { sql } from "kysely";
import type { Db } from "~db/database.server";
import type { Lang, Localized } from "~db/schema";
import { languages, pickLocalized } from "~/utils/i18n";
import { documentId, type SearchDocument } from "./search.schema";

/** The block anchor of the draft page (same rule as blockAnchor() in TableOfContents.tsx). */
function blockAnchor(key: string): string {
  return `block-${key.replace(/[^A-Za-z0-9_.-]/g, "_")}`;
}

function plain(value: unknown): Localized {
  const v = (typeof value === "string" ? JSON.parse(value) : value) as Partial<Localized> | null;
  return { kk: v?.kk ?? "", ru: v?.ru ?? "", en: v?.en ?? "" };
}

function authorType(orgKind: string | null, role: string | null): string {
  if (orgKind === "ngo") return "ngo";
  if (orgKind === "government_body") return "government_body";
  if (orgKind) return "other";
  return role === "staff" ? "government_body" : "individual";
}

/** Consultation ids in id order after `after`, for batched full loads. */
async function idsPage(db: Db, table: "consultations" | "comments", after: string | null, limit: number): Promise<string[]> {
  let q = db.selectFrom(table).select("id").orderBy("id").limit(limit);
  if (after) q = q.where("id", ">", after);
  return (await q.execute()).map((r) => r.id);
}

// ---- consultations -------------------------------------------------------------------------

export async function loadConsultationDocuments(db: Db, ids: string[], indexedAt: Date): Promise<SearchDocument[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom("consultations")
    .select(["id", "slug", "title", "summary", "published_at"])
    .where("id", "in", ids)
    .where("published_at", "is not", null)
    .execute();
  const docs: SearchDocument[] = [];
  for (const r of rows) {
    const title = plain(r.title);
    const summary = plain(r.summary);
    for (const lang of languages) {
      if (!title[lang].trim() && !summary[lang].trim()) continue;
      docs.push({
        id: documentId("consultation", r.id, lang),
        kind: "consultation",
        sourceId: r.id,
        consultationId: r.id,
        consultationSlug: r.slug,
        consultationTitle: pickLocalized(title, lang).text,
        blockId: null,
        blockLabel: null,
        lang,
        status: null,
        authorType: "government_body",
        text: [title[lang], summary[lang]].filter((t) => t.trim()).join("\n\n"),
        quote: null,
        answer: null,
        date: new Date(r.published_at!),
        support: 0,
        path: `/consultations/${r.slug}`,
        indexedAt,
      });
    }
  }
  return docs;
}

export const pageConsultationIds = (db: Db, after: string | null, limit: number) => idsPage(db, "consultations", after, limit);

// ---- blocks ----------------------------------------------------------------------------------

/** Every block id of every version of these consultations (old versions' blocks leave the index). */
export async function blockIdsOfConsultations(db: Db, consultationIds: string[]): Promise<string[]> {
  if (!consultationIds.length) return [];
  const rows = await db
    .selectFrom("blocks as b")
    .innerJoin("document_versions as v", "v.id", "b.version_id")
    .select("b.id")
    .where("v.consultation_id", "in", consultationIds)
    .execute();
  return rows.map((r) => r.id);
}

/** The current version of a consultation: its latest published one. */
const currentVersion = sql<boolean>`v.published_at is not null and v.number = (
  select max(v2.number) from document_versions v2 where v2.consultation_id = v.consultation_id and v2.published_at is not null)`;

export async function loadBlockDocuments(db: Db, ids: string[], indexedAt: Date): Promise<SearchDocument[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom("blocks as b")
    .innerJoin("document_versions as v", "v.id", "b.version_id")
    .innerJoin("consultations as c", "c.id", "v.consultation_id")
    .select(["b.id", "b.lineage_key", "b.label", "b.text", "v.published_at", "c.id as consultation_id", "c.slug", "c.title"])
    .where("b.id", "in", ids)
    .where("c.published_at", "is not", null)
    .where(currentVersion)
    .execute();
  const docs: SearchDocument[] = [];
  for (const r of rows) {
    const text = plain(r.text);
    const label = r.label ? plain(r.label) : null;
    const title = plain(r.title);
    for (const lang of languages) {
      if (!text[lang].trim()) continue;
      docs.push({
        id: documentId("block", r.id, lang),
        kind: "block",
        sourceId: r.id,
        consultationId: r.consultation_id,
        consultationSlug: r.slug,
        consultationTitle: pickLocalized(title, lang).text,
        blockId: r.id,
        blockLabel: label ? label[lang] || null : null,
        lang,
        status: null,
        authorType: "government_body",
        text: text[lang],
        quote: null,
        answer: null,
        date: new Date(r.published_at!),
        support: 0,
        path: `/consultations/${r.slug}#${blockAnchor(r.lineage_key)}`,
        indexedAt,
      });
    }
  }
  return docs;
}

export async function pageCurrentBlockIds(db: Db, after: string | null, limit: number): Promise<string[]> {
  let q = db
    .selectFrom("blocks as b")
    .innerJoin("document_versions as v", "v.id", "b.version_id")
    .innerJoin("consultations as c", "c.id", "v.consultation_id")
    .select("b.id")
    .where("c.published_at", "is not", null)
    .where(currentVersion)
    .orderBy("b.id")
    .limit(limit);
  if (after) q = q.where("b.id", ">", after);
  return (await q.execute()).map((r) => r.id);
}

// ---- comments --------------------------------------------------------------------------------

export async function loadCommentDocuments(db: Db, ids: string[], indexedAt: Date): Promise<SearchDocument[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom("comments as cm")
    .innerJoin("consultations as c", "c.id", "cm.consultation_id")
    .innerJoin("users as u", "u.id", "cm.author_id")
    .leftJoin("organizations as o", "o.id", "cm.organization_id")
    .leftJoin("blocks as b", "b.id", "cm.block_id")
    .leftJoin("comment_responses as r", "r.comment_id", "cm.id")
    .select(["cm.id", "cm.body", "cm.lang", "cm.block_id", "cm.created_at", "c.id as consultation_id", "c.slug", "c.title", "u.role", "o.kind as org_kind", "b.label as block_label"])
    // Annotations are comments with a quoted span; the published answer travels with its comment.
    .select(["cm.anchor_exact", "r.published_status", "r.published_justification"])
    .select((eb) => eb.selectFrom("comment_supports as s").select(eb.fn.countAll<string>().as("n")).whereRef("s.comment_id", "=", "cm.id").as("supports"))
    .where("cm.id", "in", ids)
    .where("cm.status", "=", "visible")
    .where("c.published_at", "is not", null)
    .execute();
  return rows.map((r): SearchDocument => {
    const lang = r.lang as Lang;
    const answer = r.published_status && r.published_justification ? pickLocalized(plain(r.published_justification), lang).text || null : null;
    return {
      // One id scheme for comments and annotations, so either is removed by the same outbox row.
      id: documentId("comment", r.id),
      kind: r.anchor_exact ? "annotation" : "comment",
      sourceId: r.id,
      consultationId: r.consultation_id,
      consultationSlug: r.slug,
      consultationTitle: pickLocalized(plain(r.title), lang).text,
      blockId: r.block_id,
      blockLabel: r.block_label ? pickLocalized(plain(r.block_label), lang).text || null : null,
      lang,
      status: (r.published_status as SearchDocument["status"]) ?? "unanswered",
      authorType: authorType(r.org_kind, r.role),
      text: r.body,
      quote: r.anchor_exact ?? null,
      answer,
      date: new Date(r.created_at),
      support: Number(r.supports ?? 0),
      path: `/consultations/${r.slug}/comments?block=${r.block_id ?? "general"}#comment-${r.id}`,
      indexedAt,
    };
  });
}

export const pageCommentIds = (db: Db, after: string | null, limit: number) => idsPage(db, "comments", after, limit);

export async function countRows(db: Db, what: "consultation" | "block" | "comment"): Promise<number> {
  if (what === "block") {
    const r = await db
      .selectFrom("blocks as b")
      .innerJoin("document_versions as v", "v.id", "b.version_id")
      .innerJoin("consultations as c", "c.id", "v.consultation_id")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("c.published_at", "is not", null)
      .where(currentVersion)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
  const r = await db
    .selectFrom(what === "consultation" ? "consultations" : "comments")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// ---- index and delivery state ------------------------------------------------------------

export interface DeliveryBacklog {
  pending: number;
  failing: number;
  lastError: string | null;
}

export async function deliveryBacklog(db: Db, consumer: string): Promise<DeliveryBacklog> {
  const { rows } = await sql<{ pending: string; failing: string; last_error: string | null }>`
    select count(*)::text as pending, count(*) filter (where last_error is not null)::text as failing,
      (select last_error from outbox_deliveries where consumer = ${consumer} and processed_at is null and last_error is not null order by outbox_id desc limit 1) as last_error
    from outbox_deliveries where consumer = ${consumer} and processed_at is null`.execute(db);
  return { pending: Number(rows[0]?.pending ?? 0), failing: Number(rows[0]?.failing ?? 0), lastError: rows[0]?.last_error ?? null };
}

export async function findIndexBuilt(db: Db, indexName: string): Promise<{ builtAt: Date; documents: number } | undefined> {
  const row = await db.selectFrom("search_index_state").select(["built_at", "documents"]).where("index_name", "=", indexName).executeTakeFirst();
  return row ? { builtAt: new Date(row.built_at), documents: row.documents } : undefined;
}

/** Titles of published consultations by slug (facet labels on the search page). */
export async function consultationTitlesBySlug(db: Db, slugs: string[]): Promise<Record<string, Localized>> {
  if (!slugs.length) return {};
  const rows = await db.selectFrom("consultations").select(["slug", "title"]).where("slug", "in", slugs).where("published_at", "is not", null).execute();
  return Object.fromEntries(rows.map((r) => [r.slug, plain(r.title)]));
}
