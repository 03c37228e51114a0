/** The answer form (one answer for one or many comments), shared by browser and server. Errors are keys in `reports`. */
import { z } from "zod";
import type { Localized, ResponseStatus } from "~db/schema";

export const responseStatuses = ["accepted", "partially_accepted", "not_accepted", "noted"] as const satisfies readonly ResponseStatus[];

/** The Croatian code of practice: a comment not (fully) taken over must say why. */
export function requiresJustification(status: ResponseStatus): boolean {
  return status === "partially_accepted" || status === "not_accepted";
}

export const JUSTIFICATION_MAX_CHARS = 10_000;

const text = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim())
  .refine((v) => v.length <= JUSTIFICATION_MAX_CHARS, "errors.justification_too_long");

export const answerFormSchema = z
  .object({
    status: z.enum(responseStatuses, { errorMap: () => ({ message: "errors.status_required" }) }),
    justification_kk: text,
    justification_ru: text,
    justification_en: text,
    commentIds: z.array(z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)).min(1, "errors.no_comments_selected").max(1000),
  })
  .superRefine((v, ctx) => {
    // Kazakh and Russian are the official languages: one of them must carry the reason.
    if (requiresJustification(v.status) && v.justification_kk === "" && v.justification_ru === "") {
      ctx.addIssue({ code: "custom", path: ["justification"], message: "errors.justification_required" });
    }
  });

export type AnswerFormInput = z.infer<typeof answerFormSchema>;

export function justificationOf(v: { justification_kk: string; justification_ru: string; justification_en: string }): Localized {
  return { kk: v.justification_kk, ru: v.justification_ru, en: v.justification_en };
}

export const templateFormSchema = z
  .object({
    title: z.string().transform((v) => v.trim()).pipe(z.string().min(1, "errors.template_title_required").max(200, "errors.template_title_required")),
    status: z.enum(responseStatuses, { errorMap: () => ({ message: "errors.status_required" }) }),
    justification_kk: text,
    justification_ru: text,
    justification_en: text,
  })
  .superRefine((v, ctx) => {
    if (v.justification_kk === "" && v.justification_ru === "") ctx.addIssue({ code: "custom", path: ["justification"], message: "errors.justification_required" });
  });
