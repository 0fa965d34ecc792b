// The statistics pages side by side: 看板, 图表设计, 统计报表 and (for those who may read it) 使用统计.
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { useRoot } from "../useRoot.ts";

const LINKS = [
  { to: "/admin/stats", key: "dashboard", end: true },
  { to: "/admin/stats/builder", key: "builder", end: false },
  { to: "/admin/stats/reports", key: "reports", end: false },
  { to: "/admin/stats/usage", key: "usage", end: false },
] as const;

export function StatsLinks() {
  const { t } = useTranslation();
  const actions: readonly string[] = useRoot().user?.actions ?? [];
  return (
    <nav aria-label={t("stats.links.label")} className="-mt-3 mb-5 overflow-x-auto print:hidden">
      <ul className="flex gap-1 border-b border-stone-200">
        {LINKS.filter((l) => l.key !== "usage" || actions.includes("usage.read")).map((l) => (
          <li key={l.key}>
            <NavLink
              to={l.to}
              end={l.end}
              className={({ isActive }) =>
                `inline-flex min-h-10 items-center border-b-2 px-3 text-sm whitespace-nowrap ${
                  isActive
                    ? "border-brand-500 font-medium text-brand-700"
                    : "border-transparent text-stone-600 hover:text-stone-900"
                }`
              }
            >
              {t(`stats.links.${l.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
