// A chart's numbers as a plain table: the `table` chart type, and the "查看数据表" under every other chart
// (for keyboards, screen readers and anyone who wants the exact figures).
import { useTranslation } from "react-i18next";
import { formatNumber, type Matrix } from "./shape.ts";

export function ChartTable(props: { matrix: Matrix; caption: string; totals?: boolean }) {
  const { i18n, t } = useTranslation();
  const { matrix } = props;
  const locale = i18n.language;
  const many = matrix.series.length > 1;
  const rowTotal = (i: number) => matrix.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0);
  return (
    <div
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls sideways by keyboard too
      tabIndex={0}
      className="max-w-full overflow-x-auto rounded-md border border-stone-200"
    >
      <table className="min-w-full border-collapse text-sm">
        <caption className="sr-only">{props.caption}</caption>
        <thead className="bg-stone-50 text-stone-700">
          <tr>
            <th scope="col" className="border-b border-stone-200 px-3 py-2 text-left font-medium">
              {matrix.axisLabel}
            </th>
            {matrix.series.map((s) => (
              <th
                key={s.dataKey}
                scope="col"
                className="border-b border-l border-stone-200 px-3 py-2 text-right font-medium"
              >
                {s.label}
              </th>
            ))}
            {many && props.totals ? (
              <th
                scope="col"
                className="border-b border-l border-stone-200 bg-stone-100 px-3 py-2 text-right"
              >
                {t("stats.total")}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {matrix.labels.map((label, i) => (
            <tr key={`${label}-${i}`} className="odd:bg-white even:bg-stone-50/50">
              <th scope="row" className="border-t border-stone-100 px-3 py-1.5 text-left font-normal">
                {label}
              </th>
              {matrix.series.map((s) => (
                <td
                  key={s.dataKey}
                  className="border-t border-l border-stone-100 px-3 py-1.5 text-right tabular-nums"
                >
                  {formatNumber(s.values[i], locale)}
                </td>
              ))}
              {many && props.totals ? (
                <td className="border-t border-l border-stone-100 bg-stone-50 px-3 py-1.5 text-right tabular-nums">
                  {formatNumber(rowTotal(i), locale)}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
