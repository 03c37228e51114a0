import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireLang } from "~/utils/lang.server";

export function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  return redirect(`/${lang}/consultations`);
}
