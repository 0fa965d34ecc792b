import { describe, expect, it } from "vitest";
import { TABLE } from "./fixtures.test-support.ts";
import {
  addressFilter,
  addressNodeAt,
  addressPath,
  levelBelow,
  levelNodes,
  levelRequest,
  orgTrail,
  orgTree,
  withChildren,
} from "./tree.ts";

describe("org tree", () => {
  it("nests the places and finds the branch to a selection", () => {
    const tree = orgTree(TABLE.places);
    expect(tree.map((n) => n.row.name)).toEqual(["丰盛社区", "太平桥社区"]);
    expect(tree[0]!.children.map((n) => n.row.name)).toEqual(["第一网格", "第二网格"]);
    expect(orgTrail(TABLE.places, 6)).toEqual([2, 6]);
    expect(orgTrail(TABLE.places, 99)).toEqual([]);
  });
});

describe("address tree", () => {
  const facet = (field: string, values: [string | null, number][]) => ({
    field,
    label: field,
    values: values.map(([code, count]) => ({ code, label: code ?? "（空）", count })),
  });

  it("asks for one level at a time, the branch opened as the address filter", () => {
    const query = { search: "王", address: { field: "address", estate: "丰汇园" }, sort: [] };
    expect(levelRequest(query, "address", [])).toEqual({
      query: { search: "王" },
      fields: ["address$estate"],
    });
    expect(levelRequest(query, "address", ["丰汇园", "3号楼"])).toEqual({
      query: { search: "王", address: { field: "address", estate: "丰汇园", building: "3号楼" } },
      fields: ["address$unit"],
    });
    expect(levelRequest(query, "address", ["a", "b", "c"])).toBeUndefined();
    expect(levelBelow(["a"])).toBe("building");
  });

  it("builds nodes from counts and grows the tree lazily", () => {
    const estates = levelNodes(
      facet("address$estate", [
        ["丰汇园", 40],
        [null, 7],
        ["大院胡同", 12],
      ]),
    );
    expect(estates.map((n) => n.value)).toEqual(["大院胡同", "丰汇园"]);
    const buildings = levelNodes(
      facet("address$building", [
        ["10号楼", 3],
        ["2号楼", 9],
        ["1号楼", 5],
      ]),
    );
    expect(buildings.map((n) => n.value)).toEqual(["1号楼", "2号楼", "10号楼"]);
    let tree = withChildren([], [], estates);
    tree = withChildren(tree, ["丰汇园"], buildings);
    tree = withChildren(tree, ["丰汇园", "2号楼"], [{ value: "1单元", count: 4 }]);
    expect(addressNodeAt(tree, ["丰汇园", "2号楼", "1单元"])).toEqual({ value: "1单元", count: 4 });
    expect(addressNodeAt(tree, ["大院胡同"])?.children).toBeUndefined();
    expect(addressNodeAt(tree, ["无"])).toBeUndefined();
  });

  it("turns a path into the address filter and back", () => {
    expect(addressFilter("address", [])).toBeUndefined();
    const f = addressFilter("address", ["丰汇园", "2号楼", "1单元"]);
    expect(f).toEqual({ field: "address", estate: "丰汇园", building: "2号楼", unit: "1单元" });
    expect(addressPath(f, "address")).toEqual(["丰汇园", "2号楼", "1单元"]);
    expect(addressPath(f, "other")).toEqual([]);
    expect(addressPath(undefined, "address")).toEqual([]);
  });
});
