// The report builder's form as a ReportDefinition (and a saved one back in the form). Pure.
import type { Aggregate } from "../../query/view.ts";
import {
  type GroupBy,
  type MeasureSpec,
  type ReportDefinition,
  reportDefinitionSchema,
} from "../../stats/spec.ts";
import type { StatsField } from "./fields.ts";

export interface GroupChoice {
  field: string;
  /** Band width as typed; "" none. */
  bin: string;
}

export interface MeasureChoice {
  fn: Aggregate;
  /** "" for count. */
  field: string;
}

export interface ReportState {
  name: string;
  shared: boolean;
  rows: GroupChoice[];
  columns: GroupChoice[];
  measures: MeasureChoice[];
  subtotals: boolean;
  totals: boolean;
  viewId: number | null;
  /** A fixed moment the report is always run as of; "" live. */
  asOf: string;
}

export const MAX_ROWS = 3;
export const MAX_COLUMNS = 2;
export const MAX_MEASURES = 6;

export type ReportProblem = "rows" | "bin" | "binNumber" | "sameField" | "measureField" | "name";

/** Where a problem is: `rows.1`, `columns.0`, `measures.2`, `name`. */
export type ReportProblems = Record<string, ReportProblem>;

export const initialReport = (): ReportState => ({
  name: "",
  shared: false,
  rows: [{ field: "$community", bin: "" }],
  columns: [],
  measures: [{ fn: "count", field: "" }],
  subtotals: true,
  totals: true,
  viewId: null,
  asOf: "",
});

function group(choice: GroupChoice, fields: readonly StatsField[]): GroupBy | ReportProblem {
  if (!choice.field) return "rows";
  if (choice.bin.trim() === "") return { field: choice.field };
  const field = fields.find((f) => f.key === choice.field);
  if (field && !field.numeric) return "binNumber";
  const bin = Number(choice.bin);
  return Number.isInteger(bin) && bin >= 1 && bin <= 1000 ? { field: choice.field, bin } : "bin";
}

/** The definition the form describes, or where it is wrong. The name is checked on save only. */
export function buildReport(
  state: ReportState,
  fields: readonly StatsField[],
): { definition: ReportDefinition; problems: null } | { definition: null; problems: ReportProblems } {
  const problems: ReportProblems = {};
  const seen = new Set<string>();
  const groups = (list: GroupChoice[], side: "rows" | "columns") =>
    list.flatMap((choice, i) => {
      const g = group(choice, fields);
      if (typeof g === "string") {
        problems[`${side}.${i}`] = g;
        return [];
      }
      if (seen.has(g.field)) {
        problems[`${side}.${i}`] = "sameField";
        return [];
      }
      seen.add(g.field);
      return [g];
    });
  const rows = groups(state.rows.slice(0, MAX_ROWS), "rows");
  const columns = groups(state.columns.slice(0, MAX_COLUMNS), "columns");
  if (state.rows.length === 0) problems["rows.0"] = "rows";
  const measures: MeasureSpec[] = state.measures.slice(0, MAX_MEASURES).flatMap<MeasureSpec>((m, i) => {
    if (m.fn === "count") return [{ fn: "count" as const }];
    const field = fields.find((f) => f.key === m.field);
    if (!field?.numeric) {
      problems[`measures.${i}`] = "measureField";
      return [];
    }
    return [{ fn: m.fn, field: field.key }];
  });
  if (Object.keys(problems).length > 0) return { definition: null, problems };
  const parsed = reportDefinitionSchema.safeParse({
    table: "people",
    rows,
    columns,
    measures: measures.length > 0 ? measures : [{ fn: "count" }],
    subtotals: state.subtotals,
    totals: state.totals,
    ...(state.viewId !== null ? { viewId: state.viewId } : {}),
    ...(state.asOf ? { asOf: state.asOf } : {}),
  });
  if (!parsed.success) return { definition: null, problems: { "rows.0": "rows" } };
  return { definition: parsed.data, problems: null };
}

const choiceOf = (g: GroupBy): GroupChoice => ({ field: g.field, bin: g.bin ? String(g.bin) : "" });

export function stateOfReport(saved: {
  name: string;
  shared: boolean;
  definition: ReportDefinition;
}): ReportState {
  const d = saved.definition;
  return {
    name: saved.name,
    shared: saved.shared,
    rows: d.rows.map(choiceOf),
    columns: (d.columns ?? []).map(choiceOf),
    measures: (d.measures ?? [{ fn: "count" }]).map((m) => ({ fn: m.fn, field: m.field ?? "" })),
    subtotals: d.subtotals ?? true,
    totals: d.totals ?? true,
    viewId: d.viewId ?? null,
    asOf: d.asOf && /^\d{4}-\d{2}-\d{2}/.test(d.asOf) ? d.asOf.slice(0, 10) : "",
  };
}

/** A name from the groupings until the reader writes one: 社区 × 特殊人群. */
export function suggestedName(state: ReportState, label: (key: string) => string): string {
  const rows = state.rows
    .map((r) => r.field)
    .filter(Boolean)
    .map(label)
    .join(" / ");
  const columns = state.columns
    .map((c) => c.field)
    .filter(Boolean)
    .map(label)
    .join(" / ");
  return columns ? `${rows} × ${columns}` : rows;
}
