/**
 * Attachments (explanatory memorandum, comparative table, regulatory impact analysis): the file
 * is written under the attachments directory by a random name, then recorded; the original
 * name is kept only as a cleaned download name.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Db } from "~db/database.server";
import type { AttachmentKind } from "~db/schema";
import { recordAudit } from "~/modules/audit/audit.server";
import { ATTACHMENT_MAX_BYTES, attachmentKinds, fileTypes, safeFileName, sniffFileType } from "./attachment.schema";

export type AttachError = "errors.attachment_missing" | "errors.attachment_too_large" | "errors.attachment_type" | "errors.attachment_kind";

export async function addAttachment(
  db: Db,
  dir: string,
  input: { consultationId: string; versionId: string | null; kind: string; file: { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> } | null; actorId: string },
): Promise<{ ok: true; id: string } | { ok: false; error: AttachError }> {
  if (!(attachmentKinds as readonly string[]).includes(input.kind)) return { ok: false, error: "errors.attachment_kind" };
  if (!input.file || input.file.size === 0) return { ok: false, error: "errors.attachment_missing" };
  if (input.file.size > ATTACHMENT_MAX_BYTES) return { ok: false, error: "errors.attachment_too_large" };
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const type = sniffFileType(bytes);
  if (!type) return { ok: false, error: "errors.attachment_type" };
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const storageKey = `${sha256.slice(0, 2)}/${randomUUID()}`;
  const target = path.join(dir, storageKey);
  await mkdir(path.dirname(target), { recursive: true });
  // Written under a temporary name first: a crash never leaves a half file under a recorded key.
  await writeFile(`${target}.part`, bytes);
  await rename(`${target}.part`, target);
  try {
    const id = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("attachments")
        .values({
          consultation_id: input.consultationId,
          version_id: input.versionId,
          kind: input.kind as AttachmentKind,
          file_name: safeFileName(input.file!.name, type),
          content_type: fileTypes[type].contentType,
          size_bytes: bytes.byteLength,
          sha256,
          storage_key: storageKey,
          uploaded_by: input.actorId,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, { actorId: input.actorId, action: "attachment.added", subject: `consultation:${input.consultationId}`, data: { attachmentId: row.id, sha256 } });
      return row.id;
    });
    return { ok: true, id };
  } catch (error) {
    await rm(target, { force: true });
    throw error;
  }
}
