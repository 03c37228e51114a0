/**
 * The report as CSV, one row per comment (hidden and withdrawn included, marked), streamed from
 * the stored build through csv-stringify with back-pressure. UTF-8 with a BOM so Excel shows
 * Cyrillic.
 */
import { PassThrough, type Readable } from "node:stream";
import { stringify } from "csv-stringify";
import type { Db } from "~db/database.server";
import type { Lang } from "~db/schema";
import { pickLocalized } from "~/utils/i18n";
import { buildItemBatches, currentReport, type ReportBuildSettings, type StoredReport } from "./builds.server";

export const CSV_COLUMNS = [
  "comment_id",
  "created_at",
  "article",
  "block_key",
  "author",
  "organization",
  "language",
  "comment_status",
  "moderation_reason",
  "comment",
  "response_status",
  "justification_kk",
  "justification_ru",
  "justification_en",
  "responded_at",
  "similar_group",
  "similar_group_size",
] as const;

/**
 * The CSV of a consultation's stored public report (builds.server.ts; made now if there is none
 * yet). Items are read in keyset batches from the build and written with back-pressure, so the
 * server holds one batch whatever the size of the report; nothing is recomputed.
 */
export async function reportCsvStream(db: Db, consultationId: string, lang: Lang, settings?: Pick<ReportBuildSettings, "readMode">): Promise<Readable> {
  const build = await currentReport(db, consultationId, settings);
  return buildCsvStream(db, build, lang);
}

/** The CSV of one stored build. */
export function buildCsvStream(db: Db, build: StoredReport, lang: Lang): Readable {
  const consultationId = build.consultationId;
  const csv = stringify({ bom: true, header: true, columns: [...CSV_COLUMNS], record_delimiter: "windows" });
  const out = new PassThrough();
  csv.pipe(out);
  const write = (record: Record<string, string | number>) =>
    new Promise<void>((resolve, reject) => {
      if (csv.write(record)) resolve();
      else {
        csv.once("drain", resolve);
        csv.once("error", reject);
      }
    });
  void (async () => {
    try {
      for await (const items of buildItemBatches(db, build)) {
        for (const { comment: c, response: r } of items) {
          const visible = c.status === "visible";
          const justification = r?.justification ?? {};
          await write({
            comment_id: c.id,
            created_at: c.createdAt,
            article: c.articleKey ? pickLocalized(c.articleLabel, lang).text || c.articleKey : "",
            block_key: c.blockKey ?? "",
            author: !visible ? "" : c.pseudonym ? `participant-${c.pseudonym}` : c.authorName ?? "",
            organization: visible && c.organization ? pickLocalized(c.organization, lang).text : "",
            language: c.lang,
            comment_status: c.status,
            moderation_reason: c.status === "hidden" ? c.statusReason ?? "" : "",
            comment: visible ? c.body : "",
            response_status: r ? r.status : "",
            justification_kk: r ? justification.kk ?? "" : "",
            justification_ru: r ? justification.ru ?? "" : "",
            justification_en: r ? justification.en ?? "" : "",
            responded_at: r ? r.respondedAt : "",
            similar_group: c.group?.key ?? "",
            similar_group_size: c.group?.size ?? "",
          });
        }
      }
      csv.end();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}
