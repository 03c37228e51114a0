import { useTranslation } from "react-i18next";
import { useRootData } from "~/utils/use-page";

/** Search within one consultation, from its page: the search page with the consultation filter. */
export function ConsultationSearchForm({ slug }: { slug: string }) {
  const { t } = useTranslation("search");
  const { lang } = useRootData();
  return (
    <form method="get" action={`/${lang}/search`} role="search" className="consultation-search" aria-label={t("consultation.label")}>
      <input type="hidden" name="consultation" value={slug} />
      <label htmlFor="consultation-search-q">{t("consultation.label")}</label>
      <span className="consultation-search__row">
        <input id="consultation-search-q" type="search" name="q" placeholder={t("consultation.placeholder")} maxLength={10000} />
        <button type="submit" className="button">
          {t("consultation.submit")}
        </button>
      </span>
    </form>
  );
}
