// Bars (grouped when there are several series), stacked bars and lines over categories or periods.
// Many or long category labels turn the bars sideways so they stay readable on a phone.
import { useTranslation } from "react-i18next";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { colourAt, formatNumber, type Matrix, rowsOf } from "./shape.ts";

const AXIS = { fontSize: 12, fill: "#57534e" };

/** Sideways bars when the labels would not fit under the x axis. */
export const sideways = (matrix: Matrix) =>
  matrix.labels.length > 8 || matrix.labels.some((l) => [...l].length > 6);

/** Room for every category when the bars lie sideways. */
export function cartesianHeight(matrix: Matrix, kind: "bar" | "stacked" | "line"): number {
  if (kind === "line" || !sideways(matrix)) return 288;
  const per = kind === "stacked" ? 26 : 14 + 12 * matrix.series.length;
  return Math.min(1200, Math.max(288, matrix.labels.length * per + 72));
}

export function CartesianChart(props: { matrix: Matrix; kind: "bar" | "stacked" | "line"; height: number }) {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  const { matrix, kind } = props;
  const data = rowsOf(matrix);
  // Dozens of series (every grid of every community) make a legend taller than the chart; the
  // tooltip and the data table still name them.
  const legend = matrix.series.length > 1 && matrix.series.length <= 12;
  const format = (v: unknown) => (typeof v === "number" ? formatNumber(v, locale) : String(v ?? "—"));
  const tick = (v: number) => formatNumber(v, locale, 0);
  if (kind === "line")
    return (
      <ResponsiveContainer width="100%" height={props.height}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#e7e5e4" strokeDasharray="3 3" />
          <XAxis dataKey="name" tick={AXIS} minTickGap={12} />
          <YAxis tick={AXIS} tickFormatter={tick} allowDecimals={false} width={56} />
          <Tooltip formatter={format} />
          {legend ? <Legend itemSorter={null} /> : null}
          {matrix.series.map((s, i) => (
            <Line
              key={s.dataKey}
              type="monotone"
              dataKey={s.dataKey}
              name={s.label}
              stroke={colourAt(i)}
              strokeWidth={2}
              dot={data.length <= 40}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    );
  const side = sideways(matrix);
  const stack = kind === "stacked" ? "all" : undefined;
  return (
    <ResponsiveContainer width="100%" height={props.height}>
      <BarChart
        data={data}
        layout={side ? "vertical" : "horizontal"}
        margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
      >
        <CartesianGrid stroke="#e7e5e4" strokeDasharray="3 3" />
        {side ? (
          <>
            <XAxis type="number" tick={AXIS} tickFormatter={tick} allowDecimals={false} />
            <YAxis type="category" dataKey="name" tick={AXIS} width={96} interval={0} />
          </>
        ) : (
          <>
            <XAxis dataKey="name" tick={AXIS} interval={0} />
            <YAxis tick={AXIS} tickFormatter={tick} allowDecimals={false} width={56} />
          </>
        )}
        <Tooltip formatter={format} cursor={{ fill: "#f5f5f4" }} />
        {legend ? <Legend itemSorter={null} /> : null}
        {matrix.series.map((s, i) => (
          <Bar
            key={s.dataKey}
            dataKey={s.dataKey}
            name={s.label}
            fill={colourAt(i)}
            stackId={stack}
            maxBarSize={48}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
