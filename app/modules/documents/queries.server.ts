import type { Db } from "~db/database.server";

/** A block of any version of the consultation, by id. */
export async function findBlock(db: Db, consultationId: string, blockId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(blockId)) return undefined;
  return db
    .selectFrom("blocks as b")
    .innerJoin("document_versions as v", "v.id", "b.version_id")
    .select(["b.id", "b.lineage_key", "b.kind", "b.label", "b.text", "b.version_id"])
    .where("b.id", "=", blockId)
    .where("v.consultation_id", "=", consultationId)
    .executeTakeFirst();
}
