// /admin/stats/reports/new — 新建报表: design a pivot report with a live preview; once saved, its page.
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { AdminErrorBoundary } from "../../../components/admin/ErrorPanel.tsx";
import { PageHeader } from "../../../components/admin/Page.tsx";
import { loadStatsPage } from "../../../components/stats/load.server.ts";
import { statsTitle } from "../../../components/stats/meta.ts";
import { ReportEditor } from "../../../components/stats/ReportEditor.tsx";
import { StatsLinks } from "../../../components/stats/StatsLinks.tsx";
import { requireStaff, run } from "../../../core/route.server.ts";
import type { Route } from "./+types/report-new";

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  return run(() => loadStatsPage(context.services, caller));
}

export function meta({ matches }: Route.MetaArgs) {
  return statsTitle(matches, "reportNew");
}

export default function StatsReportNew({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t("stats.titles.reportNew")} description={t("stats.reports.intro")} />
      <StatsLinks />
      <ReportEditor
        fields={loaderData.fields}
        today={loaderData.today}
        saved={null}
        onSaved={(report) => navigate(`/admin/stats/reports/${report.id}`)}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
