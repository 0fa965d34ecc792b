// 统计: which fields a count can be grouped by and which numbers measured, and the engine's GroupResult
// shaped as a cross table with row and column totals and the grand total. Pure.
import type { GroupResult } from "../../../analytics/query/results.ts";
import type { Aggregate, GroupRequest, ViewQuery } from "../../query/view.ts";
import type { GridField } from "../grid/types.ts";
import { countingQuery } from "./facets.ts";

export interface MeasureChoice {
  fn: Aggregate;
  field?: string;
}

const GROUP_FIRST = ["choice", "multichoice", "boolean"];
const GROUP_ALSO = ["text", "integer", "decimal", "date", "address"];
const NUMBER_TYPES = new Set(["integer", "decimal", "money", "formula"]);

/** Fields to group by: those with a few values first (人员类别, 性别 …), then other plain fields. */
export function groupableFields(fields: readonly GridField[]): GridField[] {
  const usable = fields.filter((f) => !f.hidden && !f.sensitive);
  return [
    ...usable.filter((f) => GROUP_FIRST.includes(f.type)),
    ...usable.filter((f) => GROUP_ALSO.includes(f.type)),
  ];
}

/** Number fields a sum, average, minimum or maximum can be taken of (formula fields such as 年龄 too). */
export const measureFields = (fields: readonly GridField[]): GridField[] =>
  fields.filter((f) => NUMBER_TYPES.has(f.type) && !f.hidden);

export const measureKey = (m: MeasureChoice) => `${m.fn}:${m.field ?? ""}`;

/** Add a measure unless the same one is there; at most 10. */
export function addMeasure(measures: readonly MeasureChoice[], m: MeasureChoice): MeasureChoice[] {
  if (m.fn !== "count" && !m.field) return [...measures];
  const clean: MeasureChoice = m.fn === "count" ? { fn: "count" } : { fn: m.fn, field: m.field };
  if (measures.some((x) => measureKey(x) === measureKey(clean)) || measures.length >= 10)
    return [...measures];
  return [...measures, clean];
}

/** Remove a measure; the last one stays (a table needs something to show). */
export function removeMeasure(measures: readonly MeasureChoice[], index: number): MeasureChoice[] {
  return measures.length <= 1 ? [...measures] : measures.filter((_, i) => i !== index);
}

export function statsRequest(
  query: ViewQuery,
  rows: string,
  columns: string | undefined,
  measures: readonly MeasureChoice[],
): GroupRequest {
  return {
    query: countingQuery(query),
    rows,
    ...(columns && columns !== rows ? { columns } : {}),
    measures: measures.length > 0 ? measures.map((m) => ({ ...m })) : [{ fn: "count" }],
  };
}

export interface CrossHeader {
  label: string;
  /** How many leaf columns it spans (one per measure). */
  span: number;
  total: boolean;
}

export interface CrossRow {
  label: string;
  values: (number | null)[];
}

export interface CrossTable {
  /** The column field's values and 合计; empty when grouping by one field. */
  groups: CrossHeader[];
  /** The measure of each leaf column. */
  leaves: number[];
  rows: CrossRow[];
  /** Column totals and the grand total. */
  footer: CrossRow;
}

/**
 * The cross table: rows by the row field; columns by the column field's values, then the row totals,
 * each as wide as the measures; the footer holds the column totals and the grand total. With one
 * field the measures are the columns and the footer holds the totals.
 */
export function crossTable(result: GroupResult, totalLabel: string): CrossTable {
  const m = result.measures.length;
  const measureIdx = result.measures.map((_, i) => i);
  const two = result.columnKeys.length > 0;
  if (!two)
    return {
      groups: [],
      leaves: measureIdx,
      rows: result.rowKeys.map((key, r) => ({
        label: key.label,
        values: measureIdx.map((i) => result.cells[r]?.[0]?.[i] ?? result.rowTotals[r]?.[i] ?? null),
      })),
      footer: { label: totalLabel, values: measureIdx.map((i) => result.total[i] ?? null) },
    };
  const groups: CrossHeader[] = [
    ...result.columnKeys.map((key) => ({ label: key.label, span: m, total: false })),
    { label: totalLabel, span: m, total: true },
  ];
  const leaves = groups.flatMap(() => measureIdx);
  const rows = result.rowKeys.map((key, r) => ({
    label: key.label,
    values: [
      ...result.columnKeys.flatMap((_, c) => measureIdx.map((i) => result.cells[r]?.[c]?.[i] ?? null)),
      ...measureIdx.map((i) => result.rowTotals[r]?.[i] ?? null),
    ],
  }));
  const footer = {
    label: totalLabel,
    values: [
      ...result.columnKeys.flatMap((_, c) => measureIdx.map((i) => result.columnTotals[c]?.[i] ?? null)),
      ...measureIdx.map((i) => result.total[i] ?? null),
    ],
  };
  return { groups, leaves, rows, footer };
}

/** A measure's value as the table shows it: counts whole, averages to two places, none as "—". */
export function formatMeasure(value: number | null, fn: Aggregate, locale: string): string {
  if (value === null || !Number.isFinite(value)) return "—";
  return value.toLocaleString(locale, {
    maximumFractionDigits: fn === "count" ? 0 : 2,
    minimumFractionDigits: fn === "avg" && !Number.isInteger(value) ? 2 : 0,
  });
}

/** The cross table as CSV text (for copying into a spreadsheet). */
export function crossCsv(table: CrossTable, corner: string, leafLabels: readonly string[]): string {
  const cell = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const line = (cells: string[]) => cells.map(cell).join(",");
  const header =
    table.groups.length > 0
      ? [
          line([corner, ...table.groups.flatMap((g) => Array.from({ length: g.span }, () => g.label))]),
          ...(leafLabels.length > 1 ? [line(["", ...table.leaves.map((i) => leafLabels[i] ?? "")])] : []),
        ]
      : [line([corner, ...table.leaves.map((i) => leafLabels[i] ?? "")])];
  const body = [...table.rows, table.footer].map((r) =>
    line([r.label, ...r.values.map((v) => (v === null ? "" : String(v)))]),
  );
  return [...header, ...body].join("\n");
}
