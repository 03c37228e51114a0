import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, openDataResponse } from "~/modules/consultations/open-data.server";
import { listPlan } from "~/modules/plan/queries.server";
import { isLate, quarterEnd } from "~/modules/plan/rules";
import { shareRender } from "~/utils/shared-render.server";
import { SITE_SCOPE } from "~/modules/changes/changes.server";

/** GET /api/v1/plan?year=2027: every body's annual consultation plan (default: this year). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const raw = new URL(request.url).searchParams.get("year");
  const year = raw === null || raw === "" ? new Date().getUTCFullYear() : Number(raw);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return apiError(400, "bad_year", `year must be a whole number from 2000 to 2100 (got "${raw}")`);
  const items = await listPlan(context.app.db, year);
  shareRender(context, [SITE_SCOPE]);
  return openDataResponse({
    year,
    items: items.map((i) => ({
      id: i.id,
      body: { slug: i.body.slug, name: i.body.name },
      kind: i.kind,
      consultationType: i.consultationType,
      title: i.title,
      quarter: i.quarter,
      quarterEndsAt: quarterEnd(i.year, i.quarter).toISOString(),
      status: i.status,
      late: isLate(i.status),
      // A linked consultation is public only once published.
      consultation: i.consultation?.publishedAt ? { slug: i.consultation.slug, status: i.consultation.status, opensAt: i.consultation.opensAt.toISOString(), closesAt: i.consultation.closesAt.toISOString() } : null,
    })),
  });
}
