import type { LoaderFunctionArgs } from "@remix-run/node";

/** Anything no route matches (including a path without a language) is a 404. */
export function loader(_: LoaderFunctionArgs) {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}
