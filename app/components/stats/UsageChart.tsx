// The usage chart: one line per feature over the periods. Recharts measures its container in the browser
// (ResponsiveContainer renders nothing useful on the server), so the chart is drawn after mount and the
// server sends a placeholder of the same height: the page does not jump when it appears.
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { PeriodKey, UsageSeries } from "../../stats/results.ts";
import type { Period } from "../../stats/spec.ts";
import { useRoot } from "../useRoot.ts";
import { chartRows, featureColour, featureLabel, periodTick, periodTitle } from "./usage-chart.ts";

const HEIGHT = 320;

export interface UsageChartProps {
  period: Period;
  periods: PeriodKey[];
  /** The features to draw (those used at least once). */
  series: UsageSeries[];
}

export function UsageChart(props: UsageChartProps) {
  const { t } = useTranslation();
  const { lang } = useRoot();
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const rows = useMemo(() => chartRows(props.periods, props.series), [props.periods, props.series]);
  const byKey = useMemo(() => new Map(props.periods.map((p) => [p.key, p])), [props.periods]);

  if (!mounted) {
    return (
      <div
        style={{ height: HEIGHT }}
        className="flex items-center justify-center text-sm text-stone-400"
        aria-hidden="true"
      >
        {t("usage.chart.loading")}
      </div>
    );
  }
  return (
    <div style={{ height: HEIGHT }} role="img" aria-label={t("usage.chart.title")}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 4, left: -12 }}>
          <CartesianGrid stroke="#e7e5e4" strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="key"
            tickFormatter={(key: string) => {
              const p = byKey.get(key);
              return p ? periodTick(p, props.period, lang) : key;
            }}
            tick={{ fontSize: 12, fill: "#57534e" }}
            interval="preserveStartEnd"
            minTickGap={8}
          />
          <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#57534e" }} width={48} />
          <Tooltip
            labelFormatter={(key) => {
              const p = byKey.get(String(key));
              return p ? periodTitle(p, lang) : String(key);
            }}
            contentStyle={{ fontSize: 13 }}
          />
          <Legend wrapperStyle={{ fontSize: 12, paddingTop: 8 }} />
          {props.series.map((s) => (
            <Line
              key={s.feature}
              type="monotone"
              dataKey={s.feature}
              name={featureLabel(s.feature, lang)}
              stroke={featureColour(s.feature)}
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
