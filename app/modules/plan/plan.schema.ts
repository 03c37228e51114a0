/** The staff form for a plan item. Errors are message keys of the `plan` namespace. */
import { z } from "zod";
import { consultationTypes } from "~/modules/consultations/rules";

const text = (max: number) => z.string().trim().max(max, "errors.too_long").optional().default("");

export const planItemSchema = z
  .object({
    organizationId: z.string().uuid("errors.organization_invalid"),
    year: z.coerce.number({ invalid_type_error: "errors.year_invalid" }).int("errors.year_invalid").min(2020, "errors.year_invalid").max(2100, "errors.year_invalid"),
    quarter: z.coerce.number({ invalid_type_error: "errors.quarter_invalid" }).int("errors.quarter_invalid").min(1, "errors.quarter_invalid").max(4, "errors.quarter_invalid"),
    kind: z.enum(["act", "lot"], { errorMap: () => ({ message: "errors.kind_invalid" }) }),
    consultationType: z.enum(consultationTypes, { errorMap: () => ({ message: "errors.type_invalid" }) }),
    title_kk: text(500),
    title_ru: text(500),
    title_en: text(500),
    consultationSlug: z.string().trim().toLowerCase().optional().default(""),
  })
  .superRefine((v, ctx) => {
    for (const lang of ["kk", "ru"] as const) {
      if (v[`title_${lang}`] === "") ctx.addIssue({ code: "custom", path: [`title_${lang}`], message: "errors.official_language_required" });
    }
  });
export type PlanItemInput = z.infer<typeof planItemSchema>;
