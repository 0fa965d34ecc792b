// Pivot results built by hand for the renderers' tests: 社区 > 网格 down the side, 特殊人群 (3 values)
// across, 人数 and 平均年龄, subtotals and the total; an empty one; a wide one that cannot fit a page.
import type { GroupKey, PivotResult, PivotRow } from "./results.ts";

const key = (code: string | null, label: string): GroupKey => ({ code, label });

const FENGSHENG = key("12", "丰盛社区");
const ERLONGLU = key("13", "二龙路社区");
export const GROUPS = ["低保户", "残疾人", "独居老人"];

/** [count, avg] per special group, then the row total (each person once). */
type Cells = [number, number | null][];
const row = (kind: PivotRow["kind"], path: GroupKey[], cells: Cells, total: [number, number]): PivotRow => ({
  kind,
  path,
  values: cells.map(([count, avg]) => [count, avg]),
  total,
});

export const PIVOT: PivotResult = {
  name: "各社区特殊人群统计",
  moment: { at: Date.UTC(2026, 5, 30, 15, 59), day: "2026-06-30", live: false },
  rowFields: [
    { key: "$community", label: "社区" },
    { key: "$grid", label: "网格" },
  ],
  columnFields: [{ key: "tsrq", label: "特殊人群" }],
  measures: [
    { fn: "count", label: "人数" },
    { fn: "avg", field: "age", label: "平均年龄" },
  ],
  columns: GROUPS.map((g, i) => ({ path: [key(`t${i + 1}`, g)] })),
  rows: [
    row(
      "cell",
      [FENGSHENG, key("121", "第一网格")],
      [
        [1234, 61.456],
        [87, 55.5],
        [0, null],
      ],
      [1290, 60.123],
    ),
    row(
      "cell",
      [FENGSHENG, key("122", "第二网格")],
      [
        [342, 63],
        [45, 48.25],
        [19, 81.2],
      ],
      [398, 62.7],
    ),
    row(
      "subtotal",
      [FENGSHENG],
      [
        [1576, 61.9],
        [132, 53.07],
        [19, 81.2],
      ],
      [1688, 60.71],
    ),
    row(
      "cell",
      [ERLONGLU, key("131", "第一网格")],
      [
        [508, 66.6],
        [71, 57.75],
        [33, 79.03],
      ],
      [590, 65.5],
    ),
    row(
      "subtotal",
      [ERLONGLU],
      [
        [508, 66.6],
        [71, 57.75],
        [33, 79.03],
      ],
      [590, 65.5],
    ),
    row(
      "total",
      [],
      [
        [2084, 63.05],
        [203, 54.86],
        [52, 79.82],
      ],
      [2278, 61.95],
    ),
  ],
  empty: false,
};

/** Nothing matched: no rows at all. */
export const EMPTY_PIVOT: PivotResult = {
  ...PIVOT,
  name: "空报表",
  moment: { at: Date.UTC(2026, 11, 7, 2, 30), day: "2026-12-07", live: true },
  columns: [],
  rows: [],
  empty: true,
};

/** 40 values of one column field × 2 measures: more than a landscape page holds at the smallest font. */
export function widePivot(n = 40): PivotResult {
  const columns = Array.from({ length: n }, (_, i) => ({ path: [key(`c${i}`, `楼栋${i + 1}号`)] }));
  const values = columns.map((_, i) => [i * 100 + 1, 50 + i / 4]);
  return {
    ...PIVOT,
    name: "各楼栋人员统计",
    columnFields: [{ key: "ld", label: "楼栋" }],
    columns,
    rows: [
      { kind: "cell", path: [FENGSHENG, key("121", "第一网格")], values, total: [99_999, 61] },
      { kind: "total", path: [], values, total: [99_999, 61] },
    ],
  };
}
