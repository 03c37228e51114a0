import type { LoaderFunctionArgs } from "@remix-run/node";
import { currentVersion, findConsultationBySlug, listBlocks, listVersions } from "~/modules/consultations/queries.server";
import { apiError, blockJson, consultationJson, openDataResponse, versionJson } from "~/modules/consultations/open-data.server";
import { getLotFeedbackSummaries } from "~/modules/lots/queries.server";
import { lotJson } from "~/modules/lots/present.server";
import { shareConsultationPage } from "~/utils/shared-render.server";

/** GET /api/v1/consultations/{slug}: the consultation, its current version's blocks and its versions. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const db = context.app.db;
  const consultation = await findConsultationBySlug(db, params.slug ?? "");
  if (!consultation || !consultation.publishedAt) return apiError(404, "not_found", `no consultation with slug "${params.slug}"`);
  shareConsultationPage(context, consultation);
  const versions = (await listVersions(db, consultation.id)).filter((v) => v.publishedAt);
  const version = currentVersion(versions);
  const blocks = version ? await listBlocks(db, version.id) : [];
  const lots = await getLotFeedbackSummaries(db, consultation.id);
  return openDataResponse({
    ...consultationJson(consultation),
    currentVersion: version?.number ?? null,
    blocks: blocks.map(blockJson),
    versions: versions.map(versionJson),
    lots: lots.map((s) => lotJson(s.lot, s, context.app.config.mciValues)),
  });
}
