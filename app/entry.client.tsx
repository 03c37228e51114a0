import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import type { Lang } from "~db/schema";
import { createI18n, isLang } from "./utils/i18n";
import { createBrowserI18n } from "./utils/i18n.client";

// The page's translations are a cached file, not part of the page (ADR 0060): load it, then hydrate.
const root = window.__remixContext?.state?.loaderData?.root as { lang?: string; i18nUrl?: string } | undefined;
const lang: Lang = isLang(root?.lang) ? root.lang : isLang(document.documentElement.lang) ? (document.documentElement.lang as Lang) : "kk";
const i18nUrl = root?.i18nUrl ?? document.querySelector<HTMLLinkElement>("link[data-translations]")?.href;

async function hydrate() {
  // Without its file (an error page whose root data failed) the page still hydrates, untranslated.
  const i18n = i18nUrl ? await createBrowserI18n(lang, i18nUrl).catch(() => createI18n(lang, {})) : createI18n(lang, {});
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <RemixBrowser />
        </I18nextProvider>
      </StrictMode>,
    );
  });
}

void hydrate();
