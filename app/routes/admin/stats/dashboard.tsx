// /admin/stats — 统计分析: the dashboards (built-in 人口概况 first, then saved ones), live or as of a day,
// or two moments side by side, under a saved view's filter. The loader sends the fields and today; the
// charts come from the JSON API after the page is in the browser (Recharts draws there).

import { useTranslation } from "react-i18next";
import type { ShouldRevalidateFunctionArgs } from "react-router";
import { AdminErrorBoundary } from "../../../components/admin/ErrorPanel.tsx";
import { PageHeader } from "../../../components/admin/Page.tsx";
import { Dashboard } from "../../../components/stats/Dashboard.tsx";
import { loadStatsPage } from "../../../components/stats/load.server.ts";
import { statsTitle } from "../../../components/stats/meta.ts";
import { StatsLinks } from "../../../components/stats/StatsLinks.tsx";
import { requireStaff, run } from "../../../core/route.server.ts";
import type { Route } from "./+types/dashboard";

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  return run(() => loadStatsPage(context.services, caller));
}

// The page's choices live in its URL; changing them asks the API, not the loader.
export function shouldRevalidate({
  currentUrl,
  nextUrl,
  formMethod,
  defaultShouldRevalidate,
}: ShouldRevalidateFunctionArgs) {
  if (!formMethod && currentUrl.pathname === nextUrl.pathname) return false;
  return defaultShouldRevalidate;
}

export function meta({ matches }: Route.MetaArgs) {
  return statsTitle(matches, "dashboard");
}

export default function StatsDashboard({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("stats.titles.dashboard")} description={t("stats.dashboard.intro")} />
      <StatsLinks />
      <Dashboard today={loaderData.today} />
    </>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
