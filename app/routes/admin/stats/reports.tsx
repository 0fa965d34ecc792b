// /admin/stats/reports — 统计报表: the saved reports (one's own and those shared), and 新建报表.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AdminErrorBoundary } from "../../../components/admin/ErrorPanel.tsx";
import { buttonLink, PageHeader } from "../../../components/admin/Page.tsx";
import { loadStatsPage } from "../../../components/stats/load.server.ts";
import { statsTitle } from "../../../components/stats/meta.ts";
import { ReportList } from "../../../components/stats/ReportList.tsx";
import { StatsLinks } from "../../../components/stats/StatsLinks.tsx";
import { requireStaff, run } from "../../../core/route.server.ts";
import type { Route } from "./+types/reports";

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  // Checks the reader may read statistics (the list itself comes from the API).
  await run(() => loadStatsPage(context.services, caller));
  return null;
}

export function meta({ matches }: Route.MetaArgs) {
  return statsTitle(matches, "reports");
}

export default function StatsReports() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t("stats.titles.reports")}
        description={t("stats.reports.intro")}
        actions={
          <Link to="/admin/stats/reports/new" className={`${buttonLink.primary} print:hidden`}>
            + {t("stats.reports.new")}
          </Link>
        }
      />
      <StatsLinks />
      <ReportList />
    </>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
