import type { Db } from "~db/database.server";
import type { Lang } from "~db/schema";

/** The editor's autosave: one Lexical document per consultation and language, last write wins. */
export async function saveEditorDocument(db: Db, input: { consultationId: string; lang: Lang; content: unknown; userId: string }): Promise<{ revision: number; savedAt: Date }> {
  const now = new Date();
  const row = await db
    .insertInto("document_drafts")
    .values({ consultation_id: input.consultationId, lang: input.lang, content: JSON.stringify(input.content), updated_by: input.userId, updated_at: now })
    .onConflict((oc) =>
      oc.columns(["consultation_id", "lang"]).doUpdateSet((eb) => ({ content: eb.ref("excluded.content"), updated_by: eb.ref("excluded.updated_by"), updated_at: eb.ref("excluded.updated_at"), revision: eb("document_drafts.revision", "+", 1) })),
    )
    .returning(["revision"])
    .executeTakeFirstOrThrow();
  return { revision: row.revision, savedAt: now };
}

/** Forgets the editor documents (after they became a version, or to start again from the text). */
export async function clearEditorDocuments(db: Db, consultationId: string): Promise<void> {
  await db.deleteFrom("document_drafts").where("consultation_id", "=", consultationId).execute();
}
