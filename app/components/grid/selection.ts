// The rows ticked in the grid: each by its record id (kept as it was when ticked), or every row the
// filter matches, loaded or not.
import type { GridRow } from "../../../analytics/query/results.ts";
import type { RowWindows } from "./windows.ts";

export interface RowSelection {
  /** The rows ticked, as they were when ticked (the record id is what counts). */
  rows: ReadonlyMap<number, GridRow>;
  /** Every row the filter matches, loaded or not. */
  all: boolean;
  /** The row index a shift-click extends from. */
  anchor: number | null;
}

export const NO_SELECTION: RowSelection = { rows: new Map(), all: false, anchor: null };

/**
 * The selection after ticking or unticking the row at `index`; shift ticks every loaded row from the
 * last one clicked. Null when that row is not loaded.
 */
export function toggleRow(
  selection: RowSelection,
  windows: Pick<RowWindows, "rowAt">,
  index: number,
  shift: boolean,
): RowSelection | null {
  const row = windows.rowAt(index);
  if (!row) return null;
  const rows = new Map(selection.rows);
  if (shift && selection.anchor !== null) {
    const [from, to] = [Math.min(selection.anchor, index), Math.max(selection.anchor, index)];
    for (let i = from; i <= to; i++) {
      const r = windows.rowAt(i);
      if (r) rows.set(r.id, r);
    }
  } else if (rows.has(row.id)) rows.delete(row.id);
  else rows.set(row.id, row);
  return { rows, all: false, anchor: index };
}

/** The header check box: ticks every loaded row, or unticks them when those on screen are all ticked. */
export function toggleLoaded(
  selection: RowSelection,
  loaded: readonly GridRow[],
  allOnScreen: boolean,
): RowSelection {
  const rows = new Map(selection.rows);
  for (const r of loaded) {
    if (allOnScreen) rows.delete(r.id);
    else rows.set(r.id, r);
  }
  return { rows, all: false, anchor: null };
}
