// The chart builder's form as a ChartSpec (and back, to edit a saved chart): which combinations make
// sense is checked here, before the server is asked, so the form can say what is missing. Pure.
import {
  type ChartRequest,
  type ChartSpec,
  type ChartType,
  chartSpecSchema,
  type GroupBy,
  type Period,
} from "../../stats/spec.ts";
import type { StatsField } from "./fields.ts";

export type BuilderFn = "count" | "sum" | "avg";

export interface BuilderState {
  title: string;
  type: ChartType;
  /** "" none (allowed along time only). */
  rows: string;
  /** Band width as typed; "" none. */
  rowsBin: string;
  columns: string;
  columnsBin: string;
  fn: BuilderFn;
  measureField: string;
  time: boolean;
  timeMode: "flow" | "stock";
  period: Period;
  from: string;
  to: string;
  viewId: number | null;
  /** "" live. */
  asOf: string;
}

export type ProblemKey =
  | "title"
  | "rows"
  | "bin"
  | "binNumber"
  | "measureField"
  | "pieColumns"
  | "pyramidColumns"
  | "sameField"
  | "dates"
  | "dateOrder";

/** Form control → what is wrong with it (a key of stats.builder.problems). */
export type Problems = Partial<
  Record<"title" | "rows" | "rowsBin" | "columns" | "columnsBin" | "measure" | "time", ProblemKey>
>;

/** Along time a chart is lines or bars per period (or their table); pies and pyramids are of categories. */
export const TIME_TYPES: readonly ChartType[] = ["line", "bar", "stacked", "table"];

export function initialState(today: string): BuilderState {
  return {
    title: "",
    type: "bar",
    rows: "$community",
    rowsBin: "",
    columns: "",
    columnsBin: "",
    fn: "count",
    measureField: "",
    time: false,
    timeMode: "flow",
    period: "month",
    from: `${today.slice(0, 4)}-01-01`,
    to: today,
    viewId: null,
    asOf: "",
  };
}

function groupBy(
  key: string,
  binText: string,
  fields: readonly StatsField[],
): { group: GroupBy } | { problem: "bin" | "binNumber" } {
  if (binText.trim() === "") return { group: { field: key } };
  const field = fields.find((f) => f.key === key);
  if (field && !field.numeric) return { problem: "binNumber" };
  const bin = Number(binText);
  if (!Number.isInteger(bin) || bin < 1 || bin > 1000) return { problem: "bin" };
  return { group: { field: key, bin } };
}

/**
 * The spec the form describes, or what is wrong with it. `fallbackTitle` stands in for an empty title
 * (the preview draws before the chart has a name).
 */
export function buildSpec(
  state: BuilderState,
  fields: readonly StatsField[],
  fallbackTitle?: string,
): { spec: ChartSpec; problems: null } | { spec: null; problems: Problems } {
  const problems: Problems = {};
  const title = state.title.trim() || fallbackTitle?.trim() || "";
  if (!title) problems.title = "title";
  const type = state.time && !TIME_TYPES.includes(state.type) ? "line" : state.type;
  const spec: ChartSpec = { title, type, table: "people", measure: { fn: "count" } };
  if (state.viewId !== null) spec.viewId = state.viewId;

  // A flow along time counts kinds of change (新增, 修改, 删除, 恢复): those are its series.
  const flow = state.time && state.timeMode === "flow";
  if (state.rows && !flow) {
    const rows = groupBy(state.rows, state.rowsBin, fields);
    if ("problem" in rows) problems.rowsBin = rows.problem;
    else spec.rows = rows.group;
  } else if (!state.time) problems.rows = "rows";

  // Along time the first grouping names the series; a second one has no place on the chart.
  if (state.columns && !state.time) {
    if (state.columns === state.rows) problems.columns = "sameField";
    else if (type === "pie") problems.columns = "pieColumns";
    else {
      const columns = groupBy(state.columns, state.columnsBin, fields);
      if ("problem" in columns) problems.columnsBin = columns.problem;
      else spec.columns = columns.group;
    }
  } else if (type === "pyramid" && !state.time) problems.columns = "pyramidColumns";

  if (state.fn !== "count") {
    const field = fields.find((f) => f.key === state.measureField);
    if (!field?.numeric) problems.measure = "measureField";
    else spec.measure = { fn: state.fn, field: field.key };
  }

  if (state.time) {
    if (!state.from || !state.to) problems.time = "dates";
    else if (state.from > state.to) problems.time = "dateOrder";
    else spec.time = { mode: state.timeMode, period: state.period, from: state.from, to: state.to };
  }

  if (Object.keys(problems).length > 0) return { spec: null, problems };
  // The shared schema has the last word (lengths, ranges), as the server will.
  const parsed = chartSpecSchema.safeParse(spec);
  if (!parsed.success) return { spec: null, problems: { title: "title" } };
  return { spec: parsed.data, problems: null };
}

/** A chart request for the preview: the spec, live or as of the chosen day. */
export const chartRequest = (spec: ChartSpec, asOf: string): ChartRequest =>
  asOf ? { chart: spec, asOf } : { chart: spec };

/** A saved chart back in the form (editing a chart of a dashboard). */
export function stateOfSpec(spec: ChartSpec, today: string): BuilderState {
  const base = initialState(today);
  const fn: BuilderFn = spec.measure.fn === "sum" || spec.measure.fn === "avg" ? spec.measure.fn : "count";
  return {
    ...base,
    title: spec.title,
    type: spec.type,
    rows: spec.rows?.field ?? "",
    rowsBin: spec.rows?.bin ? String(spec.rows.bin) : "",
    columns: spec.columns?.field ?? "",
    columnsBin: spec.columns?.bin ? String(spec.columns.bin) : "",
    fn,
    measureField: spec.measure.field ?? "",
    time: !!spec.time,
    timeMode: spec.time?.mode ?? base.timeMode,
    period: spec.time?.period ?? base.period,
    from: spec.time?.from ?? base.from,
    to: spec.time?.to ?? base.to,
    viewId: spec.viewId ?? null,
  };
}

/** A title from the groupings until the reader writes one: 社区 × 特殊人群. */
export function suggestedTitle(state: BuilderState, label: (key: string) => string): string {
  const parts = [state.rows, state.time ? "" : state.columns].filter(Boolean).map(label);
  return parts.join(" × ");
}
