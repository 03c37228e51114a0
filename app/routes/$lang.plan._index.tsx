import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireLang } from "~/utils/lang.server";

/** /{lang}/plan: this year's plan. */
export function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  return redirect(`/${lang}/plan/${new Date().getUTCFullYear()}`);
}
