// The grid's keyboard and mouse. Keys: arrows, Home/End and PageUp/PageDown move the active cell
// (shift extends the range, ctrl or cmd goes to the edge); Enter or F2 edits, typing starts an edit
// with the key; Delete clears; ctrl+D fills down, ctrl+Z undoes, ctrl+A selects every cell; shift+space
// ticks the row. Mouse: a click makes a cell active (saving an open editor first), a drag spans a range.
import { type KeyboardEvent, type MouseEvent, useEffect, useRef } from "react";
import { SYSTEM_ID } from "./columns.ts";
import type { DataGridProps } from "./DataGrid.tsx";
import type { Cell, ColumnLayout } from "./layout.ts";
import type { ActiveCell } from "./useActiveCell.ts";
import type { CellEditing } from "./useCellEditing.ts";
import type { GridClipboard } from "./useGridClipboard.ts";

export function useGridInput(
  props: Pick<DataGridProps, "windows" | "onOpenRecord">,
  args: {
    dataColumns: ColumnLayout[];
    pageRows: number;
    cursor: ActiveCell;
    editor: CellEditing;
    clipboard: GridClipboard;
    toggleRow(index: number, shift: boolean): void;
    focusGrid(): void;
  },
) {
  const { windows } = props;
  const { dataColumns, pageRows, cursor, editor, clipboard, toggleRow, focusGrid } = args;
  const { active, setActive, setAnchor, colCount, clampCell, moveTo } = cursor;
  const { editing, editingRef, draft, setEditing, startEditing, commitEdit, toggleCheckbox } = editor;
  const total = windows.total;

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
        if (column?.field?.editor === "checkbox") return toggleCheckbox(active);
        return startEditing(active, null);
      }
      case " ":
        if (extend) {
          e.preventDefault();
          return toggleRow(active.row, false);
        }
        if (dataColumns[active.col]?.field?.editor === "checkbox") {
          e.preventDefault();
          return toggleCheckbox(active);
        }
        break;
      case "Delete":
      case "Backspace":
        e.preventDefault();
        void clipboard.clear();
        return;
    }
    if (mod) {
      const key = e.key.toLowerCase();
      if (key === "d") {
        e.preventDefault();
        void clipboard.fillDown();
      } else if (key === "z" && !e.shiftKey) {
        e.preventDefault();
        void clipboard.undo();
      } else if (key === "a") {
        e.preventDefault();
        setAnchor({ row: 0, col: 0 });
        setActive({ row: Math.max(0, total - 1), col: colCount - 1 });
      }
      return;
    }
    if ((e.key.length === 1 || e.key === "Process") && !e.altKey) startEditing(active, "");
  };

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

  return { onKeyDown, onCellMouseDown, onCellMouseEnter };
}
