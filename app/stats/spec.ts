// What a chart, a dashboard and a report ask of the query engine (SPEC §A5), as they travel from the
// browser and the JSON API to analytics/stats and into saved definitions. Pure and isomorphic: the
// browser builds these objects and the server validates them with the same schemas.
import { z } from "zod";
import { AGGREGATES, viewQuerySchema } from "../query/view.ts";

const fieldKey = z
  .string({ error: "请指明字段 / Name a field" })
  .trim()
  .min(1, "请指明字段 / Name a field")
  .max(80, "字段名太长 / Field name too long");

/**
 * What to group by: a field key (a stored field, a formula field such as 年龄, or an address level),
 * or one of the org levels `$community` / `$grid`. `bin` groups a number in bands (年龄 by 5 years).
 */
export const groupBySchema = z.object({
  field: fieldKey,
  bin: z.number().int().min(1).max(1000).optional(),
});
export type GroupBy = z.infer<typeof groupBySchema>;

/** The org levels a statistic can be grouped by (社区, 网格), beside the table's fields. */
export const ORG_LEVELS = {
  $community: { zh: "社区", en: "Community", depth: 2 },
  $grid: { zh: "网格", en: "Grid", depth: 3 },
} as const;
export type OrgLevel = keyof typeof ORG_LEVELS;

export const measureSchema = z.object({
  fn: z.enum(AGGREGATES),
  field: fieldKey.optional(),
});
export type MeasureSpec = z.infer<typeof measureSchema>;

export const PERIODS = ["year", "month", "week", "day"] as const;
export type Period = (typeof PERIODS)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

/** A day (YYYY-MM-DD, China time) or a moment (ISO 8601 date and time). */
export const momentSchema = z
  .string()
  .trim()
  .refine((v) => DATE.test(v) || DATE_TIME.test(v), {
    message: "日期格式应为 YYYY-MM-DD / A date must look like YYYY-MM-DD",
  });

export const daySchema = z
  .string()
  .trim()
  .regex(DATE, "日期格式应为 YYYY-MM-DD / A date must look like YYYY-MM-DD");

/**
 * A time axis: `flow` counts what happened in each period (records added, deleted, restored, changed);
 * `stock` counts what the table held at the end of each period (as of that moment, from history).
 */
export const timeAxisSchema = z.object({
  mode: z.enum(["flow", "stock"]),
  period: z.enum(PERIODS),
  from: daySchema,
  to: daySchema,
});
export type TimeAxis = z.infer<typeof timeAxisSchema>;

export const CHART_TYPES = ["bar", "line", "pie", "stacked", "pyramid", "table"] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/** One chart: what it counts (over a saved view's filter, or a query of its own) and how it is drawn. */
export const chartSpecSchema = z.object({
  title: z.string().trim().min(1, "请填写图表标题 / Give the chart a title").max(60),
  type: z.enum(CHART_TYPES),
  table: fieldKey.default("people"),
  /** A saved view whose filter the chart counts under (the reader's own or one shared with them). */
  viewId: z.number().int().positive().optional(),
  /** A filter of the chart's own (ANDed with the view's). */
  query: viewQuerySchema.optional(),
  /** The categories (x axis, slices); with `time` set, optional: the series of each period. */
  rows: groupBySchema.optional(),
  /** Series (stacked bars, the two sides of a pyramid, a cross table's columns). */
  columns: groupBySchema.optional(),
  measure: measureSchema.default({ fn: "count" }),
  time: timeAxisSchema.optional(),
});
export type ChartSpec = z.infer<typeof chartSpecSchema>;

/** Run one chart now, or as it stood at a past moment. */
export const chartRequestSchema = z.object({
  chart: chartSpecSchema,
  asOf: momentSchema.optional(),
});
export type ChartRequest = z.infer<typeof chartRequestSchema>;

export const dashboardDefinitionSchema = z.object({
  charts: z.array(chartSpecSchema).max(24, "一个看板最多 24 个图表 / At most 24 charts on a dashboard"),
});
export type DashboardDefinition = z.infer<typeof dashboardDefinitionSchema>;

/** A pivot-table report: row groups (outer first), column groups, measures, subtotals and totals. */
export const reportDefinitionSchema = z.object({
  table: fieldKey.default("people"),
  viewId: z.number().int().positive().optional(),
  query: viewQuerySchema.optional(),
  rows: z.array(groupBySchema).min(1, "请至少选一个行分组 / Choose at least one row group").max(3),
  columns: z.array(groupBySchema).max(2).default([]),
  measures: z
    .array(measureSchema)
    .min(1)
    .max(6)
    .default([{ fn: "count" }]),
  subtotals: z.boolean().default(true),
  totals: z.boolean().default(true),
  /** A fixed moment the report is always run as of; absent: live (or as of the moment asked). */
  asOf: momentSchema.optional(),
});
export type ReportDefinition = z.infer<typeof reportDefinitionSchema>;

export const saveDashboardSchema = z.object({
  name: z.string().trim().min(1, "请填写名称 / Give it a name").max(100),
  shared: z.boolean().default(false),
  definition: dashboardDefinitionSchema,
});
export const saveReportSchema = z.object({
  name: z.string().trim().min(1, "请填写名称 / Give it a name").max(100),
  shared: z.boolean().default(false),
  definition: reportDefinitionSchema,
});

/** A change to a saved dashboard or report: any of its name, sharing and definition. */
export const updateDashboardSchema = z.object({
  name: z.string().trim().min(1, "请填写名称 / Give it a name").max(100).optional(),
  shared: z.boolean().optional(),
  definition: dashboardDefinitionSchema.optional(),
});
export const updateReportSchema = z.object({
  name: z.string().trim().min(1, "请填写名称 / Give it a name").max(100).optional(),
  shared: z.boolean().optional(),
  definition: reportDefinitionSchema.optional(),
});

/** Run a dashboard: now or as of a moment, optionally every chart under one saved view's filter. */
export const dashboardRunSchema = z.object({
  asOf: momentSchema.optional(),
  viewId: z.number().int().positive().optional(),
});
export const dashboardPreviewSchema = dashboardRunSchema.extend({ definition: dashboardDefinitionSchema });

/** Run a report: as of a moment (default: the report's own, else now). */
export const reportRunSchema = z.object({ asOf: momentSchema.optional() });
export const reportPreviewSchema = reportRunSchema.extend({
  definition: reportDefinitionSchema,
  name: z.string().trim().max(100).optional(),
});
export const reportExportSchema = reportRunSchema.extend({ format: z.enum(["xlsx", "pdf"]).default("xlsx") });
