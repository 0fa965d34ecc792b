// biome-ignore-all lint/a11y/useSemanticElements: an ARIA grid of positioned divs (a <table> cannot be virtualised row by row)
// biome-ignore-all lint/a11y/useFocusableInteractive: the grid holds focus and names its active cell with aria-activedescendant
// The spreadsheet-like grid (SPEC §A3): TanStack Table holds the columns (order, widths, visibility,
// frozen columns, sort keys) and TanStack Virtual the rows. The scrollbar spans every matching row;
// only the rows on screen (plus a few) are in the page, fetched a window at a time as they come into
// view. One cell is active (arrow keys, Home/End, PageUp/PageDown); shift extends a rectangular range
// for copy, paste, fill down and clear; typing or Enter edits the active cell with its type's editor.
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
import { useVirtualizer } from "@tanstack/react-virtual";
import {
  type ClipboardEvent,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  memo,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import { flushSync } from "react-dom";
import { useTranslation } from "react-i18next";
import type { GridRow, Totals } from "../../../analytics/query/results.ts";
import type { Lang } from "../../i18n/index.ts";
import type { SortKey, ViewColumn } from "../../query/view.ts";
import type { ParseContext } from "../../schema/field-types/types.ts";
import { optionOf } from "../records/options.ts";
import { CellEditor, CellMessage, type CommitMove } from "./CellEditor.tsx";
import { type CellInput, checkCell, editableInline, editorStart, restoreInput, writable } from "./cells.ts";
import { parseTsv, toTsv } from "./clipboard.ts";
import {
  FIXED_COLUMNS,
  FIXED_WIDTH,
  freezeThrough,
  HEADER_HEIGHT,
  MAX_WIDTH,
  MIN_WIDTH,
  moveColumn,
  ORG,
  ROW_HEIGHT,
  ROW_NUMBER,
  reorder,
  SELECT,
  SYSTEM_ID,
  setVisibility,
  setWidths,
  sortable,
  sortingOf,
  sortOf,
  tableColumnState,
  totalled,
} from "./columns.ts";
import { type ColumnAction, HeaderCell } from "./HeaderCell.tsx";
import { realTop, scaledScrollOptions, scrollScale } from "./scroll.ts";
import type { GridField, GridTable } from "./types.ts";
import type { CellChange, CellProblem, useEdits } from "./useEdits.ts";
import { BLOCK, type RowWindows } from "./windows.ts";

const features = tableFeatures({
  columnOrderingFeature,
  columnVisibilityFeature,
  columnPinningFeature,
  columnSizingFeature,
  columnResizingFeature,
  rowSortingFeature,
});

const NO_ROWS: never[] = [];
const FOOTER_HEIGHT = 30;
/** Rows a paste, copy or fill may span at once. */
export const MAX_RANGE_ROWS = 5000;

export interface RowSelection {
  /** The rows ticked, as they were when ticked (the record id is what counts). */
  rows: ReadonlyMap<number, GridRow>;
  /** Every row the filter matches, loaded or not. */
  all: boolean;
  /** The row index a shift-click extends from. */
  anchor: number | null;
}

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

interface Cell {
  row: number;
  col: number;
}

interface Editing extends Cell {
  start: CellInput;
  typed: boolean;
  error?: string;
}

interface ColumnLayout {
  key: string;
  field: GridField | undefined;
  label: string;
  width: number;
  /** Sticky left offset of a frozen column. */
  sticky: number | null;
  /** Left edge in the scrolled content. */
  left: number;
  numeric: boolean;
}

const NUMERIC_EDITORS = new Set(["number"]);

export function DataGrid(props: DataGridProps) {
  const { t } = useTranslation();
  const { table: gridTable, columns, windows, edits, selection } = props;
  const gridId = useId();
  const fieldsByKey = useMemo(() => new Map(gridTable.fields.map((f) => [f.key, f])), [gridTable.fields]);
  const labelOf = useCallback(
    (key: string) =>
      key === SYSTEM_ID
        ? t("grid.systemId")
        : key === ORG
          ? t("grid.org")
          : (fieldsByKey.get(key)?.label ?? key),
    [fieldsByKey, t],
  );

  // ── Columns: TanStack Table over the view's columns ──────────────────────────────────────────────
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
  // Number and money columns (and computed numbers, such as an age) get a total under them.
  const summed = (column: ColumnLayout) =>
    !!column.field && (totalled(column.field) || props.totals?.numbers[column.key] !== undefined);
  const hasFooter = dataColumns.some(summed);
  const footerHeight = hasFooter ? FOOTER_HEIGHT : 0;

  // ── Rows: TanStack Virtual over `total` rows, compressed past what a browser can scroll ─────────
  const total = windows.total;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState(640);
  const rowsHeight = total * ROW_HEIGHT;
  const scale = scrollScale(rowsHeight, HEADER_HEIGHT + footerHeight, viewport);
  const live = useRef({ scale, rowsHeight, footerHeight });
  live.current = { scale, rowsHeight, footerHeight };
  const scrollOptions = useMemo(
    () =>
      scaledScrollOptions({
        element: () => scrollRef.current,
        scale: () => live.current.scale,
        rowsHeight: () => live.current.rowsHeight,
        header: HEADER_HEIGHT,
        footer: () => live.current.footerHeight,
      }),
    [],
  );
  const virtualizer = useVirtualizer({
    count: total,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    initialRect: { width: 1200, height: 640 },
    ...scrollOptions,
  });
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    setViewport(element.clientHeight);
    return () => observer.disconnect();
  }, []);
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  // Rows sit in a layer placed at the first row of their block of 100, each row at a small offset in
  // it; in a compressed body the layer follows every scroll event directly (no render needed), so
  // rows move with the scrollbar at `ratio` times its speed.
  const base = Math.floor(firstIndex / BLOCK) * BLOCK * ROW_HEIGHT;
  const layerRef = useRef<HTMLDivElement>(null);
  const layerTop = (scrollTop: number) => realTop(base, scrollTop * scale.ratio, scale.ratio);
  const placeLayer = useRef(layerTop);
  placeLayer.current = layerTop;
  useEffect(() => {
    const element = scrollRef.current;
    if (!element || scale.ratio === 1) return;
    const follow = () => {
      if (layerRef.current)
        layerRef.current.style.transform = `translateY(${placeLayer.current(element.scrollTop)}px)`;
    };
    element.addEventListener("scroll", follow, { passive: true });
    return () => element.removeEventListener("scroll", follow);
  }, [scale.ratio]);
  const lastIndex = items[items.length - 1]?.index ?? 0;
  const { want } = props;
  useEffect(() => {
    if (total > 0 || items.length === 0) want(firstIndex, lastIndex);
  }, [firstIndex, lastIndex, total, want, items.length]);
  const pageRows = Math.max(1, Math.floor((viewport - HEADER_HEIGHT - footerHeight) / ROW_HEIGHT) - 1);

  // ── Active cell, range, editing ───────────────────────────────────────────────────────────────────
  const [active, setActive] = useState<Cell>({ row: 0, col: 0 });
  const [anchor, setAnchor] = useState<Cell>({ row: 0, col: 0 });
  const [editing, setEditingState] = useState<Editing | null>(null);
  // The editor open now, read synchronously (a blur and a click may both commit within one tick), and
  // what it holds so far (a click on another cell commits it first).
  const editingRef = useRef<Editing | null>(null);
  const draft = useRef<CellInput | null>(null);
  const setEditing = (next: Editing | null) => {
    editingRef.current = next;
    if (next === null) draft.current = null;
    setEditingState(next);
  };
  const colCount = dataColumns.length;
  const clampCell = useCallback(
    (cell: Cell): Cell => ({
      row: Math.max(0, Math.min(total - 1, cell.row)),
      col: Math.max(0, Math.min(colCount - 1, cell.col)),
    }),
    [total, colCount],
  );
  const range = {
    top: Math.min(anchor.row, active.row),
    bottom: Math.max(anchor.row, active.row),
    left: Math.min(anchor.col, active.col),
    right: Math.max(anchor.col, active.col),
  };

  const scrollIntoView = useCallback(
    (cell: Cell) => {
      virtualizer.scrollToIndex(cell.row, { align: "auto" });
      const element = scrollRef.current;
      const column = dataColumns[cell.col];
      if (!element || !column || column.sticky !== null) return;
      if (column.left < element.scrollLeft + frozenWidth) element.scrollLeft = column.left - frozenWidth;
      else if (column.left + column.width > element.scrollLeft + element.clientWidth)
        element.scrollLeft = column.left + column.width - element.clientWidth;
    },
    [virtualizer, dataColumns, frozenWidth],
  );

  const moveTo = useCallback(
    (cell: Cell, extend = false) => {
      const next = clampCell(cell);
      setActive(next);
      if (!extend) setAnchor(next);
      scrollIntoView(next);
    },
    [clampCell, scrollIntoView],
  );

  const focusGrid = () => scrollRef.current?.focus({ preventScroll: true });

  const optionsOf = useCallback(
    (field: GridField) => gridTable.dictionaries[field.options.dictionary ?? ""] ?? [],
    [gridTable.dictionaries],
  );

  const startEditing = (cell: Cell, typedChar: string | null) => {
    const column = dataColumns[cell.col];
    const row = windows.rowAt(cell.row);
    if (!gridTable.can.write || !column || !row) return;
    const field = column.field;
    if (!field || !editableInline(field, row)) {
      props.onNote(
        field && row.masked.includes(field.key) && writable(field)
          ? t("grid.maskedNotEditable", { label: field.label })
          : t("grid.notEditable", { label: column.label }),
      );
      return;
    }
    // A choice starts from the name shown (its code means nothing to anyone).
    const start: CellInput =
      typedChar !== null
        ? typedChar
        : field.editor === "select"
          ? (row.display[field.key] ?? "")
          : editorStart(field, row);
    // Typing moves focus into the editor before the key's character lands, so the character (and an
    // input method's composition of Chinese) goes into the editor.
    flushSync(() => setEditing({ ...cell, start, typed: typedChar !== null }));
  };

  const changeFor = (
    rowIndex: number,
    row: GridRow,
    field: GridField,
    input: CellInput,
  ): CellChange | CellProblem => {
    const checked = checkCell(field, input, props.dictionary, props.lang);
    if (!checked.ok) return { rowNumber: rowIndex + 1, column: field.label, reason: checked.message };
    return { row, rowNumber: rowIndex + 1, field, input: checked.send, display: checked.display };
  };
  const isChange = (c: CellChange | CellProblem): c is CellChange => "row" in c;

  /** Checks and saves the open editor's value; false (the editor stays, with the message) if refused. */
  const commitEdit = (input: CellInput, move: CommitMove): boolean => {
    const editing = editingRef.current;
    if (!editing) return true;
    const column = dataColumns[editing.col];
    const row = windows.rowAt(editing.row);
    const field = column?.field;
    if (!field || !row) {
      setEditing(null);
      return true;
    }
    const same = JSON.stringify(input) === JSON.stringify(editing.start) && !editing.typed;
    if (!same) {
      const change = changeFor(editing.row, row, field, input);
      if (!isChange(change)) {
        setEditing({ ...editing, error: change.reason });
        return false;
      }
      void edits.run("edit", [change]);
    }
    setEditing(null);
    focusGrid();
    const step = { down: [1, 0], up: [-1, 0], right: [0, 1], left: [0, -1], none: [0, 0] }[move];
    moveTo({ row: editing.row + step[0]!, col: editing.col + step[1]! });
    return true;
  };

  // ── Clipboard, fill, clear ────────────────────────────────────────────────────────────────────────
  const rangeRows = useCallback(
    async (top: number, count: number) => {
      const rows: (GridRow | undefined)[] = [];
      let missing = false;
      for (let i = 0; i < count; i++) {
        const row = windows.rowAt(top + i);
        rows.push(row);
        if (!row) missing = true;
      }
      return missing ? props.fetchRows(top, count) : rows;
    },
    [windows, props.fetchRows],
  );

  const cellText = (row: GridRow | undefined, column: ColumnLayout) =>
    !row
      ? ""
      : column.key === SYSTEM_ID
        ? row.systemId
        : column.key === ORG
          ? row.orgName
          : (row.display[column.key] ?? "");

  const copy = async (event: ClipboardEvent | null) => {
    const count = Math.min(range.bottom - range.top + 1, MAX_RANGE_ROWS);
    const cols = dataColumns.slice(range.left, range.right + 1);
    const loaded = Array.from({ length: count }, (_, i) => windows.rowAt(range.top + i));
    const text = (rows: (GridRow | undefined)[]) =>
      toTsv(rows.map((row) => cols.map((c) => cellText(row, c))));
    if (event && loaded.every(Boolean)) {
      event.preventDefault();
      event.clipboardData.setData("text/plain", text(loaded));
    } else {
      event?.preventDefault();
      const rows = await rangeRows(range.top, count);
      await navigator.clipboard?.writeText(text(rows)).catch(() => {});
    }
    props.onNote(t("grid.copied", { count: count * cols.length }));
  };

  const paste = async (text: string) => {
    if (!gridTable.can.write) return props.onNote(t("grid.readOnlyGrid"));
    let matrix = parseTsv(text);
    if (matrix.length === 0) return;
    const single = matrix.length === 1 && matrix[0]!.length === 1;
    // One copied cell fills the whole selected range, as in Excel.
    const top = range.top;
    const left = range.left;
    if (single && (range.bottom > range.top || range.right > range.left))
      matrix = Array.from({ length: range.bottom - range.top + 1 }, () =>
        Array.from({ length: range.right - range.left + 1 }, () => matrix[0]![0]!),
      );
    const count = Math.min(matrix.length, total - top, MAX_RANGE_ROWS);
    props.onNote(t("grid.preparing"));
    const rows = await rangeRows(top, count);
    const changes: CellChange[] = [];
    const problems: CellProblem[] = [];
    for (let i = 0; i < count; i++) {
      const row = rows[i];
      const cells = matrix[i] ?? [];
      cells.forEach((raw, j) => {
        const column = dataColumns[left + j];
        if (!column) {
          if (j === cells.length - 1 || raw !== "")
            problems.push({
              rowNumber: top + i + 1,
              column: t("grid.beyondLastColumn"),
              reason: t("grid.noColumn"),
            });
          return;
        }
        if (!row) {
          problems.push({ rowNumber: top + i + 1, column: column.label, reason: t("grid.rowGone") });
          return;
        }
        if (!writable(column.field)) {
          problems.push({ rowNumber: top + i + 1, column: column.label, reason: t("grid.notPasteable") });
          return;
        }
        const change = changeFor(top + i, row, column.field, raw);
        if (isChange(change)) changes.push(change);
        else problems.push(change);
      });
    }
    if (matrix.length > count)
      problems.push({
        rowNumber: top + count + 1,
        column: "—",
        reason: t("grid.beyondLastRow", { count: matrix.length - count }),
      });
    setAnchor({ row: top, col: left });
    setActive(clampCell({ row: top + count - 1, col: left + Math.max(...matrix.map((r) => r.length)) - 1 }));
    await edits.run("paste", changes, problems);
  };

  const fillDown = async () => {
    if (!gridTable.can.write) return;
    if (range.bottom === range.top) return props.onNote(t("grid.fillNeedsRange"));
    const count = Math.min(range.bottom - range.top + 1, MAX_RANGE_ROWS);
    const rows = await rangeRows(range.top, count);
    const source = rows[0];
    if (!source) return;
    const changes: CellChange[] = [];
    const problems: CellProblem[] = [];
    for (const column of dataColumns.slice(range.left, range.right + 1)) {
      const field = column.field;
      if (!writable(field)) {
        problems.push({ rowNumber: range.top + 1, column: column.label, reason: t("grid.notPasteable") });
        continue;
      }
      const input = restoreInput(field, source);
      if (input === null) {
        problems.push({ rowNumber: range.top + 1, column: column.label, reason: t("grid.maskedSource") });
        continue;
      }
      for (let i = 1; i < count; i++) {
        const row = rows[i];
        if (!row) continue;
        const change = changeFor(range.top + i, row, field, input);
        if (isChange(change)) changes.push(change);
        else problems.push(change);
      }
    }
    await edits.run("fill", changes, problems);
  };

  const clear = async () => {
    if (!gridTable.can.write) return;
    const count = Math.min(range.bottom - range.top + 1, MAX_RANGE_ROWS);
    const rows = await rangeRows(range.top, count);
    const changes: CellChange[] = [];
    const problems: CellProblem[] = [];
    for (const column of dataColumns.slice(range.left, range.right + 1)) {
      if (!writable(column.field)) continue;
      for (let i = 0; i < count; i++) {
        const row = rows[i];
        if (!row) continue;
        const change = changeFor(
          range.top + i,
          row,
          column.field,
          column.field.editor === "multiselect" ? [] : "",
        );
        if (isChange(change)) changes.push(change);
        else problems.push(change);
      }
    }
    if (changes.length + problems.length > 0) await edits.run("clear", changes, problems);
  };

  const undo = () =>
    edits.undo(
      (id) => windows.cachedRows().find((r) => r.id === id),
      (label) => t("grid.undoMasked", { label }),
    );

  // ── Selection of rows ─────────────────────────────────────────────────────────────────────────────
  const toggleRow = (index: number, shift: boolean) => {
    const row = windows.rowAt(index);
    if (!row) return;
    const rows = new Map(selection.rows);
    if (shift && selection.anchor !== null) {
      const [from, to] = [Math.min(selection.anchor, index), Math.max(selection.anchor, index)];
      for (let i = from; i <= to; i++) {
        const r = windows.rowAt(i);
        if (r) rows.set(r.id, r);
      }
    } else if (rows.has(row.id)) rows.delete(row.id);
    else rows.set(row.id, row);
    props.onSelectionChange({ rows, all: false, anchor: index });
  };

  // ── Keyboard ──────────────────────────────────────────────────────────────────────────────────────
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing || e.target !== e.currentTarget) return;
    const mod = e.ctrlKey || e.metaKey;
    const extend = e.shiftKey;
    const go = (cell: Cell) => {
      e.preventDefault();
      moveTo(cell, extend);
    };
    switch (e.key) {
      case "ArrowDown":
        return go({ row: mod ? total - 1 : active.row + 1, col: active.col });
      case "ArrowUp":
        return go({ row: mod ? 0 : active.row - 1, col: active.col });
      case "ArrowRight":
        return go({ row: active.row, col: mod ? colCount - 1 : active.col + 1 });
      case "ArrowLeft":
        return go({ row: active.row, col: mod ? 0 : active.col - 1 });
      case "Home":
        return go({ row: mod ? 0 : active.row, col: 0 });
      case "End":
        return go({ row: mod ? total - 1 : active.row, col: colCount - 1 });
      case "PageDown":
        return go({ row: active.row + pageRows, col: active.col });
      case "PageUp":
        return go({ row: active.row - pageRows, col: active.col });
      case "Tab":
        if (e.shiftKey ? active.col === 0 : active.col === colCount - 1) return;
        e.preventDefault();
        return moveTo({ row: active.row, col: active.col + (e.shiftKey ? -1 : 1) });
      case "Escape":
        setAnchor(active);
        return;
      case "Enter":
      case "F2": {
        e.preventDefault();
        if (e.altKey) {
          const row = windows.rowAt(active.row);
          if (row) props.onOpenRecord(row.id);
          return;
        }
        const column = dataColumns[active.col];
        if (column?.key === SYSTEM_ID) {
          const row = windows.rowAt(active.row);
          if (row) props.onOpenRecord(row.id);
          return;
        }
        if (column?.field?.editor === "checkbox") return toggleCheckbox();
        return startEditing(active, null);
      }
      case " ":
        if (extend) {
          e.preventDefault();
          return toggleRow(active.row, false);
        }
        if (dataColumns[active.col]?.field?.editor === "checkbox") {
          e.preventDefault();
          return toggleCheckbox();
        }
        break;
      case "Delete":
      case "Backspace":
        e.preventDefault();
        void clear();
        return;
    }
    if (mod) {
      const key = e.key.toLowerCase();
      if (key === "d") {
        e.preventDefault();
        void fillDown();
      } else if (key === "z" && !e.shiftKey) {
        e.preventDefault();
        void undo();
      } else if (key === "a") {
        e.preventDefault();
        setAnchor({ row: 0, col: 0 });
        setActive({ row: Math.max(0, total - 1), col: colCount - 1 });
      }
      return;
    }
    if ((e.key.length === 1 || e.key === "Process") && !e.altKey) startEditing(active, "");
  };

  const toggleCheckbox = () => {
    const column = dataColumns[active.col];
    const row = windows.rowAt(active.row);
    if (!gridTable.can.write || !column?.field || !row || !editableInline(column.field, row)) return;
    const change = changeFor(active.row, row, column.field, row.values[column.field.key] !== true);
    if (isChange(change)) void edits.run("edit", [change]);
  };

  // ── Mouse ─────────────────────────────────────────────────────────────────────────────────────────
  const dragging = useRef(false);
  useEffect(() => {
    const up = () => {
      dragging.current = false;
    };
    document.addEventListener("mouseup", up);
    return () => document.removeEventListener("mouseup", up);
  }, []);
  const onCellMouseDown = (cell: Cell, e: MouseEvent) => {
    if (e.button !== 0) return;
    const open = editingRef.current;
    if (open && open.row === cell.row && open.col === cell.col) return;
    e.preventDefault();
    // A click elsewhere saves the open editor first, as in a spreadsheet; a refused value keeps it open.
    if (open) {
      if (draft.current === null) setEditing(null);
      else if (!commitEdit(draft.current, "none")) return;
    }
    focusGrid();
    dragging.current = true;
    moveTo(cell, e.shiftKey);
  };
  const onCellMouseEnter = (cell: Cell) => {
    if (dragging.current) setActive(clampCell(cell));
  };

  const activeRow = windows.rowAt(active.row);
  const activeColumn = dataColumns[active.col];
  // Keep the active cell inside the grid when the rows or columns shrink.
  useEffect(() => {
    if (active.row >= total || active.col >= colCount) {
      const next = clampCell(active);
      setActive(next);
      setAnchor(next);
    }
  }, [total, colCount, active, clampCell]);

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

  const loadedOnScreen = items.map((i) => windows.rowAt(i.index)).filter((r): r is GridRow => !!r);
  const allOnScreen = loadedOnScreen.length > 0 && loadedOnScreen.every((r) => selection.rows.has(r.id));
  const headerFor = (column: ColumnLayout, index: number): ReactNode => {
    const style = cellStyle(column, HEADER_HEIGHT);
    if (column.key === ROW_NUMBER)
      return (
        <div key={column.key} role="columnheader" aria-colindex={index + 1} style={style} className={headCls}>
          <span className="sr-only">{t("grid.rowNumber")}</span>#
        </div>
      );
    if (column.key === SELECT) {
      return (
        <div key={column.key} role="columnheader" aria-colindex={index + 1} style={style} className={headCls}>
          <input
            type="checkbox"
            checked={selection.all || allOnScreen}
            onChange={() => {
              const rows = new Map(selection.rows);
              for (const r of windows.cachedRows()) {
                if (allOnScreen) rows.delete(r.id);
                else rows.set(r.id, r);
              }
              props.onSelectionChange({ rows, all: false, anchor: null });
            }}
            aria-label={t("grid.selectLoaded")}
            className="size-4 accent-brand-500"
          />
        </div>
      );
    }
    const tc = table.getColumn(column.key);
    const header = table.getFlatHeaders().find((h) => h.column.id === column.key);
    const sorted = tc?.getIsSorted() ?? false;
    return (
      <HeaderCell
        key={column.key}
        id={column.key}
        label={column.label}
        style={style}
        colIndex={index + 1}
        sorted={sorted}
        sortIndex={props.sort.length > 1 && sorted ? (tc?.getSortIndex() ?? -1) + 1 : 0}
        canSort={!!tc?.getCanSort()}
        frozen={column.sticky !== null || (props.narrow && !!tc?.getIsPinned())}
        numeric={column.numeric}
        onSortClick={tc?.getToggleSortingHandler()}
        onResizeStart={header?.getResizeHandler()}
        resizing={!!tc?.getIsResizing()}
        onAction={(action) => columnAction(column.key, action)}
        onDropColumn={(dragged) =>
          onColumnsChange(moveColumn(columnsRef.current, dragged, { before: column.key }))
        }
      />
    );
  };

  // Columns: the frozen ones always, the others only where the grid is scrolled to (plus two either
  // side), so a table of many fields costs what its visible part costs.
  const firstCenter = (() => {
    const at = layout.findIndex((c) => c.sticky === null);
    return at < 0 ? layout.length : at;
  })();
  const centerCols = layout.slice(firstCenter);
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: centerCols.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => centerCols[i]?.width ?? 120,
    getItemKey: (i) => `${centerCols[i]?.key}:${centerCols[i]?.width}`,
    paddingStart: frozenWidth,
    overscan: 2,
    initialRect: { width: 1200, height: 640 },
  });
  const columnItems = columnVirtualizer.getVirtualItems();
  let fromCol = firstCenter + (columnItems[0]?.index ?? 0);
  let toCol = firstCenter + (columnItems[columnItems.length - 1]?.index ?? -1);
  // An open editor stays in the page even when its column is scrolled away.
  if (editing) {
    const at = editing.col + (layout.length - dataColumns.length);
    if (at >= firstCenter) {
      fromCol = Math.min(fromCol, at);
      toCol = Math.max(toCol, at);
    }
  }
  const spacer = fromCol < layout.length ? layout[fromCol]!.left - frozenWidth : 0;
  const activeAt = active.col + (layout.length - dataColumns.length);
  const activeId =
    activeRow && activeColumn && (activeAt < firstCenter || (activeAt >= fromCol && activeAt <= toCol))
      ? `${gridId}-r${active.row}-${activeColumn.key}`
      : undefined;

  const selectedCount = selection.all ? total : selection.rows.size;

  // Header and footer do not change while rows scroll by: built again only when what they show does.
  const resizingColumn = table.state.columnResizing?.isResizingColumn ?? false;
  const headerCells = useMemo(
    () => layout.map(headerFor),
    [layout, props.sort, selection, allOnScreen, resizingColumn, props.narrow, t],
  );
  const footerRow = useMemo(
    () =>
      hasFooter ? (
        <div
          role="rowgroup"
          className="sticky bottom-0 z-20"
          style={{ width: totalWidth, height: FOOTER_HEIGHT }}
        >
          <div
            role="row"
            aria-rowindex={total + 2}
            className="flex h-full border-t border-stone-300 bg-stone-50"
          >
            {layout.map((column) => (
              <div
                key={column.key}
                role="gridcell"
                style={cellStyle(column, FOOTER_HEIGHT)}
                className={`truncate border-r border-stone-200 bg-stone-50 px-2 text-xs leading-[30px] tabular-nums ${
                  column.numeric ? "text-right" : ""
                }`}
              >
                {column.key === ROW_NUMBER ? (
                  <span title={t("grid.totalsRow")}>Σ</span>
                ) : column.field && summed(column) ? (
                  <FooterTotal totals={props.totals} field={column.field} lang={props.lang} />
                ) : null}
              </div>
            ))}
          </div>
        </div>
      ) : null,
    [layout, props.totals, total, hasFooter, totalWidth, t, props.lang],
  );

  // Rows are memoised: they get one stable object whose methods call the latest handlers.
  const latest = useRef<RowHandlers>(null as unknown as RowHandlers);
  latest.current = {
    onMouseDown: onCellMouseDown,
    onMouseEnter: onCellMouseEnter,
    onDoubleClick: (cell) => startEditing(cell, null),
    onToggleRow: toggleRow,
    onOpenRecord: props.onOpenRecord,
    onCommit: (input, move) => {
      commitEdit(input, move);
    },
    onDraft: (input) => {
      draft.current = input;
    },
    onCancel: () => {
      setEditing(null);
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
      onKeyDown={onKeyDown}
      onCopy={(e) => {
        if (!editing) void copy(e);
      }}
      onPaste={(e) => {
        if (editing) return;
        e.preventDefault();
        void paste(e.clipboardData.getData("text/plain"));
      }}
      className="relative overflow-auto rounded-lg border border-stone-200 bg-white text-sm outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
      style={{ height: props.height }}
    >
      <div role="rowgroup" className="sticky top-0 z-20" style={{ width: totalWidth, height: HEADER_HEIGHT }}>
        <div role="row" aria-rowindex={1} className="flex h-full">
          {headerCells}
        </div>
      </div>
      <div role="rowgroup" className="relative" style={{ height: scale.bodyHeight, width: totalWidth }}>
        <div
          ref={layerRef}
          role="presentation"
          className="absolute top-0 left-0"
          style={{
            width: totalWidth,
            transform: `translateY(${layerTop(scrollRef.current?.scrollTop ?? 0)}px)`,
          }}
        >
          {items.map((item) => {
            const index = item.index;
            const row = windows.rowAt(index);
            const inRange = index >= range.top && index <= range.bottom;
            const marks = row ? rowMarks(row.id, edits.pending, edits.errors) : undefined;
            return (
              <BodyRow
                key={index}
                gridId={gridId}
                index={index}
                top={item.start - base}
                row={row}
                layout={layout}
                dataStart={layout.length - dataColumns.length}
                firstCenter={firstCenter}
                fromCol={fromCol}
                toCol={toCol}
                spacer={spacer}
                activeCol={index === active.row ? active.col : -1}
                rangeCols={inRange ? [range.left, range.right] : null}
                selected={!!row && (selection.all || selection.rows.has(row.id))}
                editing={editing && editing.row === index ? editing : null}
                marks={marks}
                table={gridTable}
                optionsOf={optionsOf}
                handlers={handlers}
                t={t}
              />
            );
          })}
        </div>
      </div>
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

const headCls =
  "flex h-full items-center justify-center border-r border-b border-stone-200 bg-stone-100 text-xs font-semibold text-stone-500";

function cellStyle(column: ColumnLayout, height: number): CSSProperties {
  return {
    width: column.width,
    minWidth: column.width,
    maxWidth: column.width,
    height,
    flex: "none",
    ...(column.sticky !== null ? { position: "sticky", left: column.sticky, zIndex: 10 } : {}),
  };
}

const NO_MARKS = { pending: new Map<string, string>(), errors: new Map<string, string>() };

/** The saving texts and refusals of one row's cells (a shared empty value for the rest). */
function rowMarks(
  id: number,
  pending: ReadonlyMap<string, string>,
  errors: ReadonlyMap<string, string>,
): typeof NO_MARKS {
  if (pending.size === 0 && errors.size === 0) return NO_MARKS;
  const prefix = `${id}:`;
  const mine = (map: ReadonlyMap<string, string>) => {
    const out = new Map<string, string>();
    for (const [k, v] of map) if (k.startsWith(prefix)) out.set(k.slice(prefix.length), v);
    return out;
  };
  const p = mine(pending);
  const e = mine(errors);
  return p.size === 0 && e.size === 0 ? NO_MARKS : { pending: p, errors: e };
}

function FooterTotal(props: { totals: Totals | null; field: GridField; lang: Lang }) {
  const { t } = useTranslation();
  const sum = props.totals?.numbers[props.field.key]?.sum;
  if (sum === null || sum === undefined) return <span className="text-stone-400">—</span>;
  const text = sum.toLocaleString(props.lang === "en" ? "en-US" : "zh-CN", { maximumFractionDigits: 2 });
  const avg = props.totals?.numbers[props.field.key]?.avg;
  return (
    <span
      title={t("grid.sumAvg", {
        sum: text,
        avg:
          avg?.toLocaleString(props.lang === "en" ? "en-US" : "zh-CN", { maximumFractionDigits: 2 }) ?? "—",
      })}
    >
      {t("grid.sum")} {props.field.type === "money" ? "¥" : ""}
      {text}
    </span>
  );
}

interface BodyRowProps {
  gridId: string;
  index: number;
  top: number;
  row: GridRow | undefined;
  layout: ColumnLayout[];
  /** Index in `layout` of the first data column (after the row number and check box). */
  dataStart: number;
  /** Layout indices: frozen columns are 0…firstCenter-1; the others rendered are fromCol…toCol. */
  firstCenter: number;
  fromCol: number;
  toCol: number;
  /** Width of the columns scrolled past (left of fromCol, right of the frozen ones). */
  spacer: number;
  activeCol: number;
  rangeCols: [number, number] | null;
  selected: boolean;
  editing: Editing | null;
  marks: typeof NO_MARKS | undefined;
  table: GridTable;
  optionsOf(
    field: GridField,
  ): readonly { code: string; label: string; colour?: string; aliases?: string[] }[];
  handlers: RowHandlers;
  t: ReturnType<typeof useTranslation>["t"];
}

interface RowHandlers {
  onMouseDown(cell: Cell, e: MouseEvent): void;
  onMouseEnter(cell: Cell): void;
  onDoubleClick(cell: Cell): void;
  onToggleRow(index: number, shift: boolean): void;
  onOpenRecord(id: number): void;
  onCommit(input: CellInput, move: CommitMove): void;
  onDraft(input: CellInput): void;
  onCancel(): void;
}

const BodyRow = memo(function BodyRow(props: BodyRowProps) {
  const { row, index, layout } = props;
  const tint = row?.colour ? `color-mix(in srgb, ${row.colour} 16%, white)` : undefined;
  const cellAt = (column: ColumnLayout, i: number) => BodyCell(column, i, props, tint);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={props.selected}
      data-row={index}
      className={`absolute left-0 flex ${props.editing ? "z-[15]" : ""}`}
      style={{ top: props.top, height: ROW_HEIGHT, width: "100%", contain: "layout style" }}
    >
      {layout.slice(0, props.firstCenter).map((column, i) => cellAt(column, i))}
      {props.spacer > 0 ? <div aria-hidden="true" style={{ width: props.spacer, flex: "none" }} /> : null}
      {layout.slice(props.fromCol, props.toCol + 1).map((column, j) => cellAt(column, props.fromCol + j))}
    </div>
  );
});

function BodyCell(column: ColumnLayout, i: number, props: BodyRowProps, tint: string | undefined): ReactNode {
  const { row, index, t, handlers } = props;
  const style = cellStyle(column, ROW_HEIGHT);
  // A ticked row is tinted by its mark colour when it has one (the check box says it is ticked).
  const base = `border-r border-b border-stone-100 ${props.selected && !tint ? "bg-brand-50" : "bg-white"}`;
  const background = tint;
  if (column.key === ROW_NUMBER)
    return (
      <div
        key={column.key}
        role="rowheader"
        aria-colindex={i + 1}
        style={{ ...style, background }}
        className={`${base} flex items-center justify-end px-2 text-xs text-stone-400 tabular-nums`}
        onDoubleClick={() => row && handlers.onOpenRecord(row.id)}
      >
        {index + 1}
      </div>
    );
  if (column.key === SELECT)
    return (
      <div
        key={column.key}
        role="gridcell"
        aria-colindex={i + 1}
        style={{ ...style, background }}
        className={`${base} flex items-center justify-center`}
      >
        {row ? (
          <input
            type="checkbox"
            tabIndex={-1}
            checked={props.selected}
            onChange={() => {}}
            onClick={(e) => {
              e.stopPropagation();
              handlers.onToggleRow(index, e.shiftKey);
            }}
            aria-label={t("grid.selectRow", { id: row.systemId })}
            className="size-4 accent-brand-500"
          />
        ) : null}
      </div>
    );
  const col = i - props.dataStart;
  const cell = { row: index, col };
  const isActive = col === props.activeCol;
  const inRange = props.rangeCols !== null && col >= props.rangeCols[0] && col <= props.rangeCols[1];
  const field = column.field;
  const cellColour = row && field ? row.cellColours[field.key] : undefined;
  const pending = field ? props.marks?.pending.get(field.key) : undefined;
  const error = field ? props.marks?.errors.get(field.key) : undefined;
  const editingHere = props.editing && props.editing.col === col ? props.editing : null;
  return (
    <div
      key={column.key}
      id={`${props.gridId}-r${index}-${column.key}`}
      role="gridcell"
      aria-colindex={i + 1}
      aria-selected={inRange}
      aria-invalid={error ? true : undefined}
      aria-readonly={!props.table.can.write || !field || !writable(field) ? true : undefined}
      data-col={column.key}
      style={{
        ...style,
        background: cellColour ? `color-mix(in srgb, ${cellColour} 24%, white)` : background,
        ...(editingHere ? { zIndex: 25, overflow: "visible" } : {}),
      }}
      onMouseDown={(e) => handlers.onMouseDown(cell, e)}
      onMouseEnter={() => handlers.onMouseEnter(cell)}
      onDoubleClick={() => handlers.onDoubleClick(cell)}
      className={`${base} relative flex items-center ${column.numeric ? "justify-end text-right tabular-nums" : ""} ${
        inRange && !isActive ? "shadow-[inset_0_0_0_9999px_rgba(14,165,233,0.12)]" : ""
      } ${isActive ? "shadow-[inset_0_0_0_2px_var(--color-brand-500)]" : ""} ${
        error ? "shadow-[inset_0_0_0_2px_var(--color-red-500)]" : ""
      }`}
    >
      {editingHere && field ? (
        <CellEditor
          field={field}
          start={editingHere.start}
          typed={editingHere.typed}
          options={props.optionsOf(field)}
          error={editingHere.error}
          onCommit={handlers.onCommit}
          onDraft={handlers.onDraft}
          onCancel={handlers.onCancel}
        />
      ) : !row ? (
        <span className="mx-2 h-2.5 w-2/3 animate-pulse rounded bg-stone-200" aria-hidden="true" />
      ) : (
        <span
          className={`truncate px-2 ${pending !== undefined ? "text-stone-400 italic" : ""} ${
            field && row.masked.includes(field.key) ? "font-mono text-stone-600" : ""
          }`}
        >
          {pending !== undefined ? (
            pending
          ) : column.key === SYSTEM_ID ? (
            <button
              type="button"
              tabIndex={-1}
              onMouseDown={(e) => e.stopPropagation()}
              onClick={() => handlers.onOpenRecord(row.id)}
              className="font-mono text-brand-700 hover:underline"
              aria-label={t("grid.openRecord", { id: row.systemId })}
            >
              {row.systemId}
            </button>
          ) : column.key === ORG ? (
            row.orgName
          ) : field ? (
            <CellValue row={row} field={field} options={props.optionsOf(field)} />
          ) : null}
        </span>
      )}
      {error && isActive && !editingHere ? <CellMessage text={error} /> : null}
      {error && !editingHere ? (
        <span
          className="absolute top-0 right-0 size-0 border-t-[6px] border-l-[6px] border-t-red-500 border-l-transparent"
          aria-hidden="true"
        />
      ) : null}
    </div>
  );
}

function CellValue(props: {
  row: GridRow;
  field: GridField;
  options: readonly { code: string; label: string; colour?: string; aliases?: string[] }[];
}) {
  const { row, field } = props;
  const display = row.display[field.key] ?? "";
  if (display === "") return null;
  if ((field.editor === "select" || field.editor === "multiselect") && props.options.some((o) => o.colour)) {
    const value = row.values[field.key];
    const codes = (Array.isArray(value) ? value : [value]).map(String);
    const chosen = codes.map((code) => optionOf(props.options, code) ?? { code, label: code });
    if (chosen.some((o) => o.colour))
      return (
        <span className="flex gap-1">
          {chosen.map((o) => (
            <span
              key={o.code}
              className="rounded px-1 text-xs font-medium"
              style={o.colour ? { color: o.colour, backgroundColor: `${o.colour}1a` } : undefined}
            >
              {o.label}
            </span>
          ))}
        </span>
      );
  }
  return <>{display}</>;
}
