/** Who may answer: staff of the responsible body (admins for every body); nobody else. */
import { canManageForOrganization, type Actor } from "~/modules/accounts/permissions";

export function canAnswer(user: Actor | null | undefined, consultation: { organizationId: string }): boolean {
  return canManageForOrganization(user, consultation.organizationId);
}

/** Any signed-in account may flag a comment for moderators. */
export function canFlag(user: Actor | null | undefined): boolean {
  return !!user;
}
