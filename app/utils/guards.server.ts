import type { AppLoadContext } from "@remix-run/node";
import type { Lang } from "~db/schema";
import { canCreateConsultation, canManageForOrganization } from "~/modules/accounts/permissions";
import { requireUser, type CurrentUser } from "./session.server";

function forbidden(): Response {
  return new Response("Forbidden", { status: 403 });
}

/** A signed-in staff member (or admin); others get 403, visitors the sign-in page. */
export async function requireStaff(request: Request, context: AppLoadContext, lang: Lang): Promise<CurrentUser> {
  const user = await requireUser(request, context, lang);
  if (!canCreateConsultation(user)) throw forbidden();
  return user;
}

/** Staff of exactly this body (or an admin). */
export async function requireManagerOf(request: Request, context: AppLoadContext, lang: Lang, organizationId: string): Promise<CurrentUser> {
  const user = await requireUser(request, context, lang);
  if (!canManageForOrganization(user, organizationId)) throw forbidden();
  return user;
}
