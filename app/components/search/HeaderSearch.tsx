import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useRootData } from "~/utils/use-page";

/** The search box in the header of every page: a plain GET form, works without JavaScript. */
export function HeaderSearch() {
  const { t } = useTranslation("search");
  const { lang } = useRootData();
  const location = useLocation();
  // On the search page the box shows the current query.
  const current = location.pathname === `/${lang}/search` ? (new URLSearchParams(location.search).get("q") ?? "") : "";
  return (
    <form method="get" action={`/${lang}/search`} role="search" className="header-search" aria-label={t("header.label")}>
      <label htmlFor="header-search-q" className="visually-hidden">
        {t("header.label")}
      </label>
      <input id="header-search-q" type="search" name="q" defaultValue={current} key={current} placeholder={t("header.placeholder")} maxLength={10000} />
      <button type="submit" className="button button--small">
        {t("header.submit")}
      </button>
    </form>
  );
}
