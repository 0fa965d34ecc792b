import { redirect } from "react-router";
import { langCookie } from "../../auth/cookies.server.ts";
import { safeNext } from "../../core/route.server.ts";
import { DEFAULT_LANG, isLang } from "../../i18n/index.ts";
import type { Route } from "./+types/lang";

/** GET /lang?to=en&next=/admin — remember the language in a cookie and go back. */
export function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const to = url.searchParams.get("to");
  const lang = isLang(to) ? to : DEFAULT_LANG;
  return redirect(safeNext(url.searchParams.get("next"), "/"), {
    headers: { "Set-Cookie": langCookie(lang) },
  });
}
