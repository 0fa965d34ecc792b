// What the grid does to the selected range as a whole: copy it as tab-separated text, paste such text
// into it (one copied cell fills the range, as in Excel), fill it down from its first row, clear it,
// and undo the last change. Rows of the range not loaded yet are fetched first.
import type { ClipboardEvent } from "react";
import { useCallback } from "react";
import type { GridRow } from "../../../analytics/query/results.ts";
import { restoreInput, writable } from "./cells.ts";
import { parseTsv, toTsv } from "./clipboard.ts";
import { ORG, SYSTEM_ID } from "./columns.ts";
import type { DataGridProps } from "./DataGrid.tsx";
import type { ColumnLayout, Translate } from "./layout.ts";
import type { ActiveCell } from "./useActiveCell.ts";
import { type CellEditing, isChange } from "./useCellEditing.ts";
import type { CellChange, CellProblem } from "./useEdits.ts";

/** Rows a paste, copy or fill may span at once. */
export const MAX_RANGE_ROWS = 5000;

type ClipboardProps = Pick<DataGridProps, "table" | "windows" | "edits" | "fetchRows" | "onNote">;

const cellText = (row: GridRow | undefined, column: ColumnLayout) =>
  !row
    ? ""
    : column.key === SYSTEM_ID
      ? row.systemId
      : column.key === ORG
        ? row.orgName
        : (row.display[column.key] ?? "");

export function useGridClipboard(
  props: ClipboardProps,
  t: Translate,
  args: { dataColumns: ColumnLayout[]; cursor: ActiveCell; changeFor: CellEditing["changeFor"] },
) {
  const { table: gridTable, windows, edits } = props;
  const { dataColumns, changeFor } = args;
  const { range, setActive, setAnchor, clampCell } = args.cursor;
  const total = windows.total;

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

  return { copy, paste, fillDown, clear, undo };
}

export type GridClipboard = ReturnType<typeof useGridClipboard>;
