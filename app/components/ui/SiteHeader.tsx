import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lang } from "~db/schema";
import { canCreateConsultation, canModerate } from "~/modules/accounts/permissions";
import { languageNames, languages } from "~/utils/i18n";
import { useRootData } from "~/utils/use-page";
import { HeaderSearch } from "../search/HeaderSearch";
import { CsrfInput } from "./forms";

/** The same page in another language: only the language segment of the path changes. */
export function pathInLang(pathname: string, search: string, hash: string, lang: Lang): string {
  const rest = pathname.replace(/^\/(kk|ru|en)(?=\/|$)/, "");
  return `/${lang}${rest}${search}${hash}`;
}

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { lang } = useRootData();
  const location = useLocation();
  return (
    <nav className="lang-switcher" aria-label={t("nav.language")}>
      <ul>
        {languages.map((l) => (
          <li key={l}>
            {l === lang ? (
              <span aria-current="true" lang={l}>
                {languageNames[l]}
              </span>
            ) : (
              <a href={pathInLang(location.pathname, location.search, location.hash, l)} lang={l} hrefLang={l}>
                {languageNames[l]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function SiteHeader() {
  const { t } = useTranslation();
  const { lang, user } = useRootData();
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("nav.skip_to_content")}
      </a>
      <div className="site-header__inner">
        <Link to={`/${lang}`} className="brand">
          <span className="brand__name">Kenes</span>
          <span className="brand__tagline">{t("site.tagline")}</span>
        </Link>
        <nav className="main-nav" aria-label={t("nav.main")}>
          <ul>
            <li>
              <NavLink to={`/${lang}/consultations`}>{t("nav.consultations")}</NavLink>
            </li>
            <li>
              <NavLink to={`/${lang}/plan`}>{t("plan:nav")}</NavLink>
            </li>
            <li>
              <NavLink to={`/${lang}/reports`}>{t("reports:nav.reports")}</NavLink>
            </li>
            {canCreateConsultation(user) ? (
              <li>
                <NavLink to={`/${lang}/manage`}>{t("nav.manage")}</NavLink>
              </li>
            ) : null}
            {canCreateConsultation(user) ? (
              <li>
                <NavLink to={`/${lang}/manage/responses`}>{t("reports:nav.answers")}</NavLink>
              </li>
            ) : null}
            {canModerate(user) ? (
              <li>
                <NavLink to={`/${lang}/moderation`}>{t("reports:nav.moderation")}</NavLink>
              </li>
            ) : null}
            {user ? (
              <li>
                <NavLink to={`/${lang}/my/comments`}>{t("reports:nav.my_comments")}</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
        <HeaderSearch />
        <div className="user-menu">
          {user ? (
            <>
              <Link to={`/${lang}/account/sessions`} className="user-menu__name">
                {user.name}
              </Link>
              <Form method="post" action={`/${lang}/logout`} className="inline-form">
                <CsrfInput />
                <button type="submit" className="button-link">
                  {t("nav.logout")}
                </button>
              </Form>
            </>
          ) : (
            <>
              <Link to={`/${lang}/login`}>{t("nav.login")}</Link>
              <Link to={`/${lang}/register`} className="button button--small">
                {t("nav.register")}
              </Link>
            </>
          )}
        </div>
        <LanguageSwitcher />
      </div>
    </header>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  const { lang } = useRootData();
  return (
    <footer className="site-footer">
      <p>{t("site.footer_about")}</p>
      <p>
        <a href="/api/v1/consultations">{t("site.open_data")}</a> · <Link to={`/${lang}/consultations`}>{t("nav.consultations")}</Link>
      </p>
    </footer>
  );
}
