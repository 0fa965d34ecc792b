// 图表设计: the form on one side, the live preview on the other (below it on a phone), and 「保存到看板」.
// The preview asks the server shortly after the last change (POST /api/v1/stats/charts), cancelling the
// request a newer change made stale. Opened from a dashboard with a chart, it edits that chart.
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { isAbort } from "../query/api.ts";
import { ErrorNote } from "../query/parts.tsx";
import { useLoad } from "../query/useLoad.ts";
import { useStatsApi } from "./api.ts";
import { BuilderForm } from "./BuilderForm.tsx";
import {
  type BuilderState,
  buildSpec,
  chartRequest,
  initialState,
  stateOfSpec,
  suggestedTitle,
} from "./builder.ts";
import { ChartBoundary } from "./ChartBoundary.tsx";
import { ChartError, ChartMoment } from "./ChartCard.tsx";
import { fieldLabel, type StatsField } from "./fields.ts";
import { SaveToDashboard } from "./SaveToDashboard.tsx";
import { StatChart } from "./StatChart.tsx";

export interface ChartBuilderProps {
  fields: StatsField[];
  today: string;
  dashboardId: number | null;
  chartIndex: number | null;
}

export function ChartBuilder(props: ChartBuilderProps) {
  const { t, i18n } = useTranslation();
  const api = useStatsApi();
  const [state, setState] = useState<BuilderState>(() => initialState(props.today));
  const [showProblems, setShowProblems] = useState(false);
  const label = (key: string) => fieldLabel(props.fields, key, i18n.language);
  const suggestion = suggestedTitle(state, label);
  const built = useMemo(() => buildSpec(state, props.fields, suggestion), [state, props.fields, suggestion]);

  // Editing a saved chart: its spec fills the form once the dashboard is read.
  useEditedChart(props, setState);

  const request = built.spec ? chartRequest(built.spec, state.time ? "" : state.asOf) : null;
  const preview = useLoad(
    request ? JSON.stringify(request) : null,
    (signal) => api.chart(request!, signal),
    400,
  );
  const result = preview.data;
  // A title that is only the suggestion is saved as the suggestion.
  const spec = built.spec;
  const problems =
    showProblems || state.title ? (built.problems ?? {}) : { ...built.problems, title: undefined };

  return (
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
      <div className="flex flex-col gap-6">
        <BuilderForm
          state={state}
          onChange={(patch) => setState((s) => ({ ...s, ...patch }))}
          fields={props.fields}
          problems={problems}
          titlePlaceholder={suggestion}
          today={props.today}
        />
        <SaveToDashboard
          spec={spec}
          dashboardId={props.dashboardId}
          chartIndex={props.chartIndex}
          onProblem={() => setShowProblems(true)}
        />
      </div>
      <section
        aria-labelledby="preview-title"
        aria-busy={preview.loading || undefined}
        className="flex min-w-0 flex-col gap-3 rounded-lg border border-stone-200 bg-white p-3 shadow-sm sm:p-4"
      >
        <header className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="preview-title" className="text-base font-semibold text-stone-900">
            {t("stats.builder.preview")}
            {result ? `：${result.title}` : ""}
          </h2>
          <p className="text-xs text-stone-500" aria-live="polite">
            {preview.loading ? t("stats.loading") : result ? <ChartMoment result={result} /> : null}
          </p>
        </header>
        {!request ? (
          <p className="text-sm text-stone-500">{t("stats.builder.previewHint")}</p>
        ) : preview.error && !isAbort(preview.error) ? (
          <ErrorNote error={preview.error} />
        ) : result ? (
          <ChartBoundary data={result} fallback={<ChartError message={t("stats.drawFailed")} />}>
            <StatChart result={result} />
          </ChartBoundary>
        ) : (
          <div className="h-72 animate-pulse rounded-md bg-stone-50" />
        )}
      </section>
    </div>
  );
}

function useEditedChart(props: ChartBuilderProps, setState: (s: BuilderState) => void) {
  const api = useStatsApi();
  const { dashboardId, chartIndex, today } = props;
  useEffect(() => {
    if (dashboardId === null || chartIndex === null) return;
    const controller = new AbortController();
    api
      .dashboards(controller.signal)
      .then((list) => {
        const chart = list.items.find((d) => d.id === dashboardId)?.definition.charts[chartIndex];
        if (chart && !controller.signal.aborted) setState(stateOfSpec(chart, today));
      })
      .catch(() => {
        // Not found or not readable: the form starts empty, and saving appends.
      });
    return () => controller.abort();
  }, [api, dashboardId, chartIndex, today, setState]);
}
