import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useLoaderData, useRouteError, useRouteLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Lang } from "~db/schema";
import { ensureCsrfToken } from "~/utils/csrf.server";
import { isLang } from "~/utils/i18n";
import { loadLanguage } from "~/utils/i18n.client";
import { localeUrl, negotiateLang } from "~/utils/i18n.server";
import { isSharedRender } from "~/utils/shared-render.server";
import { getCurrentUser } from "~/utils/session.server";
import type { RootData } from "~/utils/use-page";
import { useNonce } from "~/utils/nonce";
// Error texts in every language are bundled so an error page can be shown even when the root loader failed.
import kkErrors from "../locales/kk/errors.json";
import ruErrors from "../locales/ru/errors.json";
import enErrors from "../locales/en/errors.json";
import kkSecurity from "../locales/kk/security.json";
import ruSecurity from "../locales/ru/security.json";
import enSecurity from "../locales/en/security.json";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: "/styles.css" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** The title of pages whose own route has no meta, error pages above all (WCAG 2.4.2). */
export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  if (!error) return [{ title: "Kenes" }];
  const lang: Lang = data?.lang ?? "kk";
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title = status === 404 ? errorTexts[lang].not_found_title : status === 429 ? rateLimitTexts[lang].rate_limited_title : errorTexts[lang].server_error_title;
  return [{ title: `${title} · Kenes` }];
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang: Lang = isLang(params.lang) ? params.lang : negotiateLang(request.headers.get("Accept-Language"));
  // A render shared by every anonymous reader (ADR 0060) carries no user and no CSRF token:
  // its pages have no form that needs one, and the first navigation after it asks again.
  if (isSharedRender(context)) {
    const data: RootData & { i18nUrl: string } = { lang, csrfToken: "", user: null, i18nUrl: localeUrl(lang) };
    return json(data);
  }
  const [user, csrf] = await Promise.all([getCurrentUser(request, context), ensureCsrfToken(request, context)]);
  const data: RootData & { i18nUrl: string } = {
    lang,
    csrfToken: csrf.token,
    user: user
      ? { id: user.id, name: user.name, role: user.role, organizationId: user.organizationId, organizationName: user.organizationName }
      : null,
    i18nUrl: localeUrl(lang),
  };
  return json(data, { headers: csrf.setCookie ? { "Set-Cookie": csrf.setCookie, "Cache-Control": "private, no-store" } : { "Cache-Control": "private, no-store" } });
}

/**
 * The root's data (user, CSRF token) is kept across navigations, as usual, except after a
 * shared render: that one had no token, so the next navigation fetches this reader's own.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) => {
  if (rootHasNoToken && currentUrl.href !== nextUrl.href) return true;
  return defaultShouldRevalidate;
};

/** In the browser: whether the root data shown came from a shared render (no CSRF token). */
let rootHasNoToken = false;

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const lang = data?.lang ?? "kk";
  const nonce = useNonce();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {/* Fetched by the entry before hydration: starts downloading with the page. */}
        {data?.i18nUrl ? <link rel="preload" href={data.i18nUrl} as="fetch" crossOrigin="anonymous" data-translations="" /> : null}
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/**
 * The translations come from the entry (server: the process's instance per language; browser:
 * the language file loaded before hydration). A navigation into another language loads it.
 */
export default function App() {
  const { lang, i18nUrl, csrfToken } = useLoaderData<typeof loader>();
  if (typeof document !== "undefined") rootHasNoToken = csrfToken === "";
  const { i18n } = useTranslation();
  useEffect(() => {
    if (i18n.language !== lang) void loadLanguage(i18n, lang, i18nUrl);
  }, [i18n, lang, i18nUrl]);
  return <Outlet />;
}

const errorTexts: Record<Lang, Record<string, string>> = { kk: kkErrors, ru: ruErrors, en: enErrors };
const rateLimitTexts = { kk: kkSecurity, ru: ruSecurity, en: enSecurity };

/** Last-resort error page: localized, no stack trace, readable without the root loader's data. */
export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const lang: Lang = data?.lang ?? (typeof document !== "undefined" && isLang(document.documentElement.lang) ? (document.documentElement.lang as Lang) : "kk");
  const t = errorTexts[lang];
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (isRouteErrorResponse(error) && error.status === 429) {
    const r = rateLimitTexts[lang];
    return (
      <main className="error-page" id="main">
        <h1>{r.rate_limited_title}</h1>
        <p>{r.rate_limited_text}</p>
        <p>
          <a href={`/${lang}/consultations`}>{t.back_to_consultations}</a>
        </p>
      </main>
    );
  }
  return (
    <main className="error-page" id="main">
      <h1>{notFound ? t.not_found_title : t.server_error_title}</h1>
      <p>{notFound ? t.not_found_text : t.server_error_text}</p>
      <p>
        <a href={`/${lang}/consultations`}>{t.back_to_consultations}</a>
      </p>
    </main>
  );
}
