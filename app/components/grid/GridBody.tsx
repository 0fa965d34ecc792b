// biome-ignore-all lint/a11y/useSemanticElements: an ARIA grid of positioned divs (a <table> cannot be virtualised row by row)
// The grid's body: as tall as every matching row (compressed past what a browser can scroll), with
// only the rows on screen in it, in a layer placed at their block (see useRowScroll).
import type { VirtualItem } from "@tanstack/react-virtual";
import type { RefObject } from "react";
import { BodyRow, type Options, type RowHandlers, rowMarks } from "./BodyRow.tsx";
import type { DataGridProps } from "./DataGrid.tsx";
import type { Cell, ColumnLayout, Editing, Translate } from "./layout.ts";
import type { GridField } from "./types.ts";
import type { CellRange } from "./useActiveCell.ts";

export interface GridBodyProps extends Pick<DataGridProps, "windows" | "edits" | "selection" | "table"> {
  gridId: string;
  items: VirtualItem[];
  /** Top of the rows' block, which the layer's rows are placed from. */
  base: number;
  layerRef: RefObject<HTMLDivElement | null>;
  /** Where the layer sits now (in a compressed body it then follows the scrollbar directly). */
  layerOffset: number;
  height: number;
  width: number;
  layout: ColumnLayout[];
  dataCount: number;
  firstCenter: number;
  fromCol: number;
  toCol: number;
  spacer: number;
  active: Cell;
  range: CellRange;
  editing: Editing | null;
  optionsOf(field: GridField): Options;
  handlers: RowHandlers;
  t: Translate;
}

export function GridBody(props: GridBodyProps) {
  const { windows, edits, selection, range, active, editing, layout } = props;
  return (
    <div role="rowgroup" className="relative" style={{ height: props.height, width: props.width }}>
      <div
        ref={props.layerRef}
        role="presentation"
        className="absolute top-0 left-0"
        style={{
          width: props.width,
          transform: `translateY(${props.layerOffset}px)`,
        }}
      >
        {props.items.map((item) => {
          const index = item.index;
          const row = windows.rowAt(index);
          const inRange = index >= range.top && index <= range.bottom;
          const marks = row ? rowMarks(row.id, edits.pending, edits.errors) : undefined;
          return (
            <BodyRow
              key={index}
              gridId={props.gridId}
              index={index}
              top={item.start - props.base}
              row={row}
              layout={layout}
              dataStart={layout.length - props.dataCount}
              firstCenter={props.firstCenter}
              fromCol={props.fromCol}
              toCol={props.toCol}
              spacer={props.spacer}
              activeCol={index === active.row ? active.col : -1}
              rangeCols={inRange ? [range.left, range.right] : null}
              selected={!!row && (selection.all || selection.rows.has(row.id))}
              editing={editing && editing.row === index ? editing : null}
              marks={marks}
              table={props.table}
              optionsOf={props.optionsOf}
              handlers={props.handlers}
              t={props.t}
            />
          );
        })}
      </div>
    </div>
  );
}
