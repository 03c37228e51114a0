/** Pure checks for lots: who edits them and who answers the structured questions. */
import { canManageForOrganization, type Actor } from "~/modules/accounts/permissions";

/** Only the body's own staff (or an admin) edit its lots, and only before publication (ADR 0041). */
export function canEditLots(user: Actor | null | undefined, consultation: { organizationId: string; publishedAt: Date | string | null }): boolean {
  return canManageForOrganization(user, consultation.organizationId) && !consultation.publishedAt;
}

/** Anyone signed in, except the body's own staff: the body does not assess its own lot. */
export function canGiveLotFeedback(user: Actor | null | undefined, consultation: { organizationId: string }): boolean {
  return !!user && !canManageForOrganization(user, consultation.organizationId);
}
