import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { negotiateLang } from "~/utils/i18n.server";

/** `/` sends each visitor to their language (Accept-Language), Kazakh by default. */
export function loader({ request }: LoaderFunctionArgs) {
  return redirect(`/${negotiateLang(request.headers.get("Accept-Language"))}`, { headers: { Vary: "Accept-Language" } });
}
