// The age pyramid: one band per row, oldest at the top, 男 growing left and 女 right from a shared
// middle; axis ticks and tooltips show absolute numbers (the left side is negative underneath).
import { useTranslation } from "react-i18next";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatAbs, formatNumber, PYRAMID_COLOURS, type Pyramid, symmetricTicks } from "./shape.ts";

const AXIS = { fontSize: 12, fill: "#57534e" };

export const pyramidHeight = (pyramid: Pyramid) =>
  Math.min(1000, Math.max(288, pyramid.rows.length * 22 + 72));

export function PyramidChart(props: { pyramid: Pyramid; height: number }) {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  const { pyramid } = props;
  // Both sides share one scale with round ticks, so the middle stays in the middle.
  const ticks = symmetricTicks(pyramid.max);
  const max = ticks.at(-1)!;
  return (
    <ResponsiveContainer width="100%" height={props.height}>
      <BarChart
        data={pyramid.rows}
        layout="vertical"
        stackOffset="sign"
        barCategoryGap={1}
        margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
      >
        <CartesianGrid stroke="#e7e5e4" strokeDasharray="3 3" />
        <XAxis
          type="number"
          domain={[-max, max]}
          ticks={ticks}
          tick={AXIS}
          tickFormatter={formatAbs(locale)}
          allowDecimals={false}
        />
        <YAxis type="category" dataKey="name" tick={AXIS} width={64} interval={0} />
        <ReferenceLine x={0} stroke="#a8a29e" />
        <Tooltip
          formatter={(v: unknown) => (typeof v === "number" ? formatNumber(Math.abs(v), locale) : String(v))}
          cursor={{ fill: "#f5f5f4" }}
        />
        <Legend itemSorter="dataKey" />
        <Bar
          dataKey="left"
          name={pyramid.leftLabel}
          stackId="p"
          fill={PYRAMID_COLOURS.left}
          isAnimationActive={false}
        />
        <Bar
          dataKey="right"
          name={pyramid.rightLabel}
          stackId="p"
          fill={PYRAMID_COLOURS.right}
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
