// One chart (SPEC §A5): categories × series of one measure, live or as of a moment; or a time axis —
// what happened in each period (flow: records added, changed, deleted, restored) or what the table held
// at the end of each period (stock: as of each period's last day, from the record history).
import { invalid } from "../../app/core/errors.ts";
import type { Caller, Services } from "../../app/core/services.server.ts";
import { parseInput } from "../../app/core/validate.ts";
import { isoFromEpochDays } from "../../app/people/normalise/calendar.ts";
import { resolveMoment } from "../../app/stats/moment.ts";
import { CHINA_OFFSET_MS, endOfDay, periodOf, periodsBetween, startOfDay } from "../../app/stats/periods.ts";
import type { CategoryChart, ChartResult, Moment, TimeChart } from "../../app/stats/results.ts";
import { type ChartSpec, chartRequestSchema, type TimeAxis } from "../../app/stats/spec.ts";
import { fromRecords } from "../query/compile.ts";
import type { GroupKey } from "../query/results.ts";
import { statKey } from "./keys.ts";
import { measureOf } from "./measures.ts";
import { pivotTable } from "./pivot.ts";
import { openSource } from "./source.server.ts";

/** Points of a stock axis: each is a count as of a moment, so they are bounded. */
export const MAX_STOCK_POINTS = 60;
const DAY_MS = 86_400_000;

export async function runChart(services: Services, caller: Caller, input: unknown): Promise<ChartResult> {
  const { chart, asOf } = parseInput(chartRequestSchema, input);
  if (chart.time)
    return chart.time.mode === "flow"
      ? flowChart(services, caller, chart, chart.time)
      : stockChart(services, caller, chart, chart.time);
  return categoryChart(services, caller, chart, resolveMoment(asOf));
}

async function categoryChart(
  services: Services,
  caller: Caller,
  chart: ChartSpec,
  moment: Moment,
): Promise<CategoryChart> {
  if (!chart.rows)
    throw invalid("请选择按哪个字段分组 / Choose what to group by", { rows: "必填 / Required" });
  const groups = [chart.rows, ...(chart.columns ? [chart.columns] : [])];
  const source = await openSource(services, caller, chart, moment, { groups, measures: [chart.measure] });
  const { compiled } = source;
  const rows = statKey(compiled, chart.rows, source.orgs);
  const columns = chart.columns ? statKey(compiled, chart.columns, source.orgs) : undefined;
  const { measure, sql } = measureOf(compiled, chart.measure);
  const table = await pivotTable(source.read, fromRecords(compiled.needsMarks), compiled.where, {
    rows: [rows],
    columns: columns ? [columns] : [],
    measures: [sql],
    subtotals: false,
    totals: false,
    rowTotals: false,
  });
  const cells = table.rows.filter((r) => r.kind === "cell");
  const seriesKeys: GroupKey[] = columns
    ? table.columns.map((c) => c.path[0]!)
    : [{ code: null, label: measure.label }];
  return {
    kind: "categories",
    title: chart.title,
    type: chart.type,
    moment,
    measure,
    rowsLabel: rows.label,
    columnsLabel: columns?.label ?? null,
    categories: cells.map((r) => r.path[0]!),
    series: seriesKeys.map((key, s) => ({ key, values: cells.map((r) => r.values[s]?.[0] ?? null) })),
    total: table.grand[0] ?? null,
  };
}

const FLOW_KINDS: GroupKey[] = [
  { code: "create", label: "新增" },
  { code: "update", label: "修改" },
  { code: "delete", label: "删除" },
  { code: "restore", label: "恢复" },
];

/** Versions per period and kind, of the records the filter matches now (deleted ones included). */
async function flowChart(
  services: Services,
  caller: Caller,
  chart: ChartSpec,
  time: TimeAxis,
): Promise<TimeChart> {
  const periods = periodsBetween(time.from, time.to, time.period);
  const live = resolveMoment(undefined);
  const source = await openSource(
    services,
    caller,
    chart,
    live,
    { groups: [], measures: [] },
    { includeDeleted: true },
  );
  const { compiled } = source;
  const start = startOfDay(periods[0]!.from);
  const end = endOfDay(periods.at(-1)!.to);
  // Counted per Beijing day (an integer, cheap on millions of versions), then added up into periods here.
  const filtered =
    compiled.where === "TRUE"
      ? ""
      : `AND v.record_id IN (SELECT r.id FROM ${fromRecords(compiled.needsMarks)} WHERE ${compiled.where})`;
  const rows = await source.read(
    `SELECT (v.at_ms + ${CHINA_OFFSET_MS}) // ${DAY_MS} AS d, v.kind, count(*) AS n FROM history_versions v
      WHERE v.at_ms BETWEEN ${start} AND ${end} ${filtered}
      GROUP BY d, v.kind`,
  );
  const index = new Map(periods.map((p, i) => [p.key, i]));
  const values = new Map(FLOW_KINDS.map((k) => [k.code, periods.map(() => 0)]));
  for (const row of rows) {
    const i = index.get(periodOf(isoFromEpochDays(Number(row.d)), time.period).key);
    const list = values.get(String(row.kind));
    if (i !== undefined && list) list[i]! += Number(row.n);
  }
  return {
    kind: "time",
    title: chart.title,
    type: chart.type,
    mode: "flow",
    period: time.period,
    measure: { fn: "count", label: "条数" },
    periods,
    series: FLOW_KINDS.map((key) => ({ key, values: values.get(key.code!)! })),
  };
}

/** The count (by the chart's rows, if any) as of the end of each period; the current period is live. */
async function stockChart(
  services: Services,
  caller: Caller,
  chart: ChartSpec,
  time: TimeAxis,
): Promise<TimeChart> {
  const periods = periodsBetween(time.from, time.to, time.period);
  if (periods.length > MAX_STOCK_POINTS)
    throw invalid(
      `期末人数最多统计 ${MAX_STOCK_POINTS} 个时间点，请缩短时间范围或按更长的周期 / At most ${MAX_STOCK_POINTS} points for period-end counts; shorten the range or use a longer period`,
    );
  const now = Date.now();
  const first = resolveMoment(undefined, now);
  if (startOfDay(periods[0]!.from) > now)
    throw invalid("开始日期不能晚于今天 / The start date cannot be in the future", {
      from: "晚于今天 / In the future",
    });
  const points = periods.filter((p) => startOfDay(p.from) <= now);
  const series = new Map<string, { key: GroupKey; values: (number | null)[] }>();
  const seriesOf = (key: GroupKey) => {
    const id = JSON.stringify(key.code);
    if (!series.has(id)) series.set(id, { key, values: periods.map(() => null) });
    return series.get(id)!;
  };
  let measureLabel = "人数";
  for (const [i, period] of points.entries()) {
    const at = Math.min(endOfDay(period.to), now);
    const moment = at === now ? first : resolveMoment(new Date(at).toISOString(), now);
    const result = await categoryOrCount(services, caller, chart, moment);
    measureLabel = result.measureLabel;
    for (const { key, value } of result.values) seriesOf(key).values[i] = value;
  }
  return {
    kind: "time",
    title: chart.title,
    type: chart.type,
    mode: "stock",
    period: time.period,
    measure: {
      fn: chart.measure.fn,
      ...(chart.measure.field ? { field: chart.measure.field } : {}),
      label: measureLabel,
    },
    periods,
    series: [...series.values()],
  };
}

async function categoryOrCount(services: Services, caller: Caller, chart: ChartSpec, moment: Moment) {
  if (chart.rows) {
    const result = await categoryChart(services, caller, { ...chart, columns: undefined }, moment);
    return {
      measureLabel: result.measure.label,
      values: result.categories.map((key, c) => ({ key, value: result.series[0]!.values[c] ?? null })),
    };
  }
  const source = await openSource(services, caller, chart, moment, { groups: [], measures: [chart.measure] });
  const { measure, sql } = measureOf(source.compiled, chart.measure);
  const value = sql.fn === "count" ? "count(*)" : `${sql.fn}(${sql.sql})`;
  const [row] = await source.read(
    `SELECT ${value} AS v FROM ${fromRecords(source.compiled.needsMarks)} WHERE ${source.compiled.where}`,
  );
  return {
    measureLabel: measure.label,
    values: [{ key: { code: null, label: measure.label }, value: row?.v == null ? null : Number(row.v) }],
  };
}
