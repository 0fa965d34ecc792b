// A chart in a card: its title, the moment its numbers are from, and the chart — or the reason it
// could not be drawn (a field since removed, a date out of range), in the reader's language.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ChartResult, Moment } from "../../stats/results.ts";
import { useErrorText } from "../query/parts.tsx";
import { ChartBoundary } from "./ChartBoundary.tsx";
import { StatChart } from "./StatChart.tsx";
import { momentText } from "./shape.ts";

/** What a dashboard answers per chart. */
export type ChartOutcome = { ok: true; result: ChartResult } | { ok: false; title: string; error: string };

/** The line under a chart's title: the moment, or the time range of a chart along time. */
export function ChartMoment(props: { result: ChartResult; moment?: Moment }) {
  const { t } = useTranslation();
  const { result } = props;
  if (result.kind === "time") {
    const first = result.periods[0];
    const last = result.periods[result.periods.length - 1];
    return first && last ? <span>{t("stats.moment.range", { from: first.from, to: last.to })}</span> : null;
  }
  return <span data-testid="chart-moment">{momentText(result.moment, t)}</span>;
}

export function ChartError(props: { message: string }) {
  const { t } = useTranslation();
  const text = useErrorText();
  return (
    <div
      role="alert"
      className="flex min-h-40 items-center justify-center rounded-md border border-red-200 bg-red-50 px-4 py-6 text-center text-sm text-red-800"
    >
      {t("stats.failed", { message: text(props.message) })}
    </div>
  );
}

/** One chart of a dashboard (or one side of a comparison). */
export function ChartCard(props: { outcome: ChartOutcome; label?: string; actions?: ReactNode }) {
  const { t } = useTranslation();
  const { outcome } = props;
  const title = outcome.ok ? outcome.result.title : outcome.title;
  return (
    <section
      aria-label={props.label ? `${title} · ${props.label}` : title}
      className="flex min-w-0 flex-col gap-2 rounded-lg border border-stone-200 bg-white p-3 shadow-sm break-inside-avoid sm:p-4"
    >
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 className="text-base font-semibold text-stone-900">{title}</h2>
          <p className="text-xs text-stone-500">
            {outcome.ok ? <ChartMoment result={outcome.result} /> : props.label}
          </p>
        </div>
        {props.actions ? <div className="flex items-center gap-1 print:hidden">{props.actions}</div> : null}
      </header>
      {outcome.ok ? (
        <ChartBoundary data={outcome.result} fallback={<ChartError message={t("stats.drawFailed")} />}>
          <StatChart result={outcome.result} />
        </ChartBoundary>
      ) : (
        <ChartError message={outcome.error} />
      )}
    </section>
  );
}
