/** Pure role checks used by the UI (what to show) and the server (what to allow). */
import type { Role } from "~db/schema";

export interface Actor {
  id: string;
  role: Role;
  organizationId: string | null;
}

/** Staff act for their own body only; admins for every body. */
export function canManageForOrganization(user: Actor | null | undefined, organizationId: string): boolean {
  if (!user) return false;
  if (user.role === "admin") return true;
  return user.role === "staff" && user.organizationId === organizationId;
}

export function canCreateConsultation(user: Actor | null | undefined): boolean {
  return !!user && (user.role === "admin" || (user.role === "staff" && user.organizationId !== null));
}

/** Every signed-in, active account may comment; roles only limit what else it may do. */
export function canComment(user: Actor | null | undefined): boolean {
  return !!user;
}

export function canModerate(user: Actor | null | undefined): boolean {
  return !!user && (user.role === "moderator" || user.role === "admin");
}
