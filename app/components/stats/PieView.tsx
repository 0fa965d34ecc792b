// A pie of one series (or, for counts and sums, the series added up), slices labelled with their share.
import { useTranslation } from "react-i18next";
import { Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";
import { colourAt, formatNumber } from "./shape.ts";

export function PieView(props: { slices: { name: string; value: number }[]; height: number }) {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  const total = props.slices.reduce((a, s) => a + s.value, 0);
  const share = (v: number) =>
    total > 0 ? (v / total).toLocaleString(locale, { style: "percent", maximumFractionDigits: 1 }) : "";
  return (
    <ResponsiveContainer width="100%" height={props.height}>
      <PieChart margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <Pie
          data={props.slices}
          dataKey="value"
          nameKey="name"
          outerRadius="75%"
          label={props.slices.length <= 8 ? ({ value }: { value?: number }) => share(value ?? 0) : false}
          labelLine={false}
          isAnimationActive={false}
        >
          {props.slices.map((s, i) => (
            <Cell key={s.name} fill={colourAt(i)} stroke="#fff" />
          ))}
        </Pie>
        <Tooltip
          formatter={(v: unknown) =>
            typeof v === "number" ? `${formatNumber(v, locale)}（${share(v)}）` : String(v)
          }
        />
        <Legend itemSorter={null} />
      </PieChart>
    </ResponsiveContainer>
  );
}
