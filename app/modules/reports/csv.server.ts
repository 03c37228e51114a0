/**
 * The report as CSV, one row per comment (hidden and withdrawn included, marked), streamed:
 * rows are read in keyset-paginated batches and written through csv-stringify with back-pressure,
 * so memory stays flat however many comments there are. UTF-8 with a BOM so Excel shows Cyrillic.
 */
import { PassThrough, type Readable } from "node:stream";
import { stringify } from "csv-stringify";
import type { Db } from "~db/database.server";
import type { Lang } from "~db/schema";
import { loadSimilarGroups } from "~/modules/responses/queries.server";
import { pickLocalized } from "~/utils/i18n";
import { blocksWithArticles, pseudonymFor } from "./queries.server";

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

const BATCH = 500;

export async function reportCsvStream(db: Db, consultationId: string, lang: Lang): Promise<Readable> {
  const blocks = new Map((await blocksWithArticles(db, consultationId)).map((b) => [b.id, b]));
  const groups = await loadSimilarGroups(db, consultationId);
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
    let cursor: { createdAt: Date; id: string } | undefined;
    try {
      for (;;) {
        let query = db
          .selectFrom("comments as cm")
          .innerJoin("users as u", "u.id", "cm.author_id")
          .leftJoin("organizations as o", "o.id", "cm.organization_id")
          .leftJoin("comment_responses as r", "r.comment_id", "cm.id")
          .select([
            "cm.id",
            "cm.created_at",
            "cm.block_id",
            "cm.body",
            "cm.lang",
            "cm.status",
            "cm.status_reason",
            "cm.pseudonymous",
            "cm.author_id",
            "u.name as author_name",
            "o.name as org_name",
            "r.published_status",
            "r.published_justification",
            "r.published_at",
          ])
          .where("cm.consultation_id", "=", consultationId);
        if (cursor) {
          const { createdAt, id } = cursor;
          query = query.where((eb) => eb.or([eb("cm.created_at", ">", createdAt), eb.and([eb("cm.created_at", "=", createdAt), eb("cm.id", ">", id)])]));
        }
        const rows = await query.orderBy("cm.created_at").orderBy("cm.id").limit(BATCH).execute();
        for (const r of rows) {
          const visible = r.status === "visible";
          const block = r.block_id ? blocks.get(r.block_id) : undefined;
          const group = visible ? groups.byComment.get(r.id) : undefined;
          const justification = r.published_justification ?? {};
          await write({
            comment_id: r.id,
            created_at: new Date(r.created_at).toISOString(),
            article: block ? pickLocalized(block.articleLabel, lang).text || block.articleKey : "",
            block_key: block?.key ?? "",
            author: !visible ? "" : r.pseudonymous ? `participant-${pseudonymFor(consultationId, r.author_id)}` : r.author_name,
            organization: visible && !r.pseudonymous && r.org_name ? pickLocalized(r.org_name, lang).text : "",
            language: r.lang,
            comment_status: r.status,
            moderation_reason: r.status === "hidden" ? r.status_reason ?? "" : "",
            comment: visible ? r.body : "",
            response_status: r.published_at ? r.published_status ?? "" : "",
            justification_kk: r.published_at ? justification.kk ?? "" : "",
            justification_ru: r.published_at ? justification.ru ?? "" : "",
            justification_en: r.published_at ? justification.en ?? "" : "",
            responded_at: r.published_at ? new Date(r.published_at).toISOString() : "",
            similar_group: group?.key ?? "",
            similar_group_size: group?.size ?? "",
          });
        }
        if (rows.length < BATCH) break;
        const last = rows[rows.length - 1];
        cursor = { createdAt: new Date(last.created_at), id: last.id };
      }
      csv.end();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}
