/** The two cookies Kenes sets; both signed with SESSION_SECRET, httpOnly, SameSite=Lax. */
import { createCookie, type Cookie } from "@remix-run/node";

export interface Cookies {
  session: Cookie;
  csrf: Cookie;
}

export function createCookies(secret: string, secure: boolean): Cookies {
  const base = { httpOnly: true, sameSite: "lax" as const, path: "/", secrets: [secret], secure };
  return {
    // Holds only the session id; the session itself (expiry, revocation) lives in the database.
    session: createCookie(secure ? "__Host-kenes_session" : "kenes_session", base),
    // The CSRF token, long-lived so a form left open in a tab still submits.
    csrf: createCookie(secure ? "__Host-kenes_csrf" : "kenes_csrf", { ...base, maxAge: 60 * 60 * 24 * 30 }),
  };
}
