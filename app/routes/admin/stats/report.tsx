// /admin/stats/reports/:id — a saved report: the pivot table as of a chosen day, 「导出 Excel」,
// 「导出 PDF」, 「打印」; its owner may change it (「修改报表」) with a live preview.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { data } from "react-router";
import { AdminErrorBoundary } from "../../../components/admin/ErrorPanel.tsx";
import { PageHeader } from "../../../components/admin/Page.tsx";
import { ErrorNote, secondaryButton } from "../../../components/query/parts.tsx";
import { useLoad } from "../../../components/query/useLoad.ts";
import { type SavedReport, useStatsApi } from "../../../components/stats/api.ts";
import { loadStatsPage } from "../../../components/stats/load.server.ts";
import { statsTitle } from "../../../components/stats/meta.ts";
import { ReportEditor } from "../../../components/stats/ReportEditor.tsx";
import { ReportViewer } from "../../../components/stats/ReportViewer.tsx";
import { StatsLinks } from "../../../components/stats/StatsLinks.tsx";
import { requireStaff, run } from "../../../core/route.server.ts";
import type { Route } from "./+types/report";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  if (!/^[1-9]\d{0,9}$/.test(params.id))
    throw data({ error: { code: "not_found", message: "没有这个报表 / No such report" } }, { status: 404 });
  const page = await run(() => loadStatsPage(context.services, caller));
  return { ...page, id: Number(params.id) };
}

export function meta({ matches }: Route.MetaArgs) {
  return statsTitle(matches, "report");
}

export default function StatsReport({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const api = useStatsApi();
  const { id } = loaderData;
  const loaded = useLoad(`report:${id}`, (signal) => api.report(id, signal), 0);
  const [saved, setSaved] = useState<SavedReport | null>(null);
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState(false);
  const report = saved ?? loaded.data;
  return (
    <>
      {/* The pivot table prints its own title and moment. */}
      <div className="print:hidden">
        <PageHeader
          title={report?.name ?? t("stats.titles.report")}
          description={
            report && !report.mine ? t("stats.dashboard.owner", { name: report.ownerName }) : undefined
          }
          actions={
            report?.mine ? (
              <button
                type="button"
                className={`${secondaryButton} print:hidden`}
                onClick={() => setEditing((e) => !e)}
              >
                {editing ? t("stats.report.closeEdit") : t("stats.report.edit")}
              </button>
            ) : null
          }
        />
      </div>
      <StatsLinks />
      {loaded.error ? <ErrorNote error={loaded.error} /> : null}
      {!report && !loaded.error ? <p className="text-sm text-stone-500">{t("stats.loading")}</p> : null}
      {report && editing ? (
        <ReportEditor
          key={version}
          fields={loaderData.fields}
          today={loaderData.today}
          saved={report}
          onSaved={(next) => {
            setSaved(next);
            setVersion((v) => v + 1);
            setEditing(false);
          }}
        />
      ) : null}
      {report && !editing ? (
        <ReportViewer report={report} today={loaderData.today} version={version} />
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
