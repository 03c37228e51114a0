/**
 * Running a search for a page or the API: the configured index, the parsed parameters, and the
 * public JSON shape of a hit. An unreachable index is reported, never a 500.
 */
import type { Db } from "~db/database.server";
import type { Config } from "~/utils/env.server";
import { encodeCursor, type Facets, type ParsedSearchParams, type SearchHit } from "./search.schema";
import { searchIndexFor } from "./service.server";

export interface HitJson {
  id: string;
  kind: SearchHit["document"]["kind"];
  consultation: { slug: string; title: string };
  blockId: string | null;
  blockLabel: string | null;
  text: string;
  quote: string | null;
  highlight: string;
  lang: SearchHit["document"]["lang"];
  status: string | null;
  authorType: string | null;
  date: string;
  sourceId: string;
  url: string;
}

export function hitJson(hit: SearchHit): HitJson {
  const d = hit.document;
  return {
    id: d.id,
    kind: d.kind,
    consultation: { slug: d.consultationSlug, title: d.consultationTitle },
    blockId: d.blockId,
    blockLabel: d.blockLabel,
    text: d.text,
    quote: d.quote,
    highlight: hit.highlight,
    lang: d.lang,
    status: d.status,
    authorType: d.authorType,
    date: d.date.toISOString(),
    sourceId: d.sourceId,
    url: `/${d.lang}${d.path}`,
  };
}

export type SearchOutcome =
  | { ok: true; total: number; totalExact: boolean; hits: HitJson[]; facets: Facets; nextCursor: string | null; prevCursor: string | null; offset: number }
  | { ok: false; error: "unavailable"; message: string };

export async function runSearch(app: { db: Db; config: Pick<Config, "meiliUrl" | "meiliMasterKey"> }, params: ParsedSearchParams): Promise<SearchOutcome> {
  const index = searchIndexFor(app);
  try {
    const result = await index.search({ ...params });
    const end = params.offset + result.hits.length;
    return {
      ok: true,
      total: result.total,
      totalExact: result.totalExact,
      hits: result.hits.map(hitJson),
      facets: result.facets,
      nextCursor: end < result.total && result.hits.length === params.limit ? encodeCursor(end) : null,
      prevCursor: params.offset > 0 ? encodeCursor(Math.max(0, params.offset - params.limit)) : null,
      offset: params.offset,
    };
  } catch (error) {
    console.error(`[search] ${index.name} search failed:`, (error as Error).message);
    return { ok: false, error: "unavailable", message: "search is temporarily unavailable, please try again shortly" };
  }
}
