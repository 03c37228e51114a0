import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireLang } from "~/utils/lang.server";

/** An unknown page inside a language: a 404 in that language, with the site header. */
export function loader({ params }: LoaderFunctionArgs) {
  throw notFound(requireLang(params));
}

export default function NotFound() {
  return null;
}
