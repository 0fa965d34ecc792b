// biome-ignore-all lint/a11y/useSemanticElements: an ARIA grid of positioned divs (a <table> cannot be virtualised row by row)
// biome-ignore-all lint/a11y/useFocusableInteractive: the grid holds focus and names its active cell with aria-activedescendant
// The spreadsheet-like grid (SPEC §A3): TanStack Table holds the columns (order, widths, visibility,
// frozen columns, sort keys) and TanStack Virtual the rows. The scrollbar spans every matching row;
// only the rows on screen (plus a few) are in the page, fetched a window at a time as they come into
// view. One cell is active (arrow keys, Home/End, PageUp/PageDown); shift extends a rectangular range
// for copy, paste, fill down and clear; typing or Enter edits the active cell with its type's editor.
// This file puts the parts together: useGridColumns (columns), useRowScroll and useColumnRange (what
// is in the page), useActiveCell (active cell and range), useCellEditing (the editor), useGridClipboard
// (range commands), useGridInput (keyboard and mouse); HeaderRow, GridBody and TotalsRow draw them.
import { useCallback, useId, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { GridRow, Totals } from "../../../analytics/query/results.ts";
import type { Lang } from "../../i18n/index.ts";
import type { SortKey, ViewColumn } from "../../query/view.ts";
import type { ParseContext } from "../../schema/field-types/types.ts";
import type { RowHandlers } from "./BodyRow.tsx";
import { GridBody } from "./GridBody.tsx";
import { HeaderRow } from "./HeaderRow.tsx";
import { type RowSelection, toggleLoaded, toggleRow } from "./selection.ts";
import { TotalsRow } from "./TotalsRow.tsx";
import type { GridField, GridTable } from "./types.ts";
import { useActiveCell } from "./useActiveCell.ts";
import { useCellEditing } from "./useCellEditing.ts";
import type { useEdits } from "./useEdits.ts";
import { useGridClipboard } from "./useGridClipboard.ts";
import { useGridColumns } from "./useGridColumns.ts";
import { useGridInput } from "./useGridInput.ts";
import { useColumnRange, useRowScroll } from "./useGridScroll.ts";
import type { RowWindows } from "./windows.ts";

export interface DataGridProps {
  table: GridTable;
  columns: Required<ViewColumn>[];
  onColumnsChange(next: Required<ViewColumn>[]): void;
  sort: SortKey[];
  onSortChange(next: SortKey[]): void;
  windows: RowWindows;
  /** Bumped whenever rows arrive or change. */
  version: number;
  want(start: number, end: number): void;
  /** Rows `start`… (`count` of them), fetching those not loaded. */
  fetchRows(start: number, count: number): Promise<(GridRow | undefined)[]>;
  edits: ReturnType<typeof useEdits>;
  selection: RowSelection;
  onSelectionChange(next: RowSelection): void;
  onOpenRecord(id: number): void;
  totals: Totals | null;
  narrow: boolean;
  lang: Lang;
  dictionary: ParseContext["dictionary"];
  onNote(text: string): void;
  /** Accessible name of the grid. */
  label: string;
  height: string;
}

export function DataGrid(props: DataGridProps) {
  const { t } = useTranslation();
  const { table: gridTable, windows, selection } = props;
  const gridId = useId();
  const columns = useGridColumns(props, t);
  const { layout, dataColumns, totalWidth, frozenWidth, hasFooter } = columns;
  const total = windows.total;
  const body = useRowScroll(total, columns.footerHeight, props.want);
  const { scrollRef, items } = body;
  const focusGrid = body.focus;

  const cursor = useActiveCell({
    total,
    dataColumns,
    frozenWidth,
    virtualizer: body.virtualizer,
    scrollRef,
  });
  const { active, range } = cursor;
  const editor = useCellEditing(props, t, { dataColumns, moveTo: cursor.moveTo, focusGrid });
  const { editing } = editor;
  const optionsOf = useCallback(
    (field: GridField) => gridTable.dictionaries[field.options.dictionary ?? ""] ?? [],
    [gridTable.dictionaries],
  );
  const clipboard = useGridClipboard(props, t, { dataColumns, cursor, changeFor: editor.changeFor });

  const onToggleRow = (index: number, shift: boolean) => {
    const next = toggleRow(selection, windows, index, shift);
    if (next) props.onSelectionChange(next);
  };
  const control = useGridInput(props, {
    dataColumns,
    pageRows: body.pageRows,
    cursor,
    editor,
    clipboard,
    toggleRow: onToggleRow,
    focusGrid,
  });

  // An open editor stays in the page even when its column is scrolled away.
  const dataStart = layout.length - dataColumns.length;
  const { firstCenter, fromCol, toCol, spacer } = useColumnRange(
    scrollRef,
    layout,
    frozenWidth,
    editing ? editing.col + dataStart : null,
  );
  const activeRow = windows.rowAt(active.row);
  const activeColumn = dataColumns[active.col];
  const activeAt = active.col + dataStart;
  const activeId =
    activeRow && activeColumn && (activeAt < firstCenter || (activeAt >= fromCol && activeAt <= toCol))
      ? `${gridId}-r${active.row}-${activeColumn.key}`
      : undefined;

  const selectedCount = selection.all ? total : selection.rows.size;
  const loadedOnScreen = items.map((i) => windows.rowAt(i.index)).filter((r): r is GridRow => !!r);
  const allOnScreen = loadedOnScreen.length > 0 && loadedOnScreen.every((r) => selection.rows.has(r.id));

  // Header and footer do not change while rows scroll by: built again only when what they show does.
  const resizingColumn = columns.table.state.columnResizing?.isResizingColumn ?? false;
  const headerRow = useMemo(
    () => (
      <HeaderRow
        layout={layout}
        width={totalWidth}
        table={columns.table}
        sort={props.sort}
        narrow={props.narrow}
        allChecked={selection.all || allOnScreen}
        onToggleLoaded={() =>
          props.onSelectionChange(toggleLoaded(selection, windows.cachedRows(), allOnScreen))
        }
        onAction={columns.columnAction}
        onDropColumn={columns.dropColumn}
      />
    ),
    [layout, totalWidth, props.sort, selection, allOnScreen, resizingColumn, props.narrow, t],
  );
  const footerRow = useMemo(
    () =>
      hasFooter ? (
        <TotalsRow layout={layout} width={totalWidth} total={total} totals={props.totals} lang={props.lang} />
      ) : null,
    [layout, props.totals, total, hasFooter, totalWidth, t, props.lang],
  );

  // Rows are memoised: they get one stable object whose methods call the latest handlers.
  const latest = useRef<RowHandlers>(null as unknown as RowHandlers);
  latest.current = {
    onMouseDown: control.onCellMouseDown,
    onMouseEnter: control.onCellMouseEnter,
    onDoubleClick: (cell) => editor.startEditing(cell, null),
    onToggleRow,
    onOpenRecord: props.onOpenRecord,
    onCommit: (input, move) => {
      editor.commitEdit(input, move);
    },
    onDraft: (input) => {
      editor.draft.current = input;
    },
    onCancel: () => {
      editor.setEditing(null);
      focusGrid();
    },
  };
  const handlers = useMemo<RowHandlers>(
    () => ({
      onMouseDown: (cell, e) => latest.current.onMouseDown(cell, e),
      onMouseEnter: (cell) => latest.current.onMouseEnter(cell),
      onDoubleClick: (cell) => latest.current.onDoubleClick(cell),
      onToggleRow: (index, shift) => latest.current.onToggleRow(index, shift),
      onOpenRecord: (id) => latest.current.onOpenRecord(id),
      onCommit: (input, move) => latest.current.onCommit(input, move),
      onDraft: (input) => latest.current.onDraft(input),
      onCancel: () => latest.current.onCancel(),
    }),
    [],
  );

  return (
    <div
      ref={scrollRef}
      id={gridId}
      role="grid"
      tabIndex={0}
      aria-label={props.label}
      aria-rowcount={total + 1 + (hasFooter ? 1 : 0)}
      aria-colcount={layout.length}
      aria-multiselectable="true"
      aria-activedescendant={editing ? undefined : activeId}
      data-testid="grid"
      onKeyDown={control.onKeyDown}
      onCopy={(e) => {
        if (!editing) void clipboard.copy(e);
      }}
      onPaste={(e) => {
        if (editing) return;
        e.preventDefault();
        void clipboard.paste(e.clipboardData.getData("text/plain"));
      }}
      className="relative overflow-auto rounded-lg border border-stone-200 bg-white text-sm outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
      style={{ height: props.height }}
    >
      {headerRow}
      <GridBody
        gridId={gridId}
        items={items}
        base={body.base}
        layerRef={body.layerRef}
        layerOffset={body.layerTop(scrollRef.current?.scrollTop ?? 0)}
        height={body.bodyHeight}
        width={totalWidth}
        layout={layout}
        dataCount={dataColumns.length}
        firstCenter={firstCenter}
        fromCol={fromCol}
        toCol={toCol}
        spacer={spacer}
        active={active}
        range={range}
        editing={editing}
        windows={windows}
        edits={props.edits}
        selection={selection}
        table={gridTable}
        optionsOf={optionsOf}
        handlers={handlers}
        t={t}
      />
      {footerRow}
      {total === 0 && !windows.loading() ? (
        <div className="sticky left-0 p-6 text-center text-sm text-stone-500" style={{ width: "100%" }}>
          {t("grid.empty")}
        </div>
      ) : null}
      <span className="sr-only" aria-live="polite">
        {selectedCount > 0 ? t("grid.selectedCount", { count: selectedCount }) : ""}
      </span>
    </div>
  );
}
