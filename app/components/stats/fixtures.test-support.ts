// Chart results and fields as the statistics API answers them, for the pages' unit tests.
import type { CategoryChart, TimeChart } from "../../stats/results.ts";
import type { StatsField } from "./fields.ts";

export const FIELDS: StatsField[] = [
  { key: "$community", label: "社区", kind: "org", numeric: false, multi: false },
  { key: "$grid", label: "网格", kind: "org", numeric: false, multi: false },
  { key: "sex", label: "性别", kind: "choice", numeric: false, multi: false },
  { key: "age", label: "年龄", kind: "number", numeric: true, multi: false },
  { key: "specialGroups", label: "特殊人群", kind: "list", numeric: false, multi: true },
  { key: "floorArea", label: "住房面积(㎡)", kind: "number", numeric: true, multi: false },
];

const moment = { at: Date.UTC(2026, 4, 11), day: "2026-05-11", live: true };

export function pyramidResult(): CategoryChart {
  return {
    kind: "categories",
    title: "年龄金字塔",
    type: "pyramid",
    moment,
    measure: { fn: "count", label: "人数" },
    rowsLabel: "年龄",
    columnsLabel: "性别",
    // Youngest first, as a grouping in bands sorts; the empty band last.
    categories: [
      { code: "0", label: "0-4" },
      { code: "5", label: "5-9" },
      { code: "10", label: "10-14" },
      { code: null, label: "" },
    ],
    series: [
      { key: { code: "2", label: "女" }, values: [4, 5, 6, 1] },
      { key: { code: "1", label: "男" }, values: [3, 7, 1200, 0] },
    ],
    total: 1227,
  };
}

export function barResult(values: (number | null)[] = [1234, 56]): CategoryChart {
  return {
    kind: "categories",
    title: "各社区人数",
    type: "bar",
    moment: { ...moment, live: false, day: "2025-12-31" },
    measure: { fn: "count", label: "人数" },
    rowsLabel: "社区",
    columnsLabel: null,
    categories: [
      { code: "2", label: "丰盛社区" },
      { code: "3", label: "二龙路社区" },
    ],
    series: [{ key: { code: null, label: "" }, values }],
    total: values.reduce<number>((a, b) => a + (b ?? 0), 0),
  };
}

export function timeResult(): TimeChart {
  return {
    kind: "time",
    title: "每月新增",
    type: "line",
    mode: "flow",
    period: "month",
    measure: { fn: "count", label: "新增" },
    periods: [
      { key: "2026-01", label: "2026年1月", from: "2026-01-01", to: "2026-01-31" },
      { key: "2026-02", label: "2026年2月", from: "2026-02-01", to: "2026-02-28" },
    ],
    series: [{ key: { code: null, label: "" }, values: [10, 0] }],
  };
}
