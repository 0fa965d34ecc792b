// /admin/stats/builder — 图表设计: any field or computed field, grouped by one or two, as bars, lines,
// pies, stacks, a pyramid or a table; count, sum or average; along time or as of a day; saved to a
// dashboard. ?dashboard=<id> offers that dashboard first; with &chart=<n> it edits that chart.
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { AdminErrorBoundary } from "../../../components/admin/ErrorPanel.tsx";
import { PageHeader } from "../../../components/admin/Page.tsx";
import { ChartBuilder } from "../../../components/stats/ChartBuilder.tsx";
import { loadStatsPage } from "../../../components/stats/load.server.ts";
import { statsTitle } from "../../../components/stats/meta.ts";
import { StatsLinks } from "../../../components/stats/StatsLinks.tsx";
import { requireStaff, run } from "../../../core/route.server.ts";
import type { Route } from "./+types/builder";

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  return run(() => loadStatsPage(context.services, caller));
}

export function meta({ matches }: Route.MetaArgs) {
  return statsTitle(matches, "builder");
}

const number = (value: string | null, max = 1e10) =>
  value && /^\d{1,10}$/.test(value) && Number(value) < max ? Number(value) : null;

export default function StatsBuilder({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const dashboardId = number(params.get("dashboard"));
  const chartIndex = dashboardId ? number(params.get("chart"), 24) : null;
  return (
    <>
      <PageHeader title={t("stats.titles.builder")} description={t("stats.builder.intro")} />
      <StatsLinks />
      <ChartBuilder
        // A different chart to edit starts the form afresh.
        key={`${dashboardId}:${chartIndex}`}
        fields={loaderData.fields}
        today={loaderData.today}
        dashboardId={dashboardId}
        chartIndex={chartIndex}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
