// The portal's header: brand and street, main navigation, sign-in (or the signed-in user), language.
// On phones the navigation takes a second row of large, wrapping links; nothing scrolls sideways.
import { useTranslation } from "react-i18next";
import { Link, NavLink } from "react-router";
import { isStaffRole } from "../../auth/permissions.ts";
import { useRoot } from "../useRoot.ts";
import { UserIcon } from "./icons.tsx";
import { LangSwitch } from "./LangSwitch.tsx";

const navBase = "inline-flex min-h-11 items-center rounded-md px-3 text-[15px] hover:bg-stone-100";
const navLink = `${navBase} text-stone-700 hover:text-stone-900`;

export function PortalHeader(props: { street: string | null }) {
  const { t } = useTranslation();
  const { user } = useRoot();
  const staff = user ? isStaffRole(user.role) : false;
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-2 px-4 sm:gap-x-4">
        <Link to="/" className="flex min-h-14 min-w-0 items-baseline gap-2 py-2">
          <span className="text-2xl font-bold tracking-wide text-brand-500">{t("app.name")}</span>
          {props.street ? (
            <span className="truncate text-sm font-medium text-stone-600">{props.street}</span>
          ) : null}
        </Link>
        <nav
          aria-label={t("portal.nav.label")}
          className="order-last -mx-3 flex w-[calc(100%+1.5rem)] flex-wrap items-center gap-x-1 pb-2 sm:order-none sm:mx-0 sm:w-auto sm:flex-1 sm:pb-0"
        >
          <NavLink
            to="/"
            end
            className={({ isActive }) => (isActive ? `${navBase} font-semibold text-brand-600` : navLink)}
          >
            {t("portal.nav.home")}
          </NavLink>
          <Link to="/#communities" className={navLink}>
            {t("portal.nav.communities")}
          </Link>
          <Link to="/sns" className={navLink}>
            {t("portal.nav.sns")}
          </Link>
        </nav>
        <LangSwitch className={`${navBase} ml-auto text-sm text-stone-600 sm:ml-0`} />
        {user ? (
          <Link
            to={staff ? "/admin" : "/sns"}
            aria-label={t("portal.nav.myArea", {
              area: staff ? t("nav.admin") : t("nav.sns"),
              name: user.displayName,
            })}
            className={`${navBase} -mr-3 gap-1.5 font-medium text-stone-900`}
          >
            <UserIcon className="size-5 shrink-0 text-brand-500" />
            <span className="max-w-[7rem] truncate">{user.displayName}</span>
          </Link>
        ) : (
          <Link
            to="/login"
            className="inline-flex min-h-11 items-center rounded-md bg-brand-500 px-4 text-[15px] font-medium text-white hover:bg-brand-600"
          >
            {t("portal.nav.login")}
          </Link>
        )}
      </div>
    </header>
  );
}
