/**
 * What publishing a version does to the document and its comments, inside the publish
 * transaction: map each block to its predecessor by lineage key (unchanged, changed, added,
 * removed), then carry every comment shown on the previous version onto the new one:
 * annotations are re-anchored (exact quote, then fuzzy), comments without a quote follow their
 * block, and whatever cannot be placed is kept as orphaned (shown with its original quote).
 */
import type { Db } from "~db/database.server";
import type { AnchorStatus, BlockChange, Lang, Localized } from "~db/schema";
import { contextAround } from "~/modules/comments/anchor";
import { reanchor } from "./reanchor";

interface VersionBlock {
  id: string;
  lineage_key: string;
  kind: string;
  label: Localized | null;
  text: Localized;
}

function sameBlock(a: VersionBlock, b: VersionBlock): boolean {
  return a.kind === b.kind && JSON.stringify(a.label ?? null) === JSON.stringify(b.label ?? null) && (["kk", "ru", "en"] as const).every((l) => (a.text[l] ?? "") === (b.text[l] ?? ""));
}

async function blocksOf(trx: Db, versionId: string): Promise<VersionBlock[]> {
  return trx.selectFrom("blocks").select(["id", "lineage_key", "kind", "label", "text"]).where("version_id", "=", versionId).orderBy("position").execute() as Promise<VersionBlock[]>;
}

export interface PublishMappingResult {
  previousVersionId: string | null;
  changes: Record<BlockChange, number>;
  anchors: Record<AnchorStatus, number>;
}

/** Runs in publishConsultation's transaction, after the new version got its published_at. */
export async function mapPublishedVersion(trx: Db, consultationId: string, versionId: string): Promise<PublishMappingResult> {
  const current = await trx.selectFrom("document_versions").select("number").where("id", "=", versionId).executeTakeFirstOrThrow();
  const previous = await trx
    .selectFrom("document_versions")
    .select("id")
    .where("consultation_id", "=", consultationId)
    .where("published_at", "is not", null)
    .where("number", "<", current.number)
    .orderBy("number", "desc")
    .limit(1)
    .executeTakeFirst();
  const changes: Record<BlockChange, number> = { unchanged: 0, changed: 0, added: 0, removed: 0 };
  const anchorCounts: Record<AnchorStatus, number> = { original: 0, exact: 0, fuzzy: 0, block: 0, orphaned: 0 };
  const newBlocks = await blocksOf(trx, versionId);
  const oldBlocks = previous ? await blocksOf(trx, previous.id) : [];
  const oldByKey = new Map(oldBlocks.map((b) => [b.lineage_key, b]));
  const newByKey = new Map(newBlocks.map((b) => [b.lineage_key, b]));
  const rows: Array<{ version_id: string; lineage_key: string; block_id: string | null; previous_block_id: string | null; change: BlockChange }> = [];
  for (const b of newBlocks) {
    const old = oldByKey.get(b.lineage_key);
    const change: BlockChange = !old ? "added" : sameBlock(old, b) ? "unchanged" : "changed";
    rows.push({ version_id: versionId, lineage_key: b.lineage_key, block_id: b.id, previous_block_id: old?.id ?? null, change });
  }
  for (const old of oldBlocks) if (!newByKey.has(old.lineage_key)) rows.push({ version_id: versionId, lineage_key: old.lineage_key, block_id: null, previous_block_id: old.id, change: "removed" });
  for (const r of rows) changes[r.change] += 1;
  for (let i = 0; i < rows.length; i += 500) await trx.insertInto("block_changes").values(rows.slice(i, i + 500)).execute();
  if (!previous) return { previousVersionId: null, changes, anchors: anchorCounts };

  // Every top-level comment on the previous version: its own, and those carried onto it.
  const own = await trx
    .selectFrom("comments")
    .select(["id", "block_id", "anchor_lang", "anchor_start", "anchor_end", "anchor_exact", "anchor_prefix", "anchor_suffix"])
    .where("version_id", "=", previous.id)
    .where("block_id", "is not", null)
    .where("parent_id", "is", null)
    .execute();
  const carried = await trx
    .selectFrom("comment_anchors as a")
    .innerJoin("comments as c", "c.id", "a.comment_id")
    .select(["a.comment_id as id", "a.block_id", "a.status", "a.anchor_start", "a.anchor_end", "a.anchor_exact", "c.anchor_lang", "c.anchor_exact as original_exact"])
    .where("a.version_id", "=", previous.id)
    .execute();
  const oldById = new Map(oldBlocks.map((b) => [b.id, b]));
  type Item = { id: string; blockId: string | null; lang: Lang | null; start: number | null; end: number | null; exact: string | null; orphaned: boolean };
  const items: Item[] = [
    ...own.map((c) => ({ id: c.id, blockId: c.block_id, lang: c.anchor_lang, start: c.anchor_start, end: c.anchor_end, exact: c.anchor_exact, orphaned: false })),
    ...carried.map((c) => ({ id: c.id, blockId: c.block_id, lang: c.anchor_lang, start: c.anchor_start, end: c.anchor_end, exact: c.original_exact === null ? null : c.anchor_exact, orphaned: c.status === "orphaned" })),
  ];
  const anchorRows: Array<{ comment_id: string; version_id: string; block_id: string | null; status: AnchorStatus; anchor_start: number | null; anchor_end: number | null; anchor_exact: string | null }> = [];
  for (const item of items) {
    const oldBlock = item.blockId ? oldById.get(item.blockId) : undefined;
    const successor = oldBlock ? newByKey.get(oldBlock.lineage_key) : undefined;
    const orphan = () => anchorRows.push({ comment_id: item.id, version_id: versionId, block_id: null, status: "orphaned", anchor_start: null, anchor_end: null, anchor_exact: null });
    if (item.orphaned || !oldBlock || !successor) {
      orphan();
      continue;
    }
    if (item.exact === null || item.start === null || item.end === null || !item.lang) {
      anchorRows.push({ comment_id: item.id, version_id: versionId, block_id: successor.id, status: "block", anchor_start: null, anchor_end: null, anchor_exact: null });
      continue;
    }
    const oldText = oldBlock.text[item.lang] ?? "";
    const newText = successor.text[item.lang] ?? "";
    // The context is read from the old version's text: it is what surrounded the quote there.
    const context = contextAround(oldText, item.start, item.end);
    const placed = reanchor({ start: item.start, end: item.end, exact: item.exact, ...context }, newText);
    if (placed.status === "orphaned") orphan();
    else anchorRows.push({ comment_id: item.id, version_id: versionId, block_id: successor.id, status: placed.status, anchor_start: placed.start, anchor_end: placed.end, anchor_exact: placed.exact });
  }
  for (const r of anchorRows) anchorCounts[r.status] += 1;
  for (let i = 0; i < anchorRows.length; i += 500) await trx.insertInto("comment_anchors").values(anchorRows.slice(i, i + 500)).execute();
  return { previousVersionId: previous.id, changes, anchors: anchorCounts };
}
