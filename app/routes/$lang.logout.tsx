import { readFormData } from "~/utils/form.server";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { revokeSession } from "~/modules/accounts/commands.server";
import { checkCsrf } from "~/utils/csrf.server";
import { requireLang } from "~/utils/lang.server";
import { clearSessionCookie, getSessionId } from "~/utils/session.server";

export function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/${requireLang(params)}/consultations`);
}

/** Signing out is a POST with the CSRF token, so another site cannot sign a user out. */
export async function action({ params, request, context }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const form = await readFormData(request);
  if (await checkCsrf(request, form, context)) throw new Response("Forbidden", { status: 403 });
  const sessionId = await getSessionId(request, context);
  if (sessionId) await revokeSession(context.app.db, sessionId);
  return redirect(`/${lang}/consultations`, { status: 303, headers: { "Set-Cookie": await clearSessionCookie(context) } });
}
