// A saved report: as of which day, 「导出 Excel」 / 「导出 PDF」 (links the browser downloads through with
// its session) and 「打印」; the pivot table carries its own print layout, the page chrome is hidden.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { buttonLink } from "../admin/Page.tsx";
import { ErrorNote, secondaryButton } from "../query/parts.tsx";
import { useLoad } from "../query/useLoad.ts";
import { exportUrl, type SavedReport, useStatsApi } from "./api.ts";
import { PivotTable } from "./PivotTable.tsx";
import { MomentPicker } from "./pickers.tsx";

export function ReportViewer(props: { report: SavedReport; today: string; version: number }) {
  const { t } = useTranslation();
  const api = useStatsApi();
  const { report } = props;
  const fixed = report.definition.asOf?.slice(0, 10) ?? "";
  const [asOf, setAsOf] = useState("");
  const day = fixed || asOf;
  const result = useLoad(
    `${report.id}:${day}:${props.version}`,
    (signal) => api.reportResult(report.id, fixed ? undefined : asOf || undefined, signal),
    100,
  );
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3 rounded-lg border border-stone-200 bg-white p-3 shadow-sm sm:p-4 print:hidden">
        {fixed ? (
          <p className="text-sm text-stone-600">{t("stats.report.fixedNote", { day: fixed })}</p>
        ) : (
          <MomentPicker
            value={asOf}
            onChange={setAsOf}
            defaultDay={props.today}
            legend={t("stats.report.asOf")}
          />
        )}
        <div className="flex flex-wrap gap-2">
          <a href={exportUrl(report.id, "xlsx", day || undefined)} className={buttonLink.secondary} download>
            {t("stats.report.exportXlsx")}
          </a>
          <a href={exportUrl(report.id, "pdf", day || undefined)} className={buttonLink.secondary} download>
            {t("stats.report.exportPdf")}
          </a>
          <button type="button" className={secondaryButton} onClick={() => window.print()}>
            {t("stats.report.print")}
          </button>
        </div>
      </div>
      <div aria-busy={result.loading || undefined} aria-live="polite">
        {result.error ? <ErrorNote error={result.error} /> : null}
        {result.loading && !result.data ? (
          <p className="text-sm text-stone-500">{t("stats.loading")}</p>
        ) : null}
        {result.data && !result.error ? <PivotTable result={result.data} /> : null}
      </div>
    </div>
  );
}
