/**
 * A version's content as staff submit it: structured text per language, or a JSON list of
 * blocks (for drafts prepared by other tools). Both end as aligned DraftBlocks.
 */
import { z } from "zod";
import type { Lang } from "~db/schema";
import { alignLanguages, parseStructuredText, type AlignmentError, type DraftBlock } from "./structured-text";

export const DRAFT_MAX_CHARS = 2_000_000;
export const DRAFT_MAX_BLOCKS = 5_000;

const localized = z.object({ kk: z.string().default(""), ru: z.string().default(""), en: z.string().default("") });
const jsonBlocks = z
  .array(
    z.object({
      key: z.string().regex(/^[A-Za-z0-9_.~-]{1,80}$/).optional(),
      kind: z.enum(["section", "article", "paragraph", "list_item"]),
      label: localized.nullable().optional(),
      text: localized,
    }),
  )
  .min(1)
  .max(DRAFT_MAX_BLOCKS);

export type DraftInputError =
  | AlignmentError
  | { code: "errors.draft_json_invalid"; detail: string }
  | { code: "errors.draft_too_large" }
  | { code: "errors.draft_official_missing"; position: number };

export function parseDraftInput(input: { json?: string; text: Partial<Record<Lang, string>> }): { blocks: DraftBlock[] } | { error: DraftInputError } {
  const total = (input.json?.length ?? 0) + Object.values(input.text).reduce((n, t) => n + (t?.length ?? 0), 0);
  if (total > DRAFT_MAX_CHARS) return { error: { code: "errors.draft_too_large" } };
  if (input.json && input.json.trim() !== "") {
    let raw: unknown;
    try {
      raw = JSON.parse(input.json);
    } catch (error) {
      return { error: { code: "errors.draft_json_invalid", detail: (error as Error).message } };
    }
    const parsed = jsonBlocks.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { error: { code: "errors.draft_json_invalid", detail: `${issue.path.join(".")}: ${issue.message}` } };
    }
    const missing = parsed.data.findIndex((b) => b.text.kk.trim() === "" || b.text.ru.trim() === "");
    if (missing >= 0) return { error: { code: "errors.draft_official_missing", position: missing + 1 } };
    const seen = new Set<string>();
    const blocks = parsed.data.map((b, i) => {
      let key = b.key ?? `b-${i + 1}`;
      for (let n = 2; seen.has(key); n++) key = `${b.key ?? `b-${i + 1}`}~${n}`;
      seen.add(key);
      return { key, kind: b.kind, label: b.label ?? null, text: b.text };
    });
    return { blocks };
  }
  const parsed: Partial<Record<Lang, ReturnType<typeof parseStructuredText>>> = {};
  for (const lang of ["kk", "ru", "en"] as const) parsed[lang] = parseStructuredText(input.text[lang] ?? "", lang);
  const aligned = alignLanguages(parsed);
  if ("error" in aligned) return aligned;
  if (aligned.blocks.length > DRAFT_MAX_BLOCKS) return { error: { code: "errors.draft_too_large" } };
  return aligned;
}
