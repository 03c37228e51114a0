import type { Db } from "~db/database.server";

export async function listAttachments(db: Db, consultationId: string) {
  return db
    .selectFrom("attachments as a")
    .leftJoin("document_versions as v", "v.id", "a.version_id")
    .select(["a.id", "a.kind", "a.file_name", "a.content_type", "a.size_bytes", "a.created_at", "v.number as version_number"])
    .where("a.consultation_id", "=", consultationId)
    .orderBy("a.created_at")
    .execute();
}

export async function findAttachment(db: Db, id: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  return db
    .selectFrom("attachments as a")
    .innerJoin("consultations as c", "c.id", "a.consultation_id")
    .select(["a.id", "a.file_name", "a.content_type", "a.size_bytes", "a.storage_key", "a.sha256", "c.published_at", "c.organization_id"])
    .where("a.id", "=", id)
    .executeTakeFirst();
}
