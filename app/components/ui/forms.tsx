/** Small form pieces shared by every page: the CSRF field and localized field errors. */
import { useTranslation } from "react-i18next";
import { useRootData } from "~/utils/use-page";

export function CsrfInput() {
  return <input type="hidden" name="csrf" value={useRootData().csrfToken} />;
}

/** A field's error message (a locale key), linked to its input by id for screen readers. */
export function FieldError({ id, error, ns = "common" }: { id: string; error?: string | null; ns?: string }) {
  const { t } = useTranslation(ns);
  if (!error) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {t(error)}
    </p>
  );
}

export function FormError({ error, ns = "common" }: { error?: string | null; ns?: string }) {
  const { t } = useTranslation(ns);
  if (!error) return null;
  return (
    <div className="form-error" role="alert">
      {t(error)}
    </div>
  );
}
