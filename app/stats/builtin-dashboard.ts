// The dashboard every street and community office starts with (人口概况): the charts the proposal names —
// people by community and grid, the age pyramid by sex, special groups, 户籍类型, 政治面貌 — and the
// month-by-month arrivals, deletions and changes of the last year.
import { addDays, todayInChina } from "../people/normalise/calendar.ts";
import type { DashboardDefinition } from "./spec.ts";

export const BUILTIN_DASHBOARD_NAME = "人口概况";

export function builtinDashboard(today: string = todayInChina()): DashboardDefinition {
  const yearAgo = `${addDays(today, -364).slice(0, 7)}-01`;
  return {
    charts: [
      {
        title: "各社区人数",
        type: "bar",
        table: "people",
        rows: { field: "$community" },
        measure: { fn: "count" },
      },
      {
        title: "各网格人数",
        type: "stacked",
        table: "people",
        rows: { field: "$community" },
        columns: { field: "$grid" },
        measure: { fn: "count" },
      },
      {
        title: "年龄金字塔",
        type: "pyramid",
        table: "people",
        rows: { field: "age", bin: 5 },
        columns: { field: "sex" },
        measure: { fn: "count" },
      },
      {
        title: "特殊人群",
        type: "bar",
        table: "people",
        rows: { field: "specialGroups" },
        measure: { fn: "count" },
      },
      {
        title: "户籍类型",
        type: "pie",
        table: "people",
        rows: { field: "residenceType" },
        measure: { fn: "count" },
      },
      {
        title: "政治面貌",
        type: "bar",
        table: "people",
        rows: { field: "politicalStatus" },
        measure: { fn: "count" },
      },
      {
        title: "人员变动（按月）",
        type: "line",
        table: "people",
        measure: { fn: "count" },
        time: { mode: "flow", period: "month", from: yearAgo, to: today },
      },
    ],
  };
}
