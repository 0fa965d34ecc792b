// The grid's columns: TanStack Table over the view's columns (order, widths, visibility, frozen
// columns, sort keys), laid out left to right with each frozen column's sticky offset, and what the
// header menu and drag and drop do to them. Sorting is the engine's, so the table holds no rows.
import {
  columnOrderingFeature,
  columnPinningFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  functionalUpdate,
  rowSortingFeature,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";
import { useCallback, useMemo, useRef } from "react";
import type { GridRow } from "../../../analytics/query/results.ts";
import {
  columnLabel,
  FIXED_COLUMNS,
  FIXED_WIDTH,
  freezeThrough,
  MAX_WIDTH,
  MIN_WIDTH,
  moveColumn,
  reorder,
  setVisibility,
  setWidths,
  sortable,
  sortingOf,
  sortOf,
  tableColumnState,
} from "./columns.ts";
import type { DataGridProps } from "./DataGrid.tsx";
import type { ColumnAction } from "./HeaderCell.tsx";
import { type ColumnLayout, FOOTER_HEIGHT, summed, type Translate } from "./layout.ts";

const features = tableFeatures({
  columnOrderingFeature,
  columnVisibilityFeature,
  columnPinningFeature,
  columnSizingFeature,
  columnResizingFeature,
  rowSortingFeature,
});

const NO_ROWS: never[] = [];
const NUMERIC_EDITORS = new Set(["number"]);

type ColumnProps = Pick<
  DataGridProps,
  "table" | "columns" | "onColumnsChange" | "sort" | "onSortChange" | "windows" | "totals" | "narrow"
>;

export type ColumnTable = ReturnType<typeof useGridColumns>["table"];

export function useGridColumns(props: ColumnProps, t: Translate) {
  const { table: gridTable, columns, windows } = props;
  const fieldsByKey = useMemo(() => new Map(gridTable.fields.map((f) => [f.key, f])), [gridTable.fields]);
  const labelOf = useCallback((key: string) => columnLabel(key, fieldsByKey, t), [fieldsByKey, t]);

  const columnDefs = useMemo(
    () => [
      ...FIXED_COLUMNS.map((id) => ({
        id,
        header: id,
        size: FIXED_WIDTH[id],
        enableSorting: false,
        enableResizing: false,
        enableHiding: false,
      })),
      ...columns.map((c) => ({
        id: c.key,
        // Sorting is the engine's; TanStack only offers it on columns with an accessor.
        accessorFn: (row: GridRow) => row.values[c.key],
        header: labelOf(c.key),
        size: c.width,
        minSize: MIN_WIDTH,
        maxSize: MAX_WIDTH,
        enableSorting: sortable(c.key, fieldsByKey.get(c.key)),
      })),
    ],
    // Column identity only: widths, order and visibility come through state.
    [columns.map((c) => c.key).join("|"), labelOf, fieldsByKey],
  );
  const digits = String(windows.total).length;
  const columnState = useMemo(() => tableColumnState(columns, windows.total), [columns, digits]);
  const sorting = useMemo(() => sortingOf(props.sort), [props.sort]);
  const columnsRef = useRef(columns);
  columnsRef.current = columns;
  const { onColumnsChange, onSortChange } = props;
  const table = useTable({
    features,
    columns: columnDefs,
    data: NO_ROWS,
    state: { ...columnState, sorting },
    manualSorting: true,
    enableMultiSort: true,
    maxMultiSortColCount: 5,
    enableSortingRemoval: true,
    // Ascending first, then descending, then unsorted, whatever the column holds.
    sortDescFirst: false,
    isMultiSortEvent: (e: unknown) => !!(e as { shiftKey?: boolean }).shiftKey,
    columnResizeMode: "onChange",
    onColumnSizingChange: (updater) =>
      onColumnsChange(setWidths(columnsRef.current, functionalUpdate(updater, columnState.columnSizing))),
    onColumnOrderChange: (updater) =>
      onColumnsChange(reorder(columnsRef.current, functionalUpdate(updater, columnState.columnOrder))),
    onColumnVisibilityChange: (updater) =>
      onColumnsChange(
        setVisibility(columnsRef.current, functionalUpdate(updater, columnState.columnVisibility)),
      ),
    onSortingChange: (updater) => onSortChange(sortOf(functionalUpdate(updater, sorting))),
  });

  const layout: ColumnLayout[] = useMemo(() => {
    let left = 0;
    return table.getVisibleLeafColumns().map((column) => {
      const key = column.id;
      const field = fieldsByKey.get(key);
      const width = column.getSize();
      const pinned = column.getIsPinned();
      const out: ColumnLayout = {
        key,
        field,
        label: labelOf(key),
        width,
        // On a phone only the row number and check box stay put; frozen columns scroll with the rest.
        sticky:
          pinned && (!props.narrow || FIXED_COLUMNS.includes(key as never)) ? column.getStart("start") : null,
        left,
        numeric: !!field && NUMERIC_EDITORS.has(field.editor),
      };
      left += width;
      return out;
    });
  }, [table, columnState, fieldsByKey, labelOf, props.narrow]);
  const dataColumns = useMemo(() => layout.filter((c) => !FIXED_COLUMNS.includes(c.key as never)), [layout]);
  const totalWidth = layout.reduce((sum, c) => sum + c.width, 0);
  const frozenWidth = layout.filter((c) => c.sticky !== null).reduce((sum, c) => sum + c.width, 0);
  const hasFooter = dataColumns.some((column) => summed(column, props.totals));
  const footerHeight = hasFooter ? FOOTER_HEIGHT : 0;

  const columnAction = (key: string, action: ColumnAction) => {
    const current = columnsRef.current;
    switch (action.kind) {
      case "sort": {
        const rest = props.sort.filter((s) => s.field !== key);
        onSortChange(action.dir ? [{ field: key, dir: action.dir }, ...rest].slice(0, 5) : rest);
        return;
      }
      case "move":
        return onColumnsChange(moveColumn(current, key, { step: action.step }));
      case "freeze":
        return onColumnsChange(freezeThrough(current, key));
      case "unfreeze": {
        const at = current.findIndex((c) => c.key === key);
        return onColumnsChange(freezeThrough(current, at > 0 ? current[at - 1]!.key : null));
      }
      case "hide":
        return onColumnsChange(current.map((c) => (c.key === key ? { ...c, hidden: true } : c)));
    }
  };
  /** A column dragged onto another's header goes before it. */
  const dropColumn = (dragged: string, before: string) =>
    onColumnsChange(moveColumn(columnsRef.current, dragged, { before }));

  return {
    table,
    layout,
    dataColumns,
    totalWidth,
    frozenWidth,
    hasFooter,
    footerHeight,
    columnAction,
    dropColumn,
  };
}
