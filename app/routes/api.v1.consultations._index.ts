import type { LoaderFunctionArgs } from "@remix-run/node";
import { listConsultations } from "~/modules/consultations/queries.server";
import { consultationJson, openDataResponse } from "~/modules/consultations/open-data.server";
import { shareListPage } from "~/utils/shared-render.server";

/** GET /api/v1/consultations: every published consultation. */
export async function loader({ context }: LoaderFunctionArgs) {
  const items = await listConsultations(context.app.db);
  shareListPage(context, items);
  return openDataResponse({ items: items.map(consultationJson) });
}
