// The signed-in user's menu in the resident area: account, console (staff), language, sign out.
// A <details> disclosure works before (and without) JavaScript; it is re-mounted on every navigation
// so it closes once a link inside it is followed; a click outside or Escape closes it too.
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { isStaffRole } from "../../auth/permissions.ts";
import { CsrfInput } from "../ui.tsx";
import { useRoot } from "../useRoot.ts";
import { ChevronDownIcon, UserIcon } from "./icons.tsx";
import { LangSwitch } from "./LangSwitch.tsx";

const itemBase = "flex min-h-11 w-full items-center rounded-md px-3 text-left text-[15px] hover:bg-stone-100";
const item = `${itemBase} text-stone-800`;

export function AccountMenu() {
  const { t } = useTranslation();
  const { user } = useRoot();
  const location = useLocation();
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (event: Event) => {
      const menu = ref.current;
      if (!menu?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== "Escape") return;
        menu.open = false;
        menu.querySelector("summary")?.focus();
      } else if (!menu.contains(event.target as Node)) {
        menu.open = false;
      }
    };
    document.addEventListener("click", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("click", close);
      document.removeEventListener("keydown", close);
    };
  }, []);
  if (!user) return null;
  return (
    <details ref={ref} key={location.key} className="group relative">
      <summary
        aria-label={t("sns.nav.menu")}
        className="flex min-h-11 cursor-pointer list-none items-center gap-1.5 rounded-md px-2 text-[15px] font-medium hover:bg-stone-100 [&::-webkit-details-marker]:hidden"
      >
        <UserIcon className="size-5 text-brand-500" />
        <span className="max-w-[8rem] truncate">{user.displayName}</span>
        <ChevronDownIcon className="size-4 text-stone-500 transition-transform group-open:rotate-180" />
      </summary>
      <div className="absolute right-0 z-30 mt-1 flex w-60 flex-col gap-0.5 rounded-lg border border-stone-200 bg-white p-1.5 shadow-lg">
        <p className="px-3 py-2 text-xs text-stone-500">
          {t(`roles.${user.role}`)} · {user.orgName}
        </p>
        <Link to="/sns/account" className={item}>
          {t("sns.nav.account")}
        </Link>
        {isStaffRole(user.role) ? (
          <Link to="/admin" className={item}>
            {t("sns.nav.admin")}
          </Link>
        ) : null}
        <Link to="/" className={item}>
          {t("sns.nav.portal")}
        </Link>
        <LangSwitch className={item} />
        <div className="my-1 border-t border-stone-200" />
        <form method="post" action="/logout">
          <CsrfInput />
          <button type="submit" className={item}>
            {t("nav.logout")}
          </button>
        </form>
        <form method="post" action="/logout">
          <CsrfInput />
          <input type="hidden" name="everywhere" value="1" />
          <button type="submit" className={`${itemBase} text-red-700`}>
            {t("nav.logoutEverywhere")}
          </button>
        </form>
      </div>
    </details>
  );
}
