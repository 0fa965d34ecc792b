// Editing a cell in place: opening its type's editor (typing starts it with the key pressed, Enter or
// F2 with the value), checking and saving what was entered, and ticking a check box cell directly.
import { useRef, useState } from "react";
import { flushSync } from "react-dom";
import type { GridRow } from "../../../analytics/query/results.ts";
import type { CommitMove } from "./CellEditor.tsx";
import { type CellInput, checkCell, editableInline, editorStart, writable } from "./cells.ts";
import type { DataGridProps } from "./DataGrid.tsx";
import type { Cell, ColumnLayout, Editing, Translate } from "./layout.ts";
import type { GridField } from "./types.ts";
import type { CellChange, CellProblem } from "./useEdits.ts";

type EditingProps = Pick<DataGridProps, "table" | "windows" | "edits" | "dictionary" | "lang" | "onNote">;

export const isChange = (c: CellChange | CellProblem): c is CellChange => "row" in c;

export function useCellEditing(
  props: EditingProps,
  t: Translate,
  args: {
    dataColumns: ColumnLayout[];
    moveTo(cell: Cell, extend?: boolean): void;
    focusGrid(): void;
  },
) {
  const { table: gridTable, windows, edits } = props;
  const { dataColumns, moveTo, focusGrid } = args;
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

  /** The change a value makes to a cell, or why it cannot be saved (row numbers count from 1). */
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

  const toggleCheckbox = (cell: Cell) => {
    const column = dataColumns[cell.col];
    const row = windows.rowAt(cell.row);
    if (!gridTable.can.write || !column?.field || !row || !editableInline(column.field, row)) return;
    const change = changeFor(cell.row, row, column.field, row.values[column.field.key] !== true);
    if (isChange(change)) void edits.run("edit", [change]);
  };

  return { editing, editingRef, draft, setEditing, startEditing, changeFor, commitEdit, toggleCheckbox };
}

export type CellEditing = ReturnType<typeof useCellEditing>;
