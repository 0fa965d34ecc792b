// Strings of a pivot report as the screen, the printout, the .xlsx and the PDF show it (t("statsReport.…")).
// The server renderers read the same objects directly (no i18next instance), so the four never differ.
import type { Shape } from "./shape.ts";

const zh = {
  asOf: "截至 {{day}}",
  live: "实时数据（{{day}} {{time}}）",
  measure: "统计指标：{{measure}}",
  subtotal: "小计",
  total: "合计",
  blank: "–",
  empty: "没有符合条件的记录",
  emptyHint: "请调整报表的筛选条件或统计时点后再试。",
  scroll: "报表表格，可左右滚动",
  page: "第 {{page}} 页 / 共 {{pages}} 页",
  split: "列数较多，表格按列分为 {{parts}} 部分打印，本页为第 {{part}} 部分（第 {{from}}–{{to}} 列）。",
  sheet: "报表",
};

const en: Shape<typeof zh> = {
  asOf: "As of {{day}}",
  live: "Live data ({{day}} {{time}})",
  measure: "Measure: {{measure}}",
  subtotal: "Subtotal",
  total: "Total",
  blank: "–",
  empty: "No records match",
  emptyHint: "Change the report's filter or its moment and try again.",
  scroll: "Report table, scrolls sideways",
  page: "Page {{page}} of {{pages}}",
  split:
    "Too many columns for one page: the table is printed in {{parts}} parts; this is part {{part}} (columns {{from}}–{{to}}).",
  sheet: "Report",
};

export const statsReport = { "zh-CN": zh, en };
export type StatsReportStrings = typeof zh;
