import { describe, expect, it } from "vitest";
import {
  clearFacet,
  countingQuery,
  defaultFacetFields,
  facetableFields,
  facetRows,
  knownFacetFields,
  queryKey,
  tickedCount,
  toggleFacet,
} from "./facets.ts";
import { FIELDS, gridField } from "./fixtures.test-support.ts";

describe("facet fields", () => {
  it("offers choice, multiple choice and yes/no fields", () => {
    expect(facetableFields(FIELDS).map((f) => f.key)).toEqual([
      "sex",
      "category",
      "politicalStatus",
      "specialGroups",
      "lowIncome",
    ]);
  });

  it("starts with what offices count by", () => {
    expect(defaultFacetFields(FIELDS)).toEqual(["category", "sex", "specialGroups", "politicalStatus"]);
    // Another table: the first such fields.
    const other = [
      gridField("a", "甲", "choice"),
      gridField("b", "乙", "text"),
      gridField("c", "丙", "boolean"),
    ];
    expect(defaultFacetFields(other)).toEqual(["a", "c"]);
    expect(knownFacetFields(["lowIncome", "gone", "sex"], FIELDS)).toEqual(["sex", "lowIncome"]);
  });
});

describe("ticking values", () => {
  it("toggles codes, OR inside a field, and forgets empty fields", () => {
    let f = toggleFacet(undefined, "sex", "1");
    expect(f).toEqual({ sex: ["1"] });
    f = toggleFacet(f, "specialGroups", "dj");
    f = toggleFacet(f, "specialGroups", "cj");
    expect(f).toEqual({ sex: ["1"], specialGroups: ["dj", "cj"] });
    expect(tickedCount(f)).toBe(3);
    expect(toggleFacet(f, "sex", "1", true)).toEqual(f);
    f = toggleFacet(f, "sex", "1");
    expect(f).toEqual({ specialGroups: ["dj", "cj"] });
    expect(clearFacet(f, "specialGroups")).toBeUndefined();
    expect(clearFacet(undefined, "x")).toBeUndefined();
  });

  it("counts under the query without its ordering and columns", () => {
    const q = { search: "张", sort: [{ field: "name", dir: "asc" as const }], facets: { sex: ["1"] } };
    expect(countingQuery({ ...q, columns: [{ key: "name" }] } as never)).toEqual({
      search: "张",
      facets: { sex: ["1"] },
    });
    expect(queryKey(q)).toBe(queryKey({ search: "张", facets: { sex: ["1"] } }));
  });
});

describe("facet rows", () => {
  it("adds dictionary colours and keeps ticked values that vanished", () => {
    const options = [
      { code: "dj", label: "独居老人", colour: "#f97316" },
      { code: "cj", label: "残疾人" },
    ];
    const rows = facetRows(
      [
        { code: "dj", label: "独居老人", count: 12 },
        { code: null, label: "（空）", count: 80 },
      ],
      ["dj", "cj"],
      options,
    );
    expect(rows).toEqual([
      { code: "dj", label: "独居老人", colour: "#f97316", count: 12, ticked: true },
      { code: null, label: "（空）", count: 80, ticked: false },
      { code: "cj", label: "残疾人", count: 0, ticked: true },
    ]);
  });
});
