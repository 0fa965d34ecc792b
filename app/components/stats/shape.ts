// A ChartResult as the rows Recharts draws: one label per category (or period) and one value per series,
// the pyramid's two sides, the empty test and number formatting. Pure, so it is unit-tested and the
// server render and the browser agree.
import type { ChartResult, GroupKey, Moment } from "../../stats/results.ts";

/** A calm palette that stays apart in greyscale print (Tableau 10, slightly muted). */
export const PALETTE = [
  "#4e79a7",
  "#f28e2b",
  "#59a14f",
  "#e15759",
  "#76b7b2",
  "#edc948",
  "#b07aa1",
  "#ff9da7",
  "#9c755f",
  "#bab0ac",
];
export const colourAt = (i: number) => PALETTE[i % PALETTE.length]!;

/** The two sides of a pyramid: 男 blue on the left, 女 red on the right. */
export const PYRAMID_COLOURS = { left: "#4e79a7", right: "#e15759" };

export interface SeriesShape {
  /** The data key in each row ("s0", "s1" …): series labels may hold any character. */
  dataKey: string;
  label: string;
  values: (number | null)[];
}

/** Categories (or periods) down one axis, series beside each other. */
export interface Matrix {
  labels: string[];
  series: SeriesShape[];
  /** What the labels are of (社区, 年龄 …, or the period). */
  axisLabel: string;
  /** What the series are of, when there are several. */
  seriesLabel: string | null;
  measureLabel: string;
}

// A key may be missing from a malformed answer (a series without its key): it reads as empty.
const keyLabel = (key: GroupKey | undefined, none: string) => (key?.label ? key.label : none);

/** Both chart kinds as one matrix. `none` names the empty value (未填写). */
export function matrixOf(result: ChartResult, none = "—"): Matrix {
  const single = result.series.length === 1;
  const columnsLabel = result.kind === "categories" ? result.columnsLabel : null;
  const series = result.series.map((s, i) => ({
    dataKey: `s${i}`,
    // One series without a column field is the measure itself (人数).
    label: single && !columnsLabel ? result.measure.label : keyLabel(s.key, none),
    values: s.values,
  }));
  if (result.kind === "categories")
    return {
      labels: result.categories.map((c) => keyLabel(c, none)),
      series,
      axisLabel: result.rowsLabel,
      seriesLabel: result.columnsLabel,
      measureLabel: result.measure.label,
    };
  return {
    labels: result.periods.map((p) => p.label),
    series,
    axisLabel: "",
    seriesLabel: null,
    measureLabel: result.measure.label,
  };
}

export type Row = { name: string } & Record<string, number | string | null>;

/** One row per label: { name, s0, s1 … }. */
export function rowsOf(matrix: Matrix): Row[] {
  return matrix.labels.map((name, i) => {
    const row: Row = { name };
    for (const s of matrix.series) row[s.dataKey] = s.values[i] ?? null;
    return row;
  });
}

/** True when there is nothing to draw: no categories, or every value 0 or null. */
export function isEmptyChart(result: ChartResult): boolean {
  const labels = result.kind === "categories" ? result.categories.length : result.periods.length;
  if (labels === 0 || result.series.length === 0) return true;
  return result.series.every((s) => s.values.every((v) => v === null || v === 0));
}

/** A pie has one value per slice: the one series, or (for counts and sums) the series added up. */
export function pieSlices(matrix: Matrix, additive: boolean): { name: string; value: number }[] {
  const slices = matrix.labels.map((name, i) => {
    const values = matrix.series.map((s) => s.values[i] ?? 0);
    return { name, value: additive ? values.reduce((a, b) => a + b, 0) : (values[0] ?? 0) };
  });
  return slices.filter((s) => s.value > 0);
}

export interface PyramidRow {
  name: string;
  /** The left side as a negative number (bars grow leftwards from the middle). */
  left: number;
  right: number;
}

export interface Pyramid {
  rows: PyramidRow[];
  leftLabel: string;
  rightLabel: string;
  /** The biggest side value: both sides share the scale ±max so the middle stays in the middle. */
  max: number;
}

const MALE = /^(男|male|m)$/i;
const FEMALE = /^(女|female|f)$/i;
const lowerBound = (label: string) => {
  const m = /^\s*(\d+)/.exec(label);
  return m ? Number(m[1]) : null;
};

/**
 * The age pyramid: 男 (or the first series) on the left as negative bars, 女 (or the second) on the
 * right; categories top-down oldest first (bands are sorted by their lower bound, descending; bands
 * without a number, such as 未填写, go last). Further series (sex unknown) are not drawn.
 */
export function pyramidOf(matrix: Matrix): Pyramid {
  const male = matrix.series.find((s) => MALE.test(s.label.trim()));
  const female = matrix.series.find((s) => FEMALE.test(s.label.trim()));
  const left = male ?? matrix.series[0];
  const right = female ?? matrix.series.find((s) => s !== left);
  const order = matrix.labels.map((label, i) => ({ label, i, low: lowerBound(label) }));
  if (order.some((o) => o.low !== null))
    order.sort((a, b) => {
      if (a.low === null || b.low === null) return a.low === null ? (b.low === null ? a.i - b.i : 1) : -1;
      return b.low - a.low || a.i - b.i;
    });
  let max = 0;
  const rows = order.map(({ label, i }) => {
    const l = left?.values[i] ?? 0;
    const r = right?.values[i] ?? 0;
    max = Math.max(max, Math.abs(l), Math.abs(r));
    return { name: label, left: -Math.abs(l), right: Math.abs(r) };
  });
  return { rows, leftLabel: left?.label ?? "", rightLabel: right?.label ?? "", max };
}

/** 12,345 / 12,345.6 with the reader's separators; "—" for nothing. */
export function formatNumber(value: number | null | undefined, locale: string, decimals = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return value.toLocaleString(locale, { maximumFractionDigits: decimals });
}

/** Axis ticks: the absolute value (the pyramid's left side is negative underneath). */
export const formatAbs = (locale: string) => (value: number) => formatNumber(Math.abs(value), locale, 0);

/** The day a moment shows: "实时 · 2026-05-11" or "截至 2025-12-31". */
export function momentText(moment: Moment, t: (key: string, o?: Record<string, unknown>) => string): string {
  return moment.live
    ? t("stats.moment.live", { day: moment.day })
    : t("stats.moment.asOf", { day: moment.day });
}

/** Round steps (1, 2, 5 × 10ⁿ) either side of the pyramid's middle, at most 3 per side, reaching `max`. */
export function symmetricTicks(max: number): number[] {
  if (!(max > 0)) return [-1, 0, 1];
  const rough = max / 3;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const n = Math.ceil(max / step);
  return Array.from({ length: 2 * n + 1 }, (_, i) => (i - n) * step);
}
