// biome-ignore-all lint/a11y/useSemanticElements: an ARIA grid of positioned divs (a <table> cannot be virtualised row by row)
// biome-ignore-all lint/a11y/useFocusableInteractive: the grid holds focus and names its active cell with aria-activedescendant
// One column header: its name (click to sort, shift-click to add a sort key), the sort direction and
// order, a handle to drag its width, drag and drop to move it, and a menu (sort, move left or right,
// freeze up to here, hide) that works from the keyboard as well.
import { type CSSProperties, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

export type ColumnAction =
  | { kind: "sort"; dir: "asc" | "desc" | null }
  | { kind: "move"; step: -1 | 1 }
  | { kind: "freeze" }
  | { kind: "unfreeze" }
  | { kind: "hide" };

export interface HeaderCellProps {
  id: string;
  label: string;
  style: CSSProperties;
  colIndex: number;
  sorted: false | "asc" | "desc";
  /** 1-based position among several sort keys; 0 when sorted by this one alone or not at all. */
  sortIndex: number;
  canSort: boolean;
  frozen: boolean;
  numeric: boolean;
  onSortClick?: (event: unknown) => void;
  /** TanStack's resize handler (mouse and touch). */
  onResizeStart?: (event: unknown) => void;
  resizing: boolean;
  onAction(action: ColumnAction): void;
  onDropColumn(dragged: string): void;
}

const DRAG_TYPE = "application/x-linli-column";

export function HeaderCell(props: HeaderCellProps) {
  const { t } = useTranslation();
  const [menu, setMenu] = useState(false);
  const [over, setOver] = useState(false);
  const sortLabel =
    props.sorted === "asc" ? t("grid.sortedAsc") : props.sorted === "desc" ? t("grid.sortedDesc") : "";
  return (
    <div
      role="columnheader"
      aria-colindex={props.colIndex}
      data-col={props.id}
      aria-sort={props.sorted === "asc" ? "ascending" : props.sorted === "desc" ? "descending" : undefined}
      style={props.style}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, props.id);
        e.dataTransfer.effectAllowed = "move";
      }}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        const dragged = e.dataTransfer.getData(DRAG_TYPE);
        if (dragged && dragged !== props.id) {
          e.preventDefault();
          props.onDropColumn(dragged);
        }
      }}
      className={`group relative flex h-full items-center border-r border-b border-stone-200 bg-stone-100 text-xs font-semibold text-stone-700 select-none ${
        over ? "shadow-[inset_3px_0_0_var(--color-brand-500)]" : ""
      }`}
    >
      <button
        type="button"
        tabIndex={-1}
        disabled={!props.canSort}
        onClick={props.onSortClick}
        title={props.canSort ? t("grid.sortHint") : undefined}
        className={`flex h-full min-w-0 flex-1 items-center gap-1 px-2 text-left disabled:cursor-default ${
          props.numeric ? "justify-end" : ""
        }`}
      >
        <span className="truncate">{props.label}</span>
        {props.sorted ? (
          <span className="shrink-0 text-brand-700">
            <span aria-hidden="true">{props.sorted === "asc" ? "▲" : "▼"}</span>
            <span className="sr-only">{sortLabel}</span>
            {props.sortIndex > 0 ? <sub>{props.sortIndex}</sub> : null}
          </span>
        ) : null}
        {props.frozen ? <span className="sr-only">{t("grid.frozen")}</span> : null}
      </button>
      <button
        type="button"
        aria-label={t("grid.columnMenu", { label: props.label })}
        aria-haspopup="menu"
        aria-expanded={menu}
        onClick={() => setMenu((open) => !open)}
        className="mr-1 flex size-6 shrink-0 items-center justify-center rounded text-stone-500 opacity-60 group-hover:opacity-100 hover:bg-stone-200 focus:opacity-100"
      >
        ⋮
      </button>
      {props.onResizeStart ? (
        <div
          aria-hidden="true"
          // Not a drag of the whole column: the width follows the pointer.
          onMouseDown={(e) => {
            e.preventDefault();
            e.stopPropagation();
            props.onResizeStart?.(e);
          }}
          onTouchStart={(e) => {
            e.stopPropagation();
            props.onResizeStart?.(e);
          }}
          onDoubleClick={(e) => e.stopPropagation()}
          className={`absolute top-0 right-0 z-10 h-full w-1.5 cursor-col-resize touch-none ${
            props.resizing ? "bg-brand-500" : "hover:bg-brand-300"
          }`}
        />
      ) : null}
      {menu ? (
        <ColumnMenu
          canSort={props.canSort}
          frozen={props.frozen}
          onClose={() => setMenu(false)}
          onAction={(action) => {
            setMenu(false);
            props.onAction(action);
          }}
        />
      ) : null}
    </div>
  );
}

function ColumnMenu(props: {
  canSort: boolean;
  frozen: boolean;
  onAction(action: ColumnAction): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>("[role=menuitem]")?.focus();
    const away = (e: MouseEvent) => {
      if (!ref.current?.parentElement?.contains(e.target as Node)) props.onClose();
    };
    document.addEventListener("mousedown", away);
    return () => document.removeEventListener("mousedown", away);
  }, [props.onClose]);
  const items: { label: string; action: ColumnAction }[] = [
    ...(props.canSort
      ? [
          { label: t("grid.sortAsc"), action: { kind: "sort", dir: "asc" } as const },
          { label: t("grid.sortDesc"), action: { kind: "sort", dir: "desc" } as const },
          { label: t("grid.sortNone"), action: { kind: "sort", dir: null } as const },
        ]
      : []),
    { label: t("grid.moveLeft"), action: { kind: "move", step: -1 } },
    { label: t("grid.moveRight"), action: { kind: "move", step: 1 } },
    props.frozen
      ? { label: t("grid.unfreeze"), action: { kind: "unfreeze" } }
      : { label: t("grid.freezeHere"), action: { kind: "freeze" } },
    { label: t("grid.hide"), action: { kind: "hide" } },
  ];
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>("[role=menuitem]") ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === "Escape") {
      e.preventDefault();
      props.onClose();
      (ref.current?.parentElement?.querySelector("[aria-haspopup]") as HTMLElement | null)?.focus();
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const next = (at + (e.key === "ArrowDown" ? 1 : -1) + buttons.length) % buttons.length;
      buttons[next]?.focus();
    } else if (e.key === "Tab") {
      props.onClose();
    }
  };
  return (
    <div
      ref={ref}
      role="menu"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      className="absolute top-full right-0 z-40 mt-1 flex w-40 flex-col rounded-md border border-stone-200 bg-white py-1 text-sm font-normal text-stone-800 shadow-lg"
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          onClick={() => props.onAction(item.action)}
          className="px-3 py-1.5 text-left hover:bg-stone-100 focus:bg-brand-50 focus:outline-none"
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
