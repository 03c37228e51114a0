import { sql } from "kysely";
import type { Db } from "~db/database.server";
import type { CommentStatus, Lang, Localized } from "~db/schema";

export interface ModerationItem {
  commentId: string;
  consultation: { slug: string; title: Localized };
  body: string;
  lang: Lang;
  status: CommentStatus;
  statusReason: string | null;
  authorName: string;
  createdAt: Date;
  flags: { reason: string; by: string; at: Date }[];
  statusChangedBy: string | null;
  statusChangedAt: Date | null;
}

/** Flagged comments waiting for a moderator (oldest flag first), and the hidden ones to restore. */
export async function listModerationQueue(db: Db, view: "flagged" | "hidden", limit = 100): Promise<ModerationItem[]> {
  let query = db
    .selectFrom("comments as cm")
    .innerJoin("consultations as c", "c.id", "cm.consultation_id")
    .innerJoin("users as u", "u.id", "cm.author_id")
    .leftJoin("users as m", "m.id", "cm.status_changed_by")
    .select([
      "cm.id",
      "cm.body",
      "cm.lang",
      "cm.status",
      "cm.status_reason",
      "cm.created_at",
      "cm.status_changed_at",
      "u.name as author_name",
      "m.name as moderator_name",
      "c.slug",
      "c.title",
      sql<string | null>`(select min(f.created_at)::text from comment_flags f where f.comment_id = cm.id and f.resolved_at is null)`.as("first_flag"),
    ]);
  if (view === "flagged") query = query.where(sql<boolean>`exists (select 1 from comment_flags f where f.comment_id = cm.id and f.resolved_at is null)`).orderBy(sql`first_flag`);
  else query = query.where("cm.status", "=", "hidden").orderBy("cm.status_changed_at", "desc");
  const rows = await query.limit(limit).execute();
  const ids = rows.map((r) => r.id);
  const flags = ids.length
    ? await db
        .selectFrom("comment_flags as f")
        .innerJoin("users as u", "u.id", "f.flagged_by")
        .select(["f.comment_id", "f.reason", "f.created_at", "u.name"])
        .where("f.comment_id", "in", ids)
        .where("f.resolved_at", "is", null)
        .orderBy("f.created_at")
        .execute()
    : [];
  return rows.map((r) => ({
    commentId: r.id,
    consultation: { slug: r.slug, title: r.title },
    body: r.body,
    lang: r.lang,
    status: r.status,
    statusReason: r.status_reason,
    authorName: r.author_name,
    createdAt: new Date(r.created_at),
    flags: flags.filter((f) => f.comment_id === r.id).map((f) => ({ reason: f.reason, by: f.name, at: new Date(f.created_at) })),
    statusChangedBy: r.moderator_name,
    statusChangedAt: r.status_changed_at ? new Date(r.status_changed_at) : null,
  }));
}

export async function findCommentForFlag(db: Db, commentId: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(commentId)) return undefined;
  return db
    .selectFrom("comments as cm")
    .innerJoin("consultations as c", "c.id", "cm.consultation_id")
    .select(["cm.id", "cm.body", "cm.status", "cm.lang", "c.slug", "c.title"])
    .where("cm.id", "=", commentId)
    .executeTakeFirst();
}
