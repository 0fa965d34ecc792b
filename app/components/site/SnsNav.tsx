// The resident area's sections: a top nav on wide screens, a bottom tab bar on phones. 消息 carries the
// number of unread in-site notices; 我的信息 is there for accounts that may propose changes to their record.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { useRoot } from "../useRoot.ts";
import { HomeIcon, UserIcon } from "./icons.tsx";
import { BellIcon, IdCardIcon } from "./SnsIcons.tsx";

interface Tab {
  to: string;
  label: string;
  icon: (className: string) => ReactNode;
  end: boolean;
  /** Shown only to accounts with this action. */
  action?: string;
  badge?: boolean;
}

const TABS: Tab[] = [
  { to: "/sns", label: "sns.nav.home", icon: (c) => <HomeIcon className={c} />, end: true },
  {
    to: "/sns/profile",
    label: "selfservice.nav.profile",
    icon: (c) => <IdCardIcon className={c} />,
    end: false,
    action: "selfservice.propose",
  },
  {
    to: "/sns/inbox",
    label: "selfservice.nav.inbox",
    icon: (c) => <BellIcon className={c} />,
    end: false,
    badge: true,
  },
  { to: "/sns/account", label: "sns.nav.account", icon: (c) => <UserIcon className={c} />, end: false },
];

function useTabs(): Tab[] {
  const actions: readonly string[] = useRoot().user?.actions ?? [];
  return TABS.filter((tab) => !tab.action || actions.includes(tab.action));
}

function Badge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count <= 0) return null;
  return (
    <span className="inline-flex min-w-5 items-center justify-center rounded-full bg-red-600 px-1.5 text-xs leading-5 font-semibold text-white">
      <span aria-hidden="true">{count > 99 ? "99+" : count}</span>
      <span className="sr-only">{t("selfservice.nav.unread", { count })}</span>
    </span>
  );
}

export function SnsTopNav({ unread = 0 }: { unread?: number }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("sns.nav.label")} className="hidden items-center gap-1 sm:flex">
      {useTabs().map((tab) => (
        <NavLink
          key={tab.to}
          to={tab.to}
          end={tab.end}
          className={({ isActive }) =>
            `inline-flex min-h-11 items-center gap-1.5 rounded-md px-3 text-[15px] ${
              isActive ? "bg-brand-50 font-semibold text-brand-700" : "text-stone-700 hover:bg-stone-100"
            }`
          }
        >
          {t(tab.label)}
          {tab.badge ? <Badge count={unread} /> : null}
        </NavLink>
      ))}
    </nav>
  );
}

export function SnsTabBar({ unread = 0 }: { unread?: number }) {
  const { t } = useTranslation();
  const tabs = useTabs();
  return (
    <nav
      aria-label={t("sns.nav.label")}
      className="fixed inset-x-0 bottom-0 z-20 border-t border-stone-200 bg-white/95 pb-[env(safe-area-inset-bottom)] backdrop-blur sm:hidden"
    >
      <ul className={`grid ${tabs.length === 4 ? "grid-cols-4" : "grid-cols-3"}`}>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink
              to={tab.to}
              end={tab.end}
              className={({ isActive }) =>
                `relative flex min-h-14 flex-col items-center justify-center gap-0.5 text-xs ${
                  isActive ? "font-semibold text-brand-600" : "text-stone-600"
                }`
              }
            >
              {tab.icon("size-6")}
              {t(tab.label)}
              {tab.badge && unread > 0 ? (
                <span className="absolute top-1 left-1/2 ml-2">
                  <Badge count={unread} />
                </span>
              ) : null}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
