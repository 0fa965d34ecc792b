// The console's navigation: a sidebar on wide screens, a <details> menu on phones (works without JS).
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, useLocation, useRouteLoaderData } from "react-router";
import type { Action } from "../../auth/permissions.ts";
import { useRoot } from "../useRoot.ts";

interface NavItem {
  to: string;
  label:
    | "home"
    | "people"
    | "tables"
    | "dictionaries"
    | "recycle"
    | "orgs"
    | "accounts"
    | "tokens"
    | "audit"
    | "stats"
    | "usage"
    | "backups"
    | "reviews"
    | "notices"
    | "print"
    | "inbox";
  action: Action | null;
  icon: ReactNode;
}

const icon = (d: string) => (
  <svg viewBox="0 0 24 24" aria-hidden="true" className="size-5 shrink-0" fill="none" stroke="currentColor">
    <path d={d} strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

const ITEMS: NavItem[] = [
  { to: "/admin", label: "home", action: null, icon: icon("M3 11l9-7 9 7M5 10v10h5v-6h4v6h5V10") },
  {
    to: "/admin/data/people",
    label: "people",
    action: "record.read",
    icon: icon("M12 11a4 4 0 100-8 4 4 0 000 8M4 21v-1a6 6 0 016-6h4a6 6 0 016 6v1"),
  },
  {
    to: "/admin/tables",
    label: "tables",
    action: "schema.read",
    icon: icon("M3 5h18v14H3zM3 10h18M9 10v9"),
  },
  {
    to: "/admin/dictionaries",
    label: "dictionaries",
    action: "schema.read",
    icon: icon("M5 4h11a3 3 0 013 3v13H8a3 3 0 01-3-3zM5 17a3 3 0 013-3h11M9 8h6"),
  },
  {
    to: "/admin/recycle",
    label: "recycle",
    action: "record.delete",
    icon: icon("M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6"),
  },
  {
    to: "/admin/notices",
    label: "notices",
    action: "notice.send",
    icon: icon("M4 10v4h3l5 4V6L7 10zM16 9a4 4 0 010 6M18.5 6.5a8 8 0 010 11"),
  },
  {
    to: "/admin/print",
    label: "print",
    action: "print.run",
    icon: icon("M7 8V3h10v5M7 17H4v-7h16v7h-3M7 14h10v7H7z"),
  },
  {
    to: "/admin/inbox",
    label: "inbox",
    action: "console.enter",
    icon: icon("M4 5h16v14H4zM4 13h5l1 2h4l1-2h5"),
  },
  {
    to: "/admin/reviews",
    label: "reviews",
    action: "selfservice.review",
    icon: icon("M9 11l2 2 4-4M5 4h14v16H5zM9 17h6"),
  },
  {
    to: "/admin/orgs",
    label: "orgs",
    action: "org.read",
    icon: icon("M9 3h6v4H9zM3 17h6v4H3zM15 17h6v4h-6zM12 7v5M6 17v-5h12v5"),
  },
  {
    to: "/admin/accounts",
    label: "accounts",
    action: "account.read",
    icon: icon(
      "M16 19v-1a4 4 0 00-4-4H7a4 4 0 00-4 4v1M9.5 10a3 3 0 100-6 3 3 0 000 6M21 19v-1a4 4 0 00-3-3.9M16 4.1a3 3 0 010 5.8",
    ),
  },
  {
    to: "/admin/tokens",
    label: "tokens",
    action: "token.manage",
    icon: icon("M15 7a4 4 0 11-3.9 4.9L4 19v2h3v-2h2v-2h2l1.1-1.1A4 4 0 0115 7zM16 9h.01"),
  },
  {
    to: "/admin/audit",
    label: "audit",
    action: "audit.read",
    icon: icon("M7 3h8l4 4v14H7zM15 3v4h4M10 12h6M10 16h6M10 8h2"),
  },
  {
    to: "/admin/stats",
    label: "stats",
    action: "stats.read",
    icon: icon("M4 4v16h16M8 16l4-5 3 3 5-6"),
  },
  {
    to: "/admin/stats/usage",
    label: "usage",
    action: "usage.read",
    icon: icon("M4 20h16M7 16v-5M12 16V8M17 16v-8"),
  },
  {
    to: "/admin/backups",
    label: "backups",
    action: "backup.manage",
    icon: icon(
      "M4 7c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zM4 7v10c0 1.7 3.6 3 8 3s8-1.3 8-3V7M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3",
    ),
  },
];

/** Counts the console layout's loader sends for the navigation (pending reviews, unread messages). */
function useNavCounts(): Partial<Record<NavItem["label"], number>> {
  const data = useRouteLoaderData("routes/admin/layout") as
    | { pendingReviews?: number; unreadInbox?: number }
    | undefined;
  return { reviews: data?.pendingReviews ?? 0, inbox: data?.unreadInbox ?? 0 };
}

function NavList() {
  const { t } = useTranslation();
  const actions: readonly string[] = useRoot().user?.actions ?? [];
  const counts = useNavCounts();
  return (
    <ul className="flex flex-col gap-1">
      {ITEMS.filter((item) => !item.action || actions.includes(item.action)).map((item) => (
        <li key={item.to}>
          <NavLink
            to={item.to}
            end={item.to === "/admin" || item.to === "/admin/stats"}
            className={({ isActive }) =>
              `flex items-center gap-3 rounded-md px-3 py-2.5 text-sm font-medium transition-colors ${
                isActive ? "bg-brand-50 text-brand-700" : "text-stone-700 hover:bg-stone-100"
              }`
            }
          >
            {item.icon}
            {t(`admin.nav.${item.label}`)}
            {counts[item.label] ? (
              <span className="ml-auto rounded-full bg-red-600 px-2 text-xs leading-5 font-semibold text-white">
                {counts[item.label]}
              </span>
            ) : null}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

export function SideNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("admin.shell.mainNav")} className="sticky top-14 p-3">
      <NavList />
    </nav>
  );
}

/** The phone menu: closes itself after a navigation when JS runs. */
export function PhoneNav() {
  const { t } = useTranslation();
  const ref = useRef<HTMLDetailsElement>(null);
  const location = useLocation();
  useEffect(() => {
    ref.current?.removeAttribute("open");
  }, [location.pathname, location.search]);
  return (
    <details ref={ref} className="group lg:hidden">
      <summary
        className="flex cursor-pointer list-none items-center rounded-md p-2 text-stone-700 hover:bg-stone-100 [&::-webkit-details-marker]:hidden"
        aria-label={t("admin.shell.menu")}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" className="size-6" fill="none" stroke="currentColor">
          <path
            d="M4 7h16M4 12h16M4 17h16"
            className="group-open:hidden"
            strokeWidth="1.8"
            strokeLinecap="round"
          />
          <path
            d="M6 6l12 12M18 6L6 18"
            className="hidden group-open:block"
            strokeWidth="1.8"
            strokeLinecap="round"
          />
        </svg>
      </summary>
      <nav
        aria-label={t("admin.shell.mainNav")}
        className="absolute inset-x-0 top-full border-b border-stone-200 bg-white p-3 shadow-lg"
      >
        <NavList />
      </nav>
    </details>
  );
}
