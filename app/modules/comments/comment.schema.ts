/** The comment form (whole draft or one block), shared by browser and server. Errors are keys in `consultation`. */
import { z } from "zod";

export const COMMENT_MAX_CHARS = 10_000;

/** Length as a reader counts characters (code points), so an emoji is one character. */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export const commentFormSchema = z.object({
  // Stored exactly as typed; only the emptiness check ignores surrounding white space.
  body: z
    .string({ required_error: "errors.comment_empty" })
    .refine((v) => v.trim().length > 0, "errors.comment_empty")
    .refine((v) => charCount(v) <= COMMENT_MAX_CHARS, "errors.comment_too_long"),
  blockId: z
    .string()
    .optional()
    .transform((v) => (v && v !== "" ? v : null))
    .refine((v) => v === null || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v), "errors.block_unknown"),
  idempotencyKey: z.string().min(8).max(100).regex(/^[A-Za-z0-9_-]+$/),
});
export type CommentFormInput = z.infer<typeof commentFormSchema>;

const offset = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? null : Number(v)))
  .refine((v) => v === null || (Number.isInteger(v) && v >= 0), "errors.anchor_out_of_range");

/**
 * The annotation fields (a public contract: exact, prefix, suffix, start, end next to body and
 * blockId). All optional: an empty `exact` makes an ordinary comment.
 */
export const annotationFieldsSchema = z.object({
  exact: z.string().optional().transform((v) => v ?? "").refine((v) => v.length <= 2_000, "errors.anchor_too_long"),
  prefix: z.string().optional().transform((v) => (v ?? "").slice(-64)),
  suffix: z.string().optional().transform((v) => (v ?? "").slice(0, 64)),
  start: offset,
  end: offset,
  parentId: z
    .string()
    .optional()
    .transform((v) => (v && v !== "" ? v : null))
    .refine((v) => v === null || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v), "errors.parent_unknown"),
});

export const supportFormSchema = z.object({
  commentId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "errors.not_found"),
  support: z.enum(["1", "0"]).default("1"),
});
