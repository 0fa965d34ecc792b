// biome-ignore-all lint/a11y/useSemanticElements: an ARIA grid of positioned divs (a <table> cannot be virtualised row by row)
// biome-ignore-all lint/a11y/useFocusableInteractive: the grid holds focus and names its active cell with aria-activedescendant
// The grid's header row, sticky at the top: "#" over the row numbers, a check box that ticks every
// loaded row, and a HeaderCell (sort, resize, move, freeze, hide) for each data column.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { SortKey } from "../../query/view.ts";
import { HEADER_HEIGHT, ROW_NUMBER, SELECT } from "./columns.ts";
import { type ColumnAction, HeaderCell } from "./HeaderCell.tsx";
import { type ColumnLayout, cellStyle, headCls } from "./layout.ts";
import type { ColumnTable } from "./useGridColumns.ts";

export interface HeaderRowProps {
  layout: ColumnLayout[];
  width: number;
  table: ColumnTable;
  sort: SortKey[];
  narrow: boolean;
  /** The header check box is ticked (every row, or every loaded row on screen). */
  allChecked: boolean;
  onToggleLoaded(): void;
  onAction(key: string, action: ColumnAction): void;
  onDropColumn(dragged: string, before: string): void;
}

export function HeaderRow(props: HeaderRowProps) {
  const { t } = useTranslation();
  const { table } = props;
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
            checked={props.allChecked}
            onChange={props.onToggleLoaded}
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
        onAction={(action) => props.onAction(column.key, action)}
        onDropColumn={(dragged) => props.onDropColumn(dragged, column.key)}
      />
    );
  };
  return (
    <div role="rowgroup" className="sticky top-0 z-20" style={{ width: props.width, height: HEADER_HEIGHT }}>
      <div role="row" aria-rowindex={1} className="flex h-full">
        {props.layout.map(headerFor)}
      </div>
    </div>
  );
}
