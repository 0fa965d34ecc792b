// biome-ignore-all lint/a11y/useSemanticElements: an ARIA grid of positioned divs (a <table> cannot be virtualised row by row)
// biome-ignore-all lint/a11y/useFocusableInteractive: the grid holds focus and names its active cell with aria-activedescendant
// One row of the grid's body and its cells: the row number (double-click opens the record), the check
// box, and the data cells (the value shown, or the editor when one is open there, or a grey bar while
// the row loads; a cell being saved shows the text sent, a refused one a red corner and its message).
import { type MouseEvent, memo, type ReactNode } from "react";
import type { GridRow } from "../../../analytics/query/results.ts";
import { optionOf } from "../records/options.ts";
import { CellEditor, CellMessage, type CommitMove } from "./CellEditor.tsx";
import { type CellInput, writable } from "./cells.ts";
import { ORG, ROW_HEIGHT, ROW_NUMBER, SELECT, SYSTEM_ID } from "./columns.ts";
import { type Cell, type ColumnLayout, cellStyle, type Editing, type Translate } from "./layout.ts";
import type { GridField, GridTable } from "./types.ts";

export type Options = readonly { code: string; label: string; colour?: string; aliases?: string[] }[];

export const NO_MARKS = { pending: new Map<string, string>(), errors: new Map<string, string>() };

/** The saving texts and refusals of one row's cells (a shared empty value for the rest). */
export function rowMarks(
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

export interface RowHandlers {
  onMouseDown(cell: Cell, e: MouseEvent): void;
  onMouseEnter(cell: Cell): void;
  onDoubleClick(cell: Cell): void;
  onToggleRow(index: number, shift: boolean): void;
  onOpenRecord(id: number): void;
  onCommit(input: CellInput, move: CommitMove): void;
  onDraft(input: CellInput): void;
  onCancel(): void;
}

export interface BodyRowProps {
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
  optionsOf(field: GridField): Options;
  handlers: RowHandlers;
  t: Translate;
}

export const BodyRow = memo(function BodyRow(props: BodyRowProps) {
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

function CellValue(props: { row: GridRow; field: GridField; options: Options }) {
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
