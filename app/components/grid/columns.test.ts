import { describe, expect, it } from "vitest";
import {
  freezeThrough,
  moveColumn,
  ORG,
  reorder,
  resolveColumns,
  SYSTEM_ID,
  setVisibility,
  setWidths,
  sortable,
  sortingOf,
  sortOf,
  tableColumnState,
  toViewColumns,
} from "./columns.ts";
import { FIELDS } from "./grid.test-support.ts";

const keys = (columns: { key: string }[]) => columns.map((c) => c.key);

describe("grid columns", () => {
  it("starts a new view with the system ID frozen, every field, the community last, files hidden", () => {
    const columns = resolveColumns(FIELDS, undefined);
    expect(keys(columns)).toEqual([SYSTEM_ID, ...FIELDS.map((f) => f.key), ORG]);
    expect(columns.filter((c) => c.frozen).map((c) => c.key)).toEqual([SYSTEM_ID]);
    expect(columns.find((c) => c.key === "photo")?.hidden).toBe(true);
    expect(columns.find((c) => c.key === "name")?.width).toBe(96);
  });

  it("keeps a saved view's order and widths, drops gone fields and appends new ones", () => {
    const saved = [
      { key: "mobile", width: 2000 },
      { key: "gone", width: 100 },
      { key: "name", hidden: true, frozen: true },
    ];
    const columns = resolveColumns(FIELDS, saved);
    expect(keys(columns).slice(0, 2)).toEqual(["mobile", "name"]);
    expect(columns[0]!.width).toBe(800);
    expect(columns[1]!.hidden).toBe(true);
    // Frozen columns are the first N: name is not frozen while mobile before it is not.
    expect(columns.every((c) => !c.frozen)).toBe(true);
    expect(keys(columns)).toContain("sex");
    expect(keys(columns)).not.toContain("gone");
    expect(keys(columns)).toHaveLength(FIELDS.length + 2);
  });

  it("round-trips through TanStack Table's state and back into a saved view", () => {
    const columns = resolveColumns(FIELDS, undefined);
    const state = tableColumnState(columns);
    expect(state.columnOrder.slice(0, 3)).toEqual(["_row", "_select", SYSTEM_ID]);
    expect(state.columnPinning.start).toEqual(["_row", "_select", SYSTEM_ID]);
    expect(state.columnVisibility.photo).toBe(false);

    const resized = setWidths(columns, { ...state.columnSizing, name: 150 });
    expect(resized.find((c) => c.key === "name")?.width).toBe(150);
    const shown = setVisibility(resized, { ...state.columnVisibility, photo: true, mobile: false });
    expect(shown.find((c) => c.key === "photo")?.hidden).toBe(false);
    expect(shown.find((c) => c.key === "mobile")?.hidden).toBe(true);
    const reordered = reorder(shown, ["_row", "_select", "mobile", SYSTEM_ID]);
    expect(keys(reordered).slice(0, 2)).toEqual(["mobile", SYSTEM_ID]);
    // The frozen block stays a prefix: the system ID is no longer first, so nothing is frozen.
    expect(reordered.some((c) => c.frozen)).toBe(false);

    const saved = toViewColumns(reordered);
    expect(resolveColumns(FIELDS, saved)).toEqual(reordered);
  });

  it("moves a column by drag (before another) and by menu (a step among the visible ones)", () => {
    const columns = resolveColumns(FIELDS, undefined);
    expect(keys(moveColumn(columns, "mobile", { before: "name" })).slice(0, 3)).toEqual([
      SYSTEM_ID,
      "mobile",
      "name",
    ]);
    const right = moveColumn(columns, "name", { step: 1 });
    expect(keys(right).slice(1, 3)).toEqual(["document", "name"]);
    // Into the frozen block: the moved column is frozen, the one pushed out is not.
    const first = moveColumn(columns, "name", { step: -1 });
    expect(first.slice(0, 2).map((c) => [c.key, c.frozen])).toEqual([
      ["name", true],
      [SYSTEM_ID, false],
    ]);
    // Hidden columns are stepped over.
    const hidden = columns.map((c) => (c.key === "document" ? { ...c, hidden: true } : c));
    expect(keys(moveColumn(hidden, "name", { step: 1 })).indexOf("name")).toBe(keys(hidden).indexOf("sex"));
  });

  it("freezes the first N columns and unfreezes them", () => {
    const columns = resolveColumns(FIELDS, undefined);
    expect(
      freezeThrough(columns, "sex")
        .filter((c) => c.frozen)
        .map((c) => c.key),
    ).toEqual([SYSTEM_ID, "name", "document", "sex"]);
    expect(freezeThrough(columns, null).some((c) => c.frozen)).toBe(false);
  });

  it("sorts by sortable fields, the system ID and the community", () => {
    const byKey = new Map(FIELDS.map((f) => [f.key, f]));
    expect(sortable("name", byKey.get("name"))).toBe(true);
    expect(sortable("mobile", byKey.get("mobile"))).toBe(false);
    expect(sortable(SYSTEM_ID, undefined)).toBe(true);
    expect(sortable(ORG, undefined)).toBe(true);
  });

  it("keeps several sort keys, at most five", () => {
    const sort = [
      { field: "name", dir: "asc" as const },
      { field: "age", dir: "desc" as const },
    ];
    expect(sortingOf(sort)).toEqual([
      { id: "name", desc: false },
      { id: "age", desc: true },
    ]);
    expect(sortOf(sortingOf(sort))).toEqual(sort);
    expect(sortOf(Array.from({ length: 7 }, (_, i) => ({ id: `f${i}`, desc: false })))).toHaveLength(5);
  });
});
