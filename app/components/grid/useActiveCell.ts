// The active cell and the range it spans from its anchor (shift extends the range, any other move
// starts a new one), kept inside the grid and scrolled into view as it moves.
import { type RefObject, useCallback, useEffect, useState } from "react";
import type { Cell, ColumnLayout } from "./layout.ts";

export interface CellRange {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export function useActiveCell(args: {
  total: number;
  dataColumns: ColumnLayout[];
  frozenWidth: number;
  /** The rows' virtualizer (scrolls a row into view). */
  virtualizer: { scrollToIndex(index: number, options: { align: "auto" }): void };
  scrollRef: RefObject<HTMLDivElement | null>;
}) {
  const { total, dataColumns, frozenWidth, virtualizer, scrollRef } = args;
  const [active, setActive] = useState<Cell>({ row: 0, col: 0 });
  const [anchor, setAnchor] = useState<Cell>({ row: 0, col: 0 });
  const colCount = dataColumns.length;
  const clampCell = useCallback(
    (cell: Cell): Cell => ({
      row: Math.max(0, Math.min(total - 1, cell.row)),
      col: Math.max(0, Math.min(colCount - 1, cell.col)),
    }),
    [total, colCount],
  );
  const range: CellRange = {
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
    [virtualizer, scrollRef, dataColumns, frozenWidth],
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

  // Keep the active cell inside the grid when the rows or columns shrink. Only when clamping moves it:
  // an empty grid clamps to the same {0, 0}, and setting that fresh object on every render would loop
  // forever and starve the router's transition (a link's page would never render).
  useEffect(() => {
    const next = clampCell(active);
    if (next.row === active.row && next.col === active.col) return;
    setActive(next);
    setAnchor(next);
  }, [active, clampCell]);

  return { active, setActive, anchor, setAnchor, range, colCount, clampCell, moveTo };
}

export type ActiveCell = ReturnType<typeof useActiveCell>;
