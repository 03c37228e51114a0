/**
 * Differences between two versions, article by article, in one language: blocks are matched by
 * lineage key (as the version mapping does) and their plain texts compared word by word.
 */
import { diffArrays } from "diff";
import type { Db } from "~db/database.server";
import type { BlockChange, BlockKind, Lang, Localized } from "~db/schema";
import { pickLocalized } from "~/utils/i18n";
import { listVersionBlocks } from "./queries.server";

export interface DiffPart {
  value: string;
  op: "same" | "add" | "del";
}

export interface BlockDiff {
  key: string;
  kind: BlockKind;
  change: BlockChange;
  label: string | null;
  parts: DiffPart[];
}

export interface ArticleDiff {
  /** The article's (or section's) lineage key: art-5, sec-2. */
  key: string;
  title: string;
  change: BlockChange;
  blocks: BlockDiff[];
}

/**
 * Word diff that treats every script alike: tokens are runs of letters/digits (Unicode, so
 * Kazakh and Russian words stay whole), runs of white space, and single other characters.
 */
export function diffText(a: string, b: string): DiffPart[] {
  const tokens = (s: string) => s.match(/[\p{L}\p{M}\p{N}]+|\s+|[^\p{L}\p{M}\p{N}\s]/gu) ?? [];
  const parts: DiffPart[] = [];
  for (const p of diffArrays(tokens(a), tokens(b))) {
    const op = p.added ? "add" : p.removed ? "del" : "same";
    const value = p.value.join("");
    const last = parts.at(-1);
    if (last && last.op === op) last.value += value;
    else parts.push({ value, op });
  }
  return parts;
}

function groupKey(key: string): string {
  return key.split(".")[0].replace(/~\d+$/, "");
}

type Row = Awaited<ReturnType<typeof listVersionBlocks>>[number];

export async function diffVersions(db: Db, fromVersionId: string, toVersionId: string, lang: Lang): Promise<{ articles: ArticleDiff[]; counts: Record<BlockChange, number> }> {
  const [from, to] = await Promise.all([listVersionBlocks(db, fromVersionId), listVersionBlocks(db, toVersionId)]);
  const fromByKey = new Map(from.map((b) => [b.lineage_key, b]));
  const toKeys = new Set(to.map((b) => b.lineage_key));
  // The new version's order, with removed blocks placed after the block that preceded them.
  const sequence: Array<{ key: string; old?: Row; next?: Row }> = to.map((b) => ({ key: b.lineage_key, old: fromByKey.get(b.lineage_key), next: b }));
  from.forEach((b, i) => {
    if (toKeys.has(b.lineage_key)) return;
    const before = from.slice(0, i).reverse().find((p) => toKeys.has(p.lineage_key));
    const at = before ? sequence.findIndex((s) => s.key === before.lineage_key) + 1 : 0;
    let insertAt = at;
    while (insertAt < sequence.length && !sequence[insertAt].next) insertAt++;
    sequence.splice(insertAt, 0, { key: b.lineage_key, old: b });
  });
  const text = (row: Row | undefined) => (row ? pickLocalized(row.text as Localized, lang).text : "");
  const label = (row: Row | undefined) => (row?.label ? pickLocalized(row.label as Localized, lang).text : "");
  const counts: Record<BlockChange, number> = { unchanged: 0, changed: 0, added: 0, removed: 0 };
  const articles: ArticleDiff[] = [];
  for (const item of sequence) {
    const a = `${label(item.old)} ${text(item.old)}`.trim();
    const b = `${label(item.next)} ${text(item.next)}`.trim();
    const change: BlockChange = !item.old ? "added" : !item.next ? "removed" : a === b ? "unchanged" : "changed";
    counts[change] += 1;
    const parts: DiffPart[] =
      change === "added" ? [{ value: b, op: "add" }] : change === "removed" ? [{ value: a, op: "del" }] : diffText(a, b);
    const row = item.next ?? item.old!;
    const gk = groupKey(item.key);
    let group = articles.at(-1);
    if (!group || group.key !== gk) {
      group = { key: gk, title: "", change: "unchanged", blocks: [] };
      articles.push(group);
    }
    if (row.kind === "article" || row.kind === "section" || group.title === "") group.title = [label(row), text(row)].filter(Boolean).join(". ").slice(0, 140);
    group.blocks.push({ key: item.key, kind: row.kind, change, label: label(row) || null, parts });
    if (change !== "unchanged") group.change = group.blocks.every((x) => x.change === change) ? change : "changed";
  }
  return { articles, counts };
}
