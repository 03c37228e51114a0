/** Reads the consultation form into a ConsultationInput, or the field errors to show. */
import type { Localized } from "~db/schema";
import { makeConsultationFormSchema } from "./consultation.schema";
import type { ConsultationInput } from "./commands.server";
import { defaultPeriodRules, periodFromDates, requiresJustification, type PeriodRules } from "./rules";

export const consultationFormFields = [
  "slug", "type", "organizationId",
  "title_kk", "title_ru", "title_en", "summary_kk", "summary_ru", "summary_en", "note_kk", "note_ru", "note_en",
  "opensOn", "closesOn", "justification_kk", "justification_ru", "justification_en",
] as const;
export type ConsultationFormValues = Record<(typeof consultationFormFields)[number], string>;

export function readConsultationForm(form: FormData): ConsultationFormValues {
  const values = {} as ConsultationFormValues;
  for (const field of consultationFormFields) {
    const v = form.get(field);
    values[field] = typeof v === "string" ? v : "";
  }
  return values;
}

export function parseConsultationForm(values: ConsultationFormValues, rules: PeriodRules = defaultPeriodRules): { ok: true; input: ConsultationInput } | { ok: false; errors: Record<string, string> } {
  const parsed = makeConsultationFormSchema(rules).safeParse(values);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
    return { ok: false, errors };
  }
  const v = parsed.data;
  const l = (prefix: "title" | "summary" | "note" | "justification"): Localized => ({ kk: v[`${prefix}_kk`], ru: v[`${prefix}_ru`], en: v[`${prefix}_en`] });
  const { opensAt, closesAt } = periodFromDates(v.opensOn, v.closesOn);
  return {
    ok: true,
    input: {
      slug: v.slug,
      type: v.type,
      organizationId: v.organizationId,
      title: l("title"),
      summary: l("summary"),
      explanatoryNote: l("note"),
      opensAt,
      closesAt,
      shortPeriodJustification: requiresJustification(opensAt, closesAt, v.type, rules) ? l("justification") : null,
    },
  };
}
