import { LRUCache } from "lru-cache";
import type { Db } from "~db/database.server";

/** A block of any version of the consultation, by id. */
export async function findBlock(db: Db, consultationId: string, blockId: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(blockId)) return undefined;
  return db
    .selectFrom("blocks as b")
    .innerJoin("document_versions as v", "v.id", "b.version_id")
    .select(["b.id", "b.lineage_key", "b.kind", "b.label", "b.text", "b.version_id"])
    .where("b.id", "=", blockId)
    .where("v.consultation_id", "=", consultationId)
    .executeTakeFirst();
}

/** A version's blocks with their Lexical content, in order. */
export async function listVersionBlocks(db: Db, versionId: string) {
  return db
    .selectFrom("blocks")
    .select(["id", "lineage_key", "kind", "position", "label", "text", "content"])
    .where("version_id", "=", versionId)
    .orderBy("position")
    .execute();
}

type VersionBlockRow = Awaited<ReturnType<typeof listVersionBlocks>>[number];

// A published version never changes (ADR 0013): its blocks are read once per process.
const publishedBlocks = new LRUCache<string, VersionBlockRow[]>({ max: 64 });

/** The blocks of a version; a published one's from memory after the first read. */
export async function versionBlocks(db: Db, versionId: string, published: boolean): Promise<VersionBlockRow[]> {
  if (!published) return listVersionBlocks(db, versionId);
  const cached = publishedBlocks.get(versionId);
  if (cached) return cached;
  const rows = await listVersionBlocks(db, versionId);
  publishedBlocks.set(versionId, rows);
  return rows;
}

/** How each block of a version relates to the version before it. */
export async function listBlockChanges(db: Db, versionId: string) {
  return db.selectFrom("block_changes").select(["lineage_key", "block_id", "previous_block_id", "change"]).where("version_id", "=", versionId).execute();
}

/** The editor's autosaved documents of a consultation, by language. */
export async function getEditorDocuments(db: Db, consultationId: string) {
  const rows = await db.selectFrom("document_drafts").select(["lang", "content", "revision", "updated_at"]).where("consultation_id", "=", consultationId).execute();
  return Object.fromEntries(rows.map((r) => [r.lang, { content: r.content, revision: r.revision, updatedAt: new Date(r.updated_at) }])) as Partial<Record<"kk" | "ru" | "en", { content: unknown; revision: number; updatedAt: Date }>>;
}
