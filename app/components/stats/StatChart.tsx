// One statistic drawn by its type: bar, stacked, line, pie, pyramid or a plain table. Charts are drawn
// after mount (Recharts measures the DOM); until then, and on the server, a placeholder of the same
// height keeps the page from jumping. Nothing to count reads 「暂无数据」, never an empty frame. Every
// chart carries its numbers in a table underneath for keyboards, screen readers and exact figures.
import { useTranslation } from "react-i18next";
import type { ChartResult } from "../../stats/results.ts";
import type { ChartType } from "../../stats/spec.ts";
import { CartesianChart, cartesianHeight } from "./CartesianChart.tsx";
import { ChartTable } from "./ChartTable.tsx";
import { PieView } from "./PieView.tsx";
import { PyramidChart, pyramidHeight } from "./PyramidChart.tsx";
import { isEmptyChart, matrixOf, pieSlices, pyramidOf } from "./shape.ts";
import { useMounted } from "./useMounted.ts";

/** How a result is drawn: a pyramid needs two sides, a time axis is not a pyramid or pie of periods. */
export function drawnAs(result: ChartResult, type: ChartType = result.type): ChartType {
  if (type === "pyramid" && (result.kind === "time" || result.series.length < 2)) return "bar";
  if (type === "pie" && result.kind === "time") return "line";
  return type;
}

export function StatChart(props: { result: ChartResult; type?: ChartType; data?: boolean }) {
  const { t } = useTranslation();
  const mounted = useMounted();
  const { result } = props;
  const type = drawnAs(result, props.type);
  const matrix = matrixOf(result, t("stats.none"));
  const additive = result.measure.fn === "count" || result.measure.fn === "sum";
  const caption = t("stats.chart.chartOf", { title: result.title, kind: t(`stats.types.${type}`) });

  if (isEmptyChart(result))
    return (
      <div className="flex h-40 items-center justify-center rounded-md border border-dashed border-stone-300 text-sm text-stone-500">
        {t("stats.empty")}
      </div>
    );
  if (type === "table") return <ChartTable matrix={matrix} caption={caption} totals={additive} />;

  const pyramid = type === "pyramid" ? pyramidOf(matrix) : null;
  const height = pyramid
    ? pyramidHeight(pyramid)
    : type === "pie"
      ? 320
      : cartesianHeight(matrix, type === "line" ? "line" : type === "stacked" ? "stacked" : "bar");
  return (
    <div className="flex flex-col gap-2">
      <figure role="img" aria-label={caption} style={{ height }} className="m-0 w-full min-w-0">
        {!mounted ? (
          <div className="flex h-full items-center justify-center rounded-md bg-stone-50 text-sm text-stone-400">
            {t("stats.loadingChart")}
          </div>
        ) : pyramid ? (
          <PyramidChart pyramid={pyramid} height={height} />
        ) : type === "pie" ? (
          <PieView slices={pieSlices(matrix, additive)} height={height} />
        ) : (
          <CartesianChart
            matrix={matrix}
            kind={type === "line" ? "line" : type === "stacked" ? "stacked" : "bar"}
            height={height}
          />
        )}
      </figure>
      {props.data === false ? null : (
        <details className="text-sm print:hidden">
          <summary className="cursor-pointer py-1 text-stone-600 hover:text-stone-900">
            {t("stats.chart.showData")}
          </summary>
          <div className="mt-2">
            <ChartTable matrix={matrix} caption={caption} totals={additive} />
          </div>
        </details>
      )}
    </div>
  );
}
