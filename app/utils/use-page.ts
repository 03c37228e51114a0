/** Hooks for the page's language, user and CSRF token, all from the root loader. */
import { useRouteLoaderData } from "@remix-run/react";
import type { Lang, Localized, Role } from "~db/schema";
import { pickLocalized } from "./i18n";

export interface RootData {
  lang: Lang;
  csrfToken: string;
  user: { id: string; name: string; role: Role; organizationId: string | null; organizationName: Localized | null } | null;
}

export function useRootData(): RootData {
  const data = useRouteLoaderData("root") as RootData | undefined;
  return data ?? { lang: "kk", csrfToken: "", user: null };
}

export function useLang(): Lang {
  return useRootData().lang;
}

/** Content text in the page's language with its fallback information. */
export function useLocalized() {
  const lang = useLang();
  return (value: Partial<Localized> | null | undefined) => pickLocalized(value, lang);
}
