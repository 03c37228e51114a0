import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, openDataResponse } from "~/modules/consultations/open-data.server";
import { parseSearchParams } from "~/modules/search/search.schema";
import { runSearch } from "~/modules/search/search.server";
import { shareRender } from "~/utils/shared-render.server";
import { SEARCH_SCOPE, SITE_SCOPE } from "~/modules/changes/changes.server";

/**
 * GET /api/v1/search?q=&consultation=&kind=&status=&lang=&limit=&cursor=
 *   (also block=<uuid>, author=individual|ngo|government_body|other, from=, to= (dates), sort=relevance|date|support)
 * → { total, totalExact, hits: [{ id, kind, consultation: { slug }, blockId, text, highlight, … }], facets, nextCursor }
 * `highlight` is HTML: the text escaped, matching words in <mark>. `totalExact` false: `total` is an
 * estimate (more than 1,000 matches) and facet counts are lower bounds (ADR 0067).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const parsed = parseSearchParams(new URL(request.url).searchParams);
  if (!parsed.ok) return apiError(400, "bad_parameter", parsed.problems.join("; "));
  shareRender(context, [SEARCH_SCOPE, SITE_SCOPE]);
  const outcome = await runSearch(context.app, parsed.value);
  if (!outcome.ok) return apiError(503, outcome.error, outcome.message);
  return openDataResponse({ total: outcome.total, totalExact: outcome.totalExact, hits: outcome.hits, facets: outcome.facets, nextCursor: outcome.nextCursor });
}
