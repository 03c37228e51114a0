import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SiteFooter, SiteHeader } from "~/components/ui/SiteHeader";
import { requireLang } from "~/utils/lang.server";
import { useRootData } from "~/utils/use-page";

export function loader({ params }: LoaderFunctionArgs) {
  requireLang(params);
  return null;
}

export default function LangLayout() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="page">
        <Outlet />
      </main>
      <SiteFooter />
    </>
  );
}

/** 404s and errors inside a language keep the header, in the page's language. */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const { lang } = useRootData();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <>
      <SiteHeader />
      <main id="main" className="page error-page">
        <h1>{status === 404 ? t("errors.not_found_title") : status === 403 ? t("errors.forbidden_title") : t("errors.server_error_title")}</h1>
        <p>{status === 404 ? t("errors.not_found_text") : status === 403 ? t("errors.forbidden_text") : t("errors.server_error_text")}</p>
        <p>
          <Link to={`/${lang}/consultations`}>{t("errors.back_to_consultations")}</Link>
        </p>
      </main>
      <SiteFooter />
    </>
  );
}
