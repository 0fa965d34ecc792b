// What the grid page tells the reader above the grid: the progress of a save, the report of what was
// saved and what was refused (row by row), a bulk action's notice (with its undo), and, for screen
// readers, the latest short note.
import { useTranslation } from "react-i18next";
import { Notice } from "../ui.tsx";
import type { MarkUndo } from "./api.ts";
import type { GridNotice } from "./useBulkActions.ts";
import type { CellProblem, useEdits } from "./useEdits.ts";

export function Messages(props: {
  edits: ReturnType<typeof useEdits>;
  note: string | null;
  notice: GridNotice | null;
  onUndoMark(undo: MarkUndo): void;
  onDismiss(): void;
}) {
  const { t } = useTranslation();
  const { progress, report } = props.edits;
  return (
    <div className="flex flex-col gap-2">
      {progress ? (
        <Notice kind="info">
          {t("grid.progress", {
            kind: t(`grid.kinds.${progress.kind}`),
            done: progress.done,
            total: progress.total,
          })}
        </Notice>
      ) : null}
      {report && !progress ? (
        <ReportNotice report={report} onClose={() => props.edits.setReport(null)} />
      ) : null}
      {props.notice ? (
        <Notice kind={props.notice.kind}>
          <span className="flex flex-wrap items-center gap-3">
            {props.notice.text}
            {props.notice.undoMark ? (
              <button
                type="button"
                className="underline"
                onClick={() => props.onUndoMark(props.notice!.undoMark!)}
              >
                {t("grid.toolbar.undo")}
              </button>
            ) : null}
            <button type="button" className="ml-auto text-xs underline" onClick={props.onDismiss}>
              {t("grid.dismiss")}
            </button>
          </span>
        </Notice>
      ) : null}
      <p className="sr-only" aria-live="polite">
        {props.note}
      </p>
    </div>
  );
}

function ReportNotice(props: {
  report: NonNullable<ReturnType<typeof useEdits>["report"]>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { report } = props;
  const problems: CellProblem[] = report.problems;
  return (
    <div
      role={problems.length > 0 ? "alert" : "status"}
      data-testid="grid-report"
      className={`rounded-md border px-4 py-3 text-sm ${
        problems.length > 0
          ? "border-amber-200 bg-amber-50 text-amber-900"
          : "border-green-200 bg-green-50 text-green-800"
      }`}
    >
      <div className="flex flex-wrap items-center gap-3">
        <span>
          {t("grid.report.saved", { kind: t(`grid.kinds.${report.kind}`), count: report.saved })}
          {problems.length > 0 ? ` ${t("grid.report.notSaved", { count: problems.length })}` : ""}
        </span>
        <button type="button" className="ml-auto text-xs underline" onClick={props.onClose}>
          {t("grid.dismiss")}
        </button>
      </div>
      {problems.length > 0 ? (
        <table className="mt-2 w-full text-left text-xs">
          <caption className="sr-only">{t("grid.report.caption")}</caption>
          <thead>
            <tr>
              <th className="py-1 pr-3 font-medium">{t("grid.report.row")}</th>
              <th className="py-1 pr-3 font-medium">{t("grid.report.column")}</th>
              <th className="py-1 font-medium">{t("grid.report.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {problems.slice(0, 50).map((p, i) => (
              <tr key={`${p.rowNumber}-${p.column}-${i}`} className="border-t border-amber-200">
                <td className="py-1 pr-3 tabular-nums">{p.rowNumber}</td>
                <td className="py-1 pr-3">{p.column}</td>
                <td className="py-1">{p.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {problems.length > 50 ? (
        <p className="mt-1 text-xs">{t("grid.report.more", { count: problems.length - 50 })}</p>
      ) : null}
    </div>
  );
}
