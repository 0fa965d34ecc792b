// What the grid's parts share: a cell's place, the editor open in one, each column as laid out on
// screen, and the inline style that holds a cell to its column's width (and a frozen one in place).
import type { CSSProperties } from "react";
import type { useTranslation } from "react-i18next";
import type { Totals } from "../../../analytics/query/results.ts";
import type { CellInput } from "./cells.ts";
import { totalled } from "./columns.ts";
import type { GridField } from "./types.ts";

export type Translate = ReturnType<typeof useTranslation>["t"];

/** A data cell: the row's index among all matching rows, the column's among the data columns. */
export interface Cell {
  row: number;
  col: number;
}

export interface Editing extends Cell {
  start: CellInput;
  typed: boolean;
  error?: string;
}

export interface ColumnLayout {
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

export const FOOTER_HEIGHT = 30;

export const headCls =
  "flex h-full items-center justify-center border-r border-b border-stone-200 bg-stone-100 text-xs font-semibold text-stone-500";

export function cellStyle(column: ColumnLayout, height: number): CSSProperties {
  return {
    width: column.width,
    minWidth: column.width,
    maxWidth: column.width,
    height,
    flex: "none",
    ...(column.sticky !== null ? { position: "sticky", left: column.sticky, zIndex: 10 } : {}),
  };
}

/** Number and money columns (and computed numbers, such as an age) get a total under them. */
export const summed = (column: ColumnLayout, totals: Totals | null) =>
  !!column.field && (totalled(column.field) || totals?.numbers[column.key] !== undefined);
