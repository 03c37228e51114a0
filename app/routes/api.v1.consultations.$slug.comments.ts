import type { LoaderFunctionArgs } from "@remix-run/node";
import { decodeCursor, listComments } from "~/modules/comments/queries.server";
import { findConsultationBySlug } from "~/modules/consultations/queries.server";
import { apiError, commentJson, openDataResponse } from "~/modules/consultations/open-data.server";
import { shareConsultationPage } from "~/utils/shared-render.server";

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

/** GET /api/v1/consultations/{slug}/comments?limit=&cursor=: public comments, oldest first, keyset-paginated. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const db = context.app.db;
  const url = new URL(request.url);
  const limitParam = url.searchParams.get("limit");
  const limit = limitParam === null || limitParam === "" ? DEFAULT_LIMIT : Number(limitParam);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return apiError(400, "bad_limit", `limit must be an integer from 1 to ${MAX_LIMIT}`);
  const cursorParam = url.searchParams.get("cursor");
  const cursor = cursorParam ? decodeCursor(cursorParam) : undefined;
  if (cursorParam && !cursor) return apiError(400, "bad_cursor", "cursor is not one this API returned");
  const consultation = await findConsultationBySlug(db, params.slug ?? "");
  if (!consultation || !consultation.publishedAt) return apiError(404, "not_found", `no consultation with slug "${params.slug}"`);
  shareConsultationPage(context, consultation);
  const page = await listComments(db, consultation.id, { limit, cursor, publicOnly: true });
  return openDataResponse({ items: page.items.map(commentJson), nextCursor: page.nextCursor });
}
