import { serialize } from "cookie";
import { SESSION_COOKIE } from "./sessions.server.ts";

export const CSRF_COOKIE = "linli_csrf";

const base = (secure: boolean) => ({ httpOnly: true, sameSite: "lax" as const, path: "/", secure });

export const sessionCookie = (token: string, secure: boolean) =>
  serialize(SESSION_COOKIE, token, base(secure));
export const clearSessionCookie = (secure: boolean) =>
  serialize(SESSION_COOKIE, "", { ...base(secure), maxAge: 0 });
export const csrfCookie = (token: string, secure: boolean) => serialize(CSRF_COOKIE, token, base(secure));
export const langCookie = (lang: string) =>
  serialize("lang", lang, { path: "/", sameSite: "lax", maxAge: 365 * 86_400 });
