/** Attachment rules shared by the upload form and the server: kinds, file types, size limit. */
import type { AttachmentKind } from "~db/schema";

export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const attachmentKinds = ["explanatory_memorandum", "comparative_table", "regulatory_impact", "other"] as const satisfies readonly AttachmentKind[];

export const fileTypes = {
  pdf: { contentType: "application/pdf", extension: ".pdf" },
  docx: { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extension: ".docx" },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: ".xlsx" },
} as const;
export type FileType = keyof typeof fileTypes;

/** A download name that is safe in a header and on every file system; the extension matches the type. */
export function safeFileName(name: string, type: FileType): string {
  const base = name
    .replace(/\.[A-Za-z0-9]{1,5}$/, "")
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f"\\/:*?<>|]+/g, " ")
    .replace(/^[.\s]+|[.\s]+$/g, "")
    .replace(/\s+/g, " ")
    .slice(0, 120);
  return `${base || "attachment"}${fileTypes[type].extension}`;
}

/** The file's real type from its first bytes (and, for Office files, the ZIP's content). */
export function sniffFileType(bytes: Uint8Array): FileType | undefined {
  const head = Buffer.from(bytes.subarray(0, 5)).toString("latin1");
  if (head === "%PDF-") return "pdf";
  if (bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    // The part names are stored uncompressed in the ZIP's headers.
    const text = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 4 * 1024 * 1024))).toString("latin1");
    if (text.includes("word/document.xml")) return "docx";
    if (text.includes("xl/workbook.xml")) return "xlsx";
  }
  return undefined;
}
