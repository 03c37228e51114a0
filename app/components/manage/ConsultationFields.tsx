import { useTranslation } from "react-i18next";
import type { Lang } from "~db/schema";
import { FieldError } from "~/components/ui/forms";
import { consultationTypes } from "~/modules/consultations/rules";
import { languageNames, languages } from "~/utils/i18n";

type Values = Partial<Record<string, string>>;

function LocalizedInputs({ name, label, values, errors, multiline, required }: { name: string; label: string; values: Values; errors: Values; multiline?: boolean; required?: boolean }) {
  const { t } = useTranslation("manage");
  return (
    <fieldset className="localized-field">
      <legend>{label}</legend>
      {languages.map((lang: Lang) => {
        const id = `${name}_${lang}`;
        const props = {
          id,
          name: id,
          lang,
          defaultValue: values[id] ?? "",
          "aria-invalid": errors[id] ? true : undefined,
          "aria-describedby": errors[id] ? `${id}-error` : undefined,
        };
        return (
          <div key={lang} className="localized-field__lang">
            <label htmlFor={id}>
              {languageNames[lang]}
              {required && lang !== "en" ? ` (${t("form.required")})` : lang === "en" ? ` (${t("form.optional_unofficial")})` : ""}
            </label>
            {multiline ? <textarea rows={4} {...props} /> : <input {...props} />}
            <FieldError id={`${id}-error`} error={errors[id]} ns="manage" />
          </div>
        );
      })}
    </fieldset>
  );
}

export function ConsultationFields(props: { values: Values; errors: Values; bodies: { id: string; name: string }[]; slugEditable: boolean }) {
  const { t } = useTranslation("manage");
  const { values, errors } = props;
  return (
    <>
      <label htmlFor="slug">{t("form.slug")}</label>
      <input id="slug" name="slug" defaultValue={values.slug} readOnly={!props.slugEditable} pattern="[a-z0-9][a-z0-9-]+[a-z0-9]" aria-describedby="slug-help" />
      <p className="hint" id="slug-help">
        {t("form.slug_help")}
      </p>
      <FieldError id="slug-error" error={errors.slug} ns="manage" />

      <label htmlFor="type">{t("form.type")}</label>
      <select id="type" name="type" defaultValue={values.type ?? "grant_rules"}>
        {consultationTypes.map((type) => (
          <option key={type} value={type}>
            {t(`consultation:type.${type}`)}
          </option>
        ))}
      </select>
      <FieldError id="type-error" error={errors.type} ns="manage" />

      <label htmlFor="organizationId">{t("form.body")}</label>
      <select id="organizationId" name="organizationId" defaultValue={values.organizationId}>
        {props.bodies.map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
          </option>
        ))}
      </select>
      <FieldError id="organizationId-error" error={errors.organizationId} ns="manage" />

      <LocalizedInputs name="title" label={t("form.title")} values={values} errors={errors} required />
      <LocalizedInputs name="summary" label={t("form.summary")} values={values} errors={errors} multiline required />
      <LocalizedInputs name="note" label={t("form.note")} values={values} errors={errors} multiline />

      <div className="row">
        <div>
          <label htmlFor="opensOn">{t("form.opens_on")}</label>
          <input id="opensOn" name="opensOn" type="date" defaultValue={values.opensOn} required />
          <FieldError id="opensOn-error" error={errors.opensOn} ns="manage" />
        </div>
        <div>
          <label htmlFor="closesOn">{t("form.closes_on")}</label>
          <input id="closesOn" name="closesOn" type="date" defaultValue={values.closesOn} required />
          <FieldError id="closesOn-error" error={errors.closesOn} ns="manage" />
        </div>
      </div>
      <p className="hint">{t("form.period_help")}</p>
      <LocalizedInputs name="justification" label={t("form.justification")} values={values} errors={errors} multiline />
    </>
  );
}
