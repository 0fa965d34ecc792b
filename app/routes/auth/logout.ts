import { redirect } from "react-router";
import { clearSessionCookie } from "../../auth/cookies.server.ts";
import { logout, logoutEverywhere } from "../../auth/login.server.ts";
import type { Route } from "./+types/logout";

/** POST /logout (everywhere=1 ends every session of the account). */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const { caller, sessionId, services } = context;
  if (caller && sessionId) {
    if (form.get("everywhere") === "1") await logoutEverywhere(services, caller);
    else await logout(services, caller, sessionId);
  }
  return redirect("/login", { headers: { "Set-Cookie": clearSessionCookie(context.secure) } });
}

export function loader() {
  return redirect("/");
}
