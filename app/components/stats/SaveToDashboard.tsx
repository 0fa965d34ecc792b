// 「保存到看板」: add the chart to one of the reader's own dashboards (PATCH with the chart appended, or
// put in place of the chart being edited) or start a new dashboard with it (POST).
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ChartSpec } from "../../stats/spec.ts";
import { border, control, ErrorNote, primaryButton } from "../query/parts.tsx";
import { useLoad } from "../query/useLoad.ts";
import { type SavedDashboard, useStatsApi } from "./api.ts";

const NEW = "new";

export function SaveToDashboard(props: {
  spec: ChartSpec | null;
  /** The dashboard to offer first (the builder was opened from it). */
  dashboardId: number | null;
  /** Editing this chart of that dashboard: saving replaces it. */
  chartIndex: number | null;
  onProblem: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const api = useStatsApi();
  const list = useLoad("dashboards", (signal) => api.dashboards(signal), 0);
  const mine = (list.data?.items ?? []).filter((d) => d.mine);
  const [target, setTarget] = useState<string>(props.dashboardId ? String(props.dashboardId) : NEW);
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<SavedDashboard | null>(null);
  const [nameProblem, setNameProblem] = useState(false);

  // With no dashboard of one's own, the only choice is a new one.
  useEffect(() => {
    const own = (list.data?.items ?? []).filter((d) => d.mine);
    if (list.data && target !== NEW && !own.some((d) => String(d.id) === target)) setTarget(NEW);
  }, [list.data, target]);

  const save = async () => {
    if (!props.spec) return props.onProblem();
    const chart = props.spec;
    setError(null);
    setSaved(null);
    if (target === NEW && !name.trim()) return setNameProblem(true);
    setBusy(true);
    try {
      if (target === NEW) {
        setSaved(await api.createDashboard({ name: name.trim(), definition: { charts: [chart] } }));
      } else {
        const board = mine.find((d) => String(d.id) === target)!;
        const charts = [...board.definition.charts];
        const replacing =
          board.id === props.dashboardId && props.chartIndex !== null && charts[props.chartIndex];
        if (replacing) charts[props.chartIndex!] = chart;
        else charts.push(chart);
        setSaved(await api.updateDashboard(board.id, { definition: { charts } }));
      }
      list.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-3 print:hidden">
      <h2 id={`${id}-title`} className="text-base font-semibold text-stone-900">
        {t("stats.builder.save")}
      </h2>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm font-medium text-stone-700">
          {t("stats.builder.saveTo")}
          <select
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            className={`${control} ${border()} font-normal`}
          >
            {mine.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
            <option value={NEW}>{t("stats.builder.newBoard")}</option>
          </select>
        </label>
        {target === NEW ? (
          <label className="flex flex-col gap-1 text-sm font-medium text-stone-700">
            {t("stats.builder.newBoardName")}
            <input
              value={name}
              maxLength={100}
              aria-invalid={nameProblem || undefined}
              onChange={(e) => {
                setName(e.target.value);
                setNameProblem(false);
              }}
              className={`${control} ${border(nameProblem)} font-normal`}
            />
            {nameProblem ? (
              <span className="text-red-700">{t("stats.builder.problems.boardName")}</span>
            ) : null}
          </label>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={primaryButton} disabled={busy} onClick={save}>
          {busy ? t("stats.builder.saving") : t("stats.builder.save")}
        </button>
        {saved ? (
          <p role="status" className="text-sm text-green-700">
            {t("stats.builder.savedTo", { name: saved.name })}{" "}
            <Link to={`/admin/stats?d=${saved.id}`} className="underline">
              {t("stats.builder.openBoard")}
            </Link>
          </p>
        ) : null}
      </div>
      {error ? <ErrorNote error={error} /> : null}
    </section>
  );
}
