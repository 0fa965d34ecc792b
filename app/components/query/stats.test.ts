import { describe, expect, it } from "vitest";
import type { GroupResult } from "../../../analytics/query/results.ts";
import { FIELDS } from "./fixtures.test-support.ts";
import {
  addMeasure,
  crossCsv,
  crossTable,
  formatMeasure,
  groupableFields,
  measureFields,
  removeMeasure,
  statsRequest,
} from "./stats.ts";

const key = (code: string, label = code) => ({ code, label });

describe("stats choices", () => {
  it("groups by fields with few values first and measures numbers", () => {
    const groupable = groupableFields(FIELDS).map((f) => f.key);
    expect(groupable.slice(0, 5)).toEqual([
      "sex",
      "category",
      "politicalStatus",
      "specialGroups",
      "lowIncome",
    ]);
    expect(groupable).not.toContain("mobile");
    expect(measureFields(FIELDS).map((f) => f.key)).toEqual(["age", "floorArea", "subsidy"]);
  });

  it("adds and removes measures, never the last one", () => {
    let m = addMeasure([{ fn: "count" }], { fn: "avg", field: "age" });
    m = addMeasure(m, { fn: "avg", field: "age" });
    m = addMeasure(m, { fn: "sum" });
    expect(m).toEqual([{ fn: "count" }, { fn: "avg", field: "age" }]);
    expect(removeMeasure(removeMeasure(m, 0), 0)).toEqual([{ fn: "avg", field: "age" }]);
    expect(statsRequest({ sort: [{ field: "x", dir: "asc" }], search: "a" }, "sex", "sex", m)).toEqual({
      query: { search: "a" },
      rows: "sex",
      measures: m,
    });
  });
});

describe("cross table", () => {
  it("shapes one field: measures as columns, totals in the footer", () => {
    const result: GroupResult = {
      measures: [
        { fn: "count", label: "人数" },
        { fn: "avg", field: "age", label: "年龄平均" },
      ],
      rowKeys: [key("1", "男"), key("2", "女")],
      columnKeys: [],
      cells: [[[10, 40.5]], [[12, 43]]],
      rowTotals: [
        [10, 40.5],
        [12, 43],
      ],
      columnTotals: [],
      total: [22, 41.86],
    };
    const t = crossTable(result, "合计");
    expect(t.groups).toEqual([]);
    expect(t.rows).toEqual([
      { label: "男", values: [10, 40.5] },
      { label: "女", values: [12, 43] },
    ]);
    expect(t.footer).toEqual({ label: "合计", values: [22, 41.86] });
    expect(crossCsv(t, "性别", ["人数", "年龄平均"])).toBe(
      "性别,人数,年龄平均\n男,10,40.5\n女,12,43\n合计,22,41.86",
    );
  });

  it("shapes two fields with row, column and grand totals", () => {
    const result: GroupResult = {
      measures: [{ fn: "count", label: "人数" }],
      rowKeys: [key("hj", "户籍人口"), key("ld", "流动人口")],
      columnKeys: [key("1", "男"), key("2", "女")],
      cells: [
        [[5], [6]],
        [[3], [null]],
      ],
      rowTotals: [[11], [3]],
      columnTotals: [[8], [6]],
      total: [14],
    };
    const t = crossTable(result, "合计");
    expect(t.groups).toEqual([
      { label: "男", span: 1, total: false },
      { label: "女", span: 1, total: false },
      { label: "合计", span: 1, total: true },
    ]);
    expect(t.leaves).toEqual([0, 0, 0]);
    expect(t.rows).toEqual([
      { label: "户籍人口", values: [5, 6, 11] },
      { label: "流动人口", values: [3, null, 3] },
    ]);
    expect(t.footer.values).toEqual([8, 6, 14]);
  });

  it("formats values for reading", () => {
    expect(formatMeasure(12345, "count", "zh-CN")).toBe("12,345");
    expect(formatMeasure(41.857, "avg", "zh-CN")).toBe("41.86");
    expect(formatMeasure(40.5, "avg", "zh-CN")).toBe("40.50");
    expect(formatMeasure(null, "sum", "zh-CN")).toBe("—");
  });
});
