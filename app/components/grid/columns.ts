// The grid's columns as a saved view keeps them (ViewDefinition.columns: order, width, hidden, frozen)
// and as TanStack Table holds them (columnOrder, columnSizing, columnVisibility, columnPinning, sorting).
// Pure: the page, the column menu and the tests convert between the two here and nowhere else.
import type { SortKey, ViewColumn } from "../../query/view.ts";
import { fieldType } from "../../schema/field-types/registry.ts";
import type { GridField } from "./types.ts";

/** Every row is this tall (px): the scrollbar spans total × ROW_HEIGHT and positions are arithmetic. */
export const ROW_HEIGHT = 32;
export const HEADER_HEIGHT = 36;

/** The row-number and selection columns, always frozen at the left and never in a view. */
export const ROW_NUMBER = "_row";
export const SELECT = "_select";
export const FIXED_COLUMNS = [ROW_NUMBER, SELECT] as const;
export const FIXED_WIDTH: Record<string, number> = { [ROW_NUMBER]: 48, [SELECT]: 36 };

/** Columns that are not fields: the system ID (opens the record panel) and the community or grid. */
export const SYSTEM_ID = "$id";
export const ORG = "$org";

/** A column's header: the two system columns by their translated names, a field by its label. */
export function columnLabel(
  key: string,
  fieldsByKey: ReadonlyMap<string, { label: string }>,
  t: (key: string) => string,
): string {
  if (key === SYSTEM_ID) return t("grid.systemId");
  if (key === ORG) return t("grid.org");
  return fieldsByKey.get(key)?.label ?? key;
}
export const PSEUDO_COLUMNS = [SYSTEM_ID, ORG] as const;

export const MIN_WIDTH = 48;
export const MAX_WIDTH = 800;

/** A width that fits the field's usual content. */
export function defaultWidth(field: GridField | undefined, key: string): number {
  if (key === SYSTEM_ID) return 104;
  if (key === ORG) return 150;
  if (!field) return 120;
  if (field.options.personName) return 96;
  switch (field.editor) {
    case "checkbox":
      return 72;
    case "number":
      return 104;
    case "date":
      return 112;
    case "datetime":
      return 150;
    case "phone":
      return 124;
    case "document":
      return 184;
    case "select":
      return 112;
    case "multiselect":
      return 168;
    case "address":
    case "textarea":
      return 220;
    default:
      return 132;
  }
}

/** Fields a new view leaves hidden: files and photos are for the record panel, not a grid cell. */
const HIDDEN_BY_DEFAULT = new Set(["photo", "files"]);

const clampWidth = (width: number) => Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)));

/**
 * The full, ordered column list of a view: the saved columns that still exist, in their order, then
 * every field the saved view does not know yet (added since it was saved) at the end, in table order.
 * A view without columns starts with the system ID (frozen), every field, and the community.
 */
export function resolveColumns(
  fields: readonly GridField[],
  saved: readonly ViewColumn[] | undefined,
): Required<ViewColumn>[] {
  const known = new Map<string, GridField | undefined>([
    [SYSTEM_ID, undefined],
    ...fields.map((f) => [f.key, f] as const),
    [ORG, undefined],
  ]);
  const fresh = (key: string): Required<ViewColumn> => {
    const field = known.get(key);
    return {
      key,
      width: defaultWidth(field, key),
      hidden: field ? HIDDEN_BY_DEFAULT.has(field.editor) : false,
      frozen: !saved?.length && key === SYSTEM_ID,
    };
  };
  const out: Required<ViewColumn>[] = [];
  const seen = new Set<string>();
  for (const column of saved ?? []) {
    if (!known.has(column.key) || seen.has(column.key)) continue;
    seen.add(column.key);
    const base = fresh(column.key);
    out.push({
      key: column.key,
      width: column.width ? clampWidth(column.width) : base.width,
      hidden: column.hidden ?? false,
      frozen: column.frozen ?? false,
    });
  }
  for (const key of known.keys()) if (!seen.has(key)) out.push(fresh(key));
  return normaliseFrozen(out);
}

/** Frozen columns are the first N: a column is frozen only when every column before it is. */
function normaliseFrozen(columns: Required<ViewColumn>[]): Required<ViewColumn>[] {
  let frozen = true;
  return columns.map((c) => {
    frozen = frozen && c.frozen;
    return c.frozen === frozen ? c : { ...c, frozen };
  });
}

/** What a saved view keeps: only what differs from a fresh column is worth storing, but order is. */
export function toViewColumns(columns: readonly Required<ViewColumn>[]): ViewColumn[] {
  return columns.map((c) => ({
    key: c.key,
    width: c.width,
    ...(c.hidden ? { hidden: true } : {}),
    ...(c.frozen ? { frozen: true } : {}),
  }));
}

export interface TableColumnState {
  columnOrder: string[];
  columnSizing: Record<string, number>;
  columnVisibility: Record<string, boolean>;
  columnPinning: { start: string[]; end: string[] };
}

/** The row-number column fits the largest number it shows (1 000 000 needs seven digits). */
export const rowNumberWidth = (total: number) =>
  Math.max(FIXED_WIDTH[ROW_NUMBER]!, String(total).length * 7 + 20);

/** TanStack Table's column state for the resolved columns (the fixed columns pinned first). */
export function tableColumnState(columns: readonly Required<ViewColumn>[], total = 0): TableColumnState {
  return {
    columnOrder: [...FIXED_COLUMNS, ...columns.map((c) => c.key)],
    columnSizing: {
      ...FIXED_WIDTH,
      [ROW_NUMBER]: rowNumberWidth(total),
      ...Object.fromEntries(columns.map((c) => [c.key, c.width])),
    },
    columnVisibility: Object.fromEntries(columns.map((c) => [c.key, !c.hidden])),
    columnPinning: {
      start: [...FIXED_COLUMNS, ...columns.filter((c) => c.frozen).map((c) => c.key)],
      end: [],
    },
  };
}

const isFixed = (key: string) => (FIXED_COLUMNS as readonly string[]).includes(key);

/** New column order (from a drag or the menu): keys the order leaves out keep their place at the end. */
export function reorder(columns: readonly Required<ViewColumn>[], order: readonly string[]) {
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const out = order.filter((k) => !isFixed(k) && byKey.has(k)).map((k) => byKey.get(k)!);
  const placed = new Set(out.map((c) => c.key));
  for (const c of columns) if (!placed.has(c.key)) out.push(c);
  return normaliseFrozen(out);
}

/** Move one column before another (drag and drop), or by a step among the visible columns (menu). */
export function moveColumn(
  columns: readonly Required<ViewColumn>[],
  key: string,
  to: { before: string } | { step: -1 | 1 },
): Required<ViewColumn>[] {
  const moving = columns.find((c) => c.key === key);
  if (!moving) return [...columns];
  const rest = columns.filter((c) => c.key !== key);
  let index: number;
  if ("before" in to) {
    index = rest.findIndex((c) => c.key === to.before);
    if (index < 0) index = rest.length;
  } else {
    const visible = columns.filter((c) => !c.hidden);
    const at = visible.findIndex((c) => c.key === key);
    const neighbour = visible[at + to.step];
    if (!neighbour) return [...columns];
    index = rest.findIndex((c) => c.key === neighbour.key) + (to.step > 0 ? 1 : 0);
  }
  rest.splice(index, 0, moving);
  // The frozen block keeps its size: a column moved into it is frozen, the one pushed out is not.
  const frozenCount = columns.filter((c) => c.frozen).length;
  return rest.map((c, i) => (c.frozen === i < frozenCount ? c : { ...c, frozen: i < frozenCount }));
}

export function setWidths(columns: readonly Required<ViewColumn>[], sizing: Record<string, number>) {
  return columns.map((c) =>
    sizing[c.key] !== undefined && sizing[c.key] !== c.width
      ? { ...c, width: clampWidth(sizing[c.key]!) }
      : c,
  );
}

export function setVisibility(columns: readonly Required<ViewColumn>[], visibility: Record<string, boolean>) {
  return columns.map((c) => {
    const hidden = visibility[c.key] === false;
    return hidden === c.hidden ? c : { ...c, hidden };
  });
}

/** Freeze every column up to and including `key`; `null` unfreezes them all. */
export function freezeThrough(columns: readonly Required<ViewColumn>[], key: string | null) {
  const at = key === null ? -1 : columns.findIndex((c) => c.key === key);
  return columns.map((c, i) => ({ ...c, frozen: i <= at }));
}

export interface SortingItem {
  id: string;
  desc: boolean;
}

export const sortingOf = (sort: readonly SortKey[] | undefined): SortingItem[] =>
  (sort ?? []).map((s) => ({ id: s.field, desc: s.dir === "desc" }));

export const sortOf = (sorting: readonly SortingItem[]): SortKey[] =>
  sorting.slice(0, 5).map((s) => ({ field: s.id, dir: s.desc ? "desc" : "asc" }));

/** Whether the engine can sort by the column: a sortable field, the system ID or the community. */
export function sortable(key: string, field: GridField | undefined): boolean {
  return field ? field.sortable : (PSEUDO_COLUMNS as readonly string[]).includes(key);
}

/** Number and money columns get a footer total. */
export function totalled(field: GridField): boolean {
  return fieldType(field.type).storage === "integer" || fieldType(field.type).storage === "decimal";
}
