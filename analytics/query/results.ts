// What the query engine answers, as it leaves the server (JSON-safe, sensitive values masked unless the
// reader revealed them). Pure types: the grid in the browser imports them too.
import type { Aggregate } from "../../app/query/view.ts";

/** One row of the grid. */
export interface GridRow {
  id: number;
  systemId: string;
  /** For optimistic saves from the grid (a stale edit gets a 409). */
  version: number;
  orgId: number;
  orgName: string;
  /** Field key → value as forms take it (sensitive ones masked); computed columns included. */
  values: Record<string, unknown>;
  /** Field key → the text the grid shows. */
  display: Record<string, string>;
  /** Keys of the fields shown masked. */
  masked: string[];
  /** The manual colour mark (#RRGGBB) or, failing that, the first matching row rule's colour. */
  colour: string | null;
  /** Field key → colour from cell rules. */
  cellColours: Record<string, string>;
}

export interface RowWindow {
  /** Rows matching the query in the reader's scope (the grid's scrollbar spans them all). */
  total: number;
  offset: number;
  rows: GridRow[];
}

export interface FacetValue {
  /** The stored code; null for "empty". */
  code: string | null;
  label: string;
  colour?: string;
  count: number;
}

export interface Facet {
  field: string;
  label: string;
  values: FacetValue[];
}

export interface GroupKey {
  code: string | null;
  label: string;
}

export interface Measure {
  fn: Aggregate;
  /** Absent for count. */
  field?: string;
  label: string;
}

/** One or two-field statistics: rows × columns × measures, with totals. */
export interface GroupResult {
  measures: Measure[];
  rowKeys: GroupKey[];
  /** Empty when grouping by one field. */
  columnKeys: GroupKey[];
  /** cells[row][column][measure]; with one field, a single column. */
  cells: (number | null)[][][];
  /** Per row: the measures over all its columns. */
  rowTotals: (number | null)[][];
  /** Per column: the measures over all rows. */
  columnTotals: (number | null)[][];
  /** The measures over everything the query matches (the footer). */
  total: (number | null)[];
}

/** 页脚合计: what the current filter matches, with sum / avg of each number column shown. */
export interface Totals {
  count: number;
  /** Field key → { sum, avg, min, max } for number and money columns (money in yuan). */
  numbers: Record<string, { sum: number | null; avg: number | null; min: number | null; max: number | null }>;
}
