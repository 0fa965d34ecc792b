// The dashboard page's choices as URL parameters (so a comparison can be reloaded or sent on) and the
// edits of a saved dashboard's chart list. Pure.
import type { DashboardDefinition } from "../../stats/spec.ts";

export interface DashboardChoice {
  /** A saved dashboard's id; null: the built-in 人口概况. */
  board: number | null;
  /** "" live. */
  asOf: string;
  /** The second moment of a comparison ("" live); null: no comparison. */
  compare: string | null;
  viewId: number | null;
}

const ID = /^[1-9]\d{0,9}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function choiceOf(params: URLSearchParams): DashboardChoice {
  const id = (name: string) => {
    const v = params.get(name);
    return v && ID.test(v) ? Number(v) : null;
  };
  const day = (name: string) => {
    const v = params.get(name) ?? "";
    return DAY.test(v) ? v : "";
  };
  const compare = params.get("cmp");
  return {
    board: id("d"),
    asOf: day("asOf"),
    compare: compare === null ? null : day("cmp"),
    viewId: id("view"),
  };
}

export function paramsOf(choice: DashboardChoice): URLSearchParams {
  const params = new URLSearchParams();
  if (choice.board !== null) params.set("d", String(choice.board));
  if (choice.asOf) params.set("asOf", choice.asOf);
  if (choice.compare !== null) params.set("cmp", choice.compare);
  if (choice.viewId !== null) params.set("view", String(choice.viewId));
  return params;
}

/** The chart list with one chart moved up (-1) or down (+1); unchanged at either end. */
export function moveChart(definition: DashboardDefinition, index: number, by: -1 | 1): DashboardDefinition {
  const to = index + by;
  if (index < 0 || index >= definition.charts.length || to < 0 || to >= definition.charts.length)
    return definition;
  const charts = [...definition.charts];
  [charts[index], charts[to]] = [charts[to]!, charts[index]!];
  return { charts };
}

export const removeChart = (definition: DashboardDefinition, index: number): DashboardDefinition => ({
  charts: definition.charts.filter((_, i) => i !== index),
});

/** A day some weeks back, where a comparison starts (the reader then picks the day they mean). */
export function daysBefore(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}
