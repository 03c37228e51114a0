import { readFile } from "node:fs/promises";
import path from "node:path";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { canManageForOrganization } from "~/modules/accounts/permissions";
import { findAttachment } from "~/modules/attachments/queries.server";
import { getCurrentUser } from "~/utils/session.server";

/** GET /files/{id}: an attachment, with its real type and a safe download name. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const attachment = await findAttachment(context.app.db, params.id ?? "");
  const user = attachment && !attachment.published_at ? await getCurrentUser(request, context) : undefined;
  // Files of an unpublished consultation exist only for its body's staff.
  if (!attachment || (!attachment.published_at && !canManageForOrganization(user, attachment.organization_id))) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const bytes = await readFile(path.join(context.app.config.attachmentsDir, attachment.storage_key));
  const ascii = attachment.file_name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\;]/g, "_");
  return new Response(bytes, {
    headers: {
      "Content-Type": attachment.content_type,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(attachment.file_name)}`,
      // X-Content-Type-Options: nosniff comes with every response (app/modules/security/headers.server.ts).
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": attachment.published_at ? "public, max-age=3600" : "private, no-store",
      ETag: `"${attachment.sha256}"`,
    },
  });
}
