// The resident area's sections: a top nav on wide screens, a bottom tab bar on phones.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { HomeIcon, UserIcon } from "./icons.tsx";

const TABS: { to: string; label: string; icon: (className: string) => ReactNode; end: boolean }[] = [
  { to: "/sns", label: "sns.nav.home", icon: (c) => <HomeIcon className={c} />, end: true },
  { to: "/sns/account", label: "sns.nav.account", icon: (c) => <UserIcon className={c} />, end: false },
];

export function SnsTopNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("sns.nav.label")} className="hidden items-center gap-1 sm:flex">
      {TABS.map((tab) => (
        <NavLink
          key={tab.to}
          to={tab.to}
          end={tab.end}
          className={({ isActive }) =>
            `inline-flex min-h-11 items-center rounded-md px-3 text-[15px] ${
              isActive ? "bg-brand-50 font-semibold text-brand-700" : "text-stone-700 hover:bg-stone-100"
            }`
          }
        >
          {t(tab.label)}
        </NavLink>
      ))}
    </nav>
  );
}

export function SnsTabBar() {
  const { t } = useTranslation();
  return (
    <nav
      aria-label={t("sns.nav.label")}
      className="fixed inset-x-0 bottom-0 z-20 border-t border-stone-200 bg-white/95 pb-[env(safe-area-inset-bottom)] backdrop-blur sm:hidden"
    >
      <ul className="grid grid-cols-2">
        {TABS.map((tab) => (
          <li key={tab.to}>
            <NavLink
              to={tab.to}
              end={tab.end}
              className={({ isActive }) =>
                `flex min-h-14 flex-col items-center justify-center gap-0.5 text-xs ${
                  isActive ? "font-semibold text-brand-600" : "text-stone-600"
                }`
              }
            >
              {tab.icon("size-6")}
              {t(tab.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
