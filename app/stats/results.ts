// What statistics answer, as they leave the server (JSON-safe, no record values beyond counts and sums).
// Pure types: the charts and the report viewer in the browser import them too.
import type { GroupKey, Measure } from "../../analytics/query/results.ts";
import type { ChartType, Period } from "./spec.ts";

export type { GroupKey, Measure };

/** When the numbers are from: live (now) or as of a past moment. */
export interface Moment {
  /** Epoch ms of the state counted. */
  at: number;
  /** YYYY-MM-DD (China time) of `at`: the day ages are counted on. */
  day: string;
  live: boolean;
}

/** A chart without a time axis: categories × series × one measure. */
export interface CategoryChart {
  kind: "categories";
  title: string;
  type: ChartType;
  moment: Moment;
  measure: Measure;
  /** What the categories and the series are of (labels for axes and legends). */
  rowsLabel: string;
  columnsLabel: string | null;
  categories: GroupKey[];
  /** One series without `columns`; one per column value with it. */
  series: { key: GroupKey; values: (number | null)[] }[];
  /** The measure over every record counted (each record once). */
  total: number | null;
}

export interface PeriodKey {
  /** "2026", "2026-12", "2026-W49", "2026-12-07". */
  key: string;
  label: string;
  /** First day and last day of the period (YYYY-MM-DD, China time). */
  from: string;
  to: string;
}

/** A chart along time: one value per period and series. */
export interface TimeChart {
  kind: "time";
  title: string;
  type: ChartType;
  mode: "flow" | "stock";
  period: Period;
  measure: Measure;
  periods: PeriodKey[];
  series: { key: GroupKey; values: (number | null)[] }[];
}

export type ChartResult = CategoryChart | TimeChart;

/** One row of a pivot report: a leaf combination of row keys, a subtotal of an outer key, or the total. */
export interface PivotRow {
  kind: "cell" | "subtotal" | "total";
  /** The row keys from the outermost in; a subtotal has as many as its level, the total none. */
  path: GroupKey[];
  /** values[column][measure], columns in the order of `PivotResult.columns`. */
  values: (number | null)[][];
  /** The measures over all of the row's columns (each record once). */
  total: (number | null)[];
}

export interface PivotResult {
  name: string;
  moment: Moment;
  rowFields: { key: string; label: string }[];
  columnFields: { key: string; label: string }[];
  measures: Measure[];
  /** The leaf column combinations, outermost key first; one empty path when there are no column groups. */
  columns: { path: GroupKey[] }[];
  /** In display order: each outer key's cells, then its subtotal (when asked), the total last (when asked). */
  rows: PivotRow[];
  /** True when no record matched: the viewer shows an empty state, not an empty table. */
  empty: boolean;
}

export interface UsageSeries {
  feature: string;
  label: string;
  values: number[];
}

/** Usage of the platform's functions by period. */
export interface UsageResult {
  period: Period;
  periods: PeriodKey[];
  series: UsageSeries[];
  /** Each feature's total over the whole range. */
  totals: { feature: string; label: string; count: number }[];
}
