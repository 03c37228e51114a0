/** The staff form that creates or edits a consultation. Errors are message keys (namespace manage). */
import { z } from "zod";
import { consultationTypes, defaultPeriodRules, periodFromDates, requiresJustification, type PeriodRules } from "./rules";

const localizedField = (max: number) => z.string().trim().max(max, "errors.too_long").optional().default("");
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "errors.date_invalid").refine((v) => !Number.isNaN(Date.parse(v)), "errors.date_invalid");

/** The form's schema under the configured minimum periods (config.periodRules on the server). */
export const makeConsultationFormSchema = (rules: PeriodRules = defaultPeriodRules) => z
  .object({
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9-]{1,98}[a-z0-9]$/, "errors.slug_invalid"),
    type: z.enum(consultationTypes, { errorMap: () => ({ message: "errors.type_invalid" }) }),
    organizationId: z.string().uuid("errors.organization_invalid"),
    title_kk: localizedField(300),
    title_ru: localizedField(300),
    title_en: localizedField(300),
    summary_kk: localizedField(3000),
    summary_ru: localizedField(3000),
    summary_en: localizedField(3000),
    note_kk: localizedField(20000),
    note_ru: localizedField(20000),
    note_en: localizedField(20000),
    opensOn: date,
    closesOn: date,
    justification_kk: localizedField(5000),
    justification_ru: localizedField(5000),
    justification_en: localizedField(5000),
  })
  .superRefine((v, ctx) => {
    // Kazakh and Russian are the official languages: both are required for what the public reads.
    for (const field of ["title", "summary"] as const) {
      for (const lang of ["kk", "ru"] as const) {
        if (v[`${field}_${lang}`] === "") ctx.addIssue({ code: "custom", path: [`${field}_${lang}`], message: "errors.official_language_required" });
      }
    }
    const { opensAt, closesAt } = periodFromDates(v.opensOn, v.closesOn);
    if (closesAt <= opensAt) {
      ctx.addIssue({ code: "custom", path: ["closesOn"], message: "errors.closes_before_opens" });
      return;
    }
    if (requiresJustification(opensAt, closesAt, v.type, rules) && v.justification_kk === "" && v.justification_ru === "") {
      ctx.addIssue({ code: "custom", path: ["justification_ru"], message: "errors.justification_required" });
    }
  });
export const consultationFormSchema = makeConsultationFormSchema();
export type ConsultationFormInput = z.infer<typeof consultationFormSchema>;
