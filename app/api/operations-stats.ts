// Registry entries for statistics (SPEC §A5): charts, dashboards (看板) and pivot reports (报表), live or
// as of a past date. Spread into OPERATIONS (app/api/operations.ts). Runs are POSTs like the other
// queries: a chart's own filter may hold an ID or phone number, which must never travel in a URL.
import { z } from "zod";
import {
  chartRequestSchema,
  dashboardPreviewSchema,
  dashboardRunSchema,
  reportPreviewSchema,
  reportRunSchema,
  saveDashboardSchema,
  saveReportSchema,
  updateDashboardSchema,
  updateReportSchema,
} from "../stats/spec.ts";
import type { ApiOperation, ErrorStatus, Text } from "./operations.ts";

const ok = (zh: string, en: string): Text => ({ zh, en });

const key = z.object({ code: z.string().nullable(), label: z.string() });
const value = z.number().nullable();
const moment = z
  .object({
    at: z.number().describe("所统计状态的时刻（毫秒）/ Epoch ms of the state counted"),
    day: z.iso
      .date()
      .describe("该时刻的日期（北京时间），年龄按此日计算 / Its day (Beijing time); ages count from it"),
    live: z.boolean().describe("实时数据 / Live data"),
  })
  .meta({ id: "StatsMoment" });
const measure = z.object({ fn: z.string(), field: z.string().optional(), label: z.string() });
const series = z.array(z.object({ key, values: z.array(value) }));

export const chartResultSchema = z
  .object({
    kind: z.enum(["categories", "time"]),
    title: z.string(),
    type: z.string(),
    moment: moment.optional().describe("分类图表：所统计的时刻 / Category charts: the moment counted"),
    measure,
    categories: z.array(key).optional(),
    periods: z
      .array(z.object({ key: z.string(), label: z.string(), from: z.iso.date(), to: z.iso.date() }))
      .optional(),
    series,
    total: value.optional(),
  })
  .meta({ id: "ChartResult", description: "一个图表的数据 / A chart's numbers" });

const chartOutcome = z.union([
  z.object({ ok: z.literal(true), result: chartResultSchema }),
  z.object({ ok: z.literal(false), title: z.string(), error: z.string() }),
]);
export const dashboardResultSchema = z
  .object({ moment, charts: z.array(chartOutcome) })
  .meta({ id: "DashboardResult", description: "看板各图表的数据 / Each chart of a dashboard" });

export const pivotResultSchema = z
  .object({
    name: z.string(),
    moment,
    rowFields: z.array(z.object({ key: z.string(), label: z.string() })),
    columnFields: z.array(z.object({ key: z.string(), label: z.string() })),
    measures: z.array(measure),
    columns: z.array(z.object({ path: z.array(key) })),
    rows: z.array(
      z.object({
        kind: z.enum(["cell", "subtotal", "total"]),
        path: z.array(key),
        values: z.array(z.array(value)).describe("values[列][指标] / values[column][measure]"),
        total: z.array(value),
      }),
    ),
    empty: z.boolean(),
  })
  .meta({ id: "PivotResult", description: "透视报表 / A pivot report" });

const saved = (definition: z.ZodType, id: string) =>
  z
    .object({
      id: z.number(),
      name: z.string(),
      shared: z.boolean(),
      ownerName: z.string(),
      mine: z.boolean(),
      definition,
      updatedAt: z.number(),
    })
    .meta({ id });
export const savedDashboardSchema = saved(saveDashboardSchema.shape.definition, "SavedDashboard");
export const savedReportSchema = saved(saveReportSchema.shape.definition, "SavedReport");

const RUN_ERRORS: readonly ErrorStatus[] = [400, 401, 403, 404];
const pyramid = {
  title: "年龄金字塔",
  type: "pyramid",
  table: "people",
  rows: { field: "age", bin: 5 },
  columns: { field: "sex" },
  measure: { fn: "count" },
} as const;
const communityBySpecialGroup = {
  table: "people",
  rows: [{ field: "$community" }, { field: "$grid" }],
  columns: [{ field: "specialGroups" }],
  measures: [{ fn: "count" }],
  subtotals: true,
  totals: true,
} as const;

const crud = <K extends "dashboards" | "reports">(
  kind: K,
  names: { zh: string; en: string },
  schemas: { create: z.ZodType; update: z.ZodType; out: z.ZodType; example: object },
) =>
  [
    {
      operationId: kind === "dashboards" ? "listDashboards" : "listReports",
      method: "GET",
      path: `/${kind}` as const,
      tag: "stats",
      summary: ok(`列出可见的${names.zh}`, `List the ${names.en}s you can see`),
      access: "stats.read",
      success: {
        status: 200,
        description: ok(`自己的和共享给您的${names.zh}`, `Your own ${names.en}s and those shared with you`),
        schema:
          kind === "dashboards"
            ? z.object({
                builtin: z.object({ name: z.string(), definition: saveDashboardSchema.shape.definition }),
                items: z.array(schemas.out),
              })
            : z.object({ items: z.array(schemas.out) }),
      },
      errors: [401, 403],
    },
    {
      operationId: kind === "dashboards" ? "createDashboard" : "createReport",
      method: "POST",
      path: `/${kind}` as const,
      tag: "stats",
      summary: ok(`保存新${names.zh}`, `Save a new ${names.en}`),
      access: "stats.read",
      body: { schema: schemas.create, required: true, example: schemas.example },
      success: {
        status: 201,
        description: ok(`已保存的${names.zh}`, `The saved ${names.en}`),
        schema: schemas.out,
      },
      errors: [400, 401, 403],
    },
    {
      operationId: kind === "dashboards" ? "getDashboard" : "getReport",
      method: "GET",
      path: `/${kind}/{id}` as const,
      tag: "stats",
      summary: ok(`读取一个${names.zh}的定义`, `A ${names.en}'s definition`),
      access: "stats.read",
      success: { status: 200, description: ok(`${names.zh}`, `The ${names.en}`), schema: schemas.out },
      errors: [401, 403, 404],
    },
    {
      operationId: kind === "dashboards" ? "updateDashboard" : "updateReport",
      method: "PATCH",
      path: `/${kind}/{id}` as const,
      tag: "stats",
      summary: ok(`修改${names.zh}（仅创建者）`, `Change a ${names.en} (its owner only)`),
      access: "stats.read",
      body: { schema: schemas.update, required: true, example: { name: "新名称" } },
      success: {
        status: 200,
        description: ok(`修改后的${names.zh}`, `The changed ${names.en}`),
        schema: schemas.out,
      },
      errors: [400, 401, 403, 404],
    },
    {
      operationId: kind === "dashboards" ? "deleteDashboard" : "deleteReport",
      method: "DELETE",
      path: `/${kind}/{id}` as const,
      tag: "stats",
      summary: ok(`删除${names.zh}（仅创建者）`, `Delete a ${names.en} (its owner only)`),
      access: "stats.read",
      success: { status: 204, description: ok("已删除", "Deleted") },
      errors: [401, 403, 404],
    },
  ] as const;

export const STATS_OPERATIONS = [
  {
    operationId: "runChart",
    method: "POST",
    path: "/stats/charts",
    tag: "stats",
    summary: ok(
      "统计一个图表：按一两个字段分组，或按年/月/周/日；可按历史日期",
      "One chart: grouped by one or two fields, or by year / month / week / day; live or as of a date",
    ),
    access: "stats.read",
    body: { schema: chartRequestSchema, required: true, example: { chart: pyramid, asOf: "2025-12-31" } },
    success: { status: 200, description: ok("图表数据", "The chart's numbers"), schema: chartResultSchema },
    errors: RUN_ERRORS,
  },
  {
    operationId: "runDashboard",
    method: "POST",
    path: "/stats/dashboard",
    tag: "stats",
    summary: ok(
      "统计一个未保存的看板（如内置的人口概况）",
      "Run an unsaved dashboard (such as the built-in one)",
    ),
    access: "stats.read",
    body: {
      schema: dashboardPreviewSchema,
      required: true,
      example: { definition: { charts: [pyramid] }, asOf: "2025-12-31" },
    },
    success: {
      status: 200,
      description: ok("各图表的数据", "Each chart's numbers"),
      schema: dashboardResultSchema,
    },
    errors: RUN_ERRORS,
  },
  {
    operationId: "runReportPreview",
    method: "POST",
    path: "/stats/report",
    tag: "stats",
    summary: ok("统计一个未保存的报表（预览）", "Run an unsaved report (preview)"),
    access: "stats.read",
    body: {
      schema: reportPreviewSchema,
      required: true,
      example: { definition: communityBySpecialGroup, name: "社区特殊人群统计" },
    },
    success: { status: 200, description: ok("透视报表", "The pivot report"), schema: pivotResultSchema },
    errors: RUN_ERRORS,
  },
  ...crud(
    "dashboards",
    { zh: "看板", en: "dashboard" },
    {
      create: saveDashboardSchema,
      update: updateDashboardSchema,
      out: savedDashboardSchema,
      example: { name: "我的看板", shared: false, definition: { charts: [pyramid] } },
    },
  ),
  {
    operationId: "runSavedDashboard",
    method: "POST",
    path: "/dashboards/{id}/data",
    tag: "stats",
    summary: ok("统计已保存的看板", "Run a saved dashboard"),
    access: "stats.read",
    body: { schema: dashboardRunSchema, required: false, example: { asOf: "2025-12-31" } },
    success: {
      status: 200,
      description: ok("各图表的数据", "Each chart's numbers"),
      schema: dashboardResultSchema,
    },
    errors: RUN_ERRORS,
  },
  ...crud(
    "reports",
    { zh: "报表", en: "report" },
    {
      create: saveReportSchema,
      update: updateReportSchema,
      out: savedReportSchema,
      example: { name: "社区特殊人群统计", shared: false, definition: communityBySpecialGroup },
    },
  ),
  {
    operationId: "runSavedReport",
    method: "POST",
    path: "/reports/{id}/result",
    tag: "stats",
    summary: ok("统计已保存的报表", "Run a saved report"),
    access: "stats.read",
    body: { schema: reportRunSchema, required: false, example: { asOf: "2025-12-31" } },
    success: { status: 200, description: ok("透视报表", "The pivot report"), schema: pivotResultSchema },
    errors: RUN_ERRORS,
  },
  {
    operationId: "exportReport",
    method: "GET",
    path: "/reports/{id}/export",
    tag: "stats",
    summary: ok("导出报表为 Excel (.xlsx) 或 PDF", "Export a report as .xlsx or PDF"),
    access: "stats.read",
    query: z.object({ format: z.enum(["xlsx", "pdf"]).optional(), asOf: z.string().optional() }),
    queryHelp: {
      format: ok("xlsx（默认）或 pdf", "xlsx (default) or pdf"),
      asOf: ok("截至日期 YYYY-MM-DD；不填为实时", "As of YYYY-MM-DD; omit for live"),
    },
    success: {
      status: 200,
      description: ok("报表文件（数字为数值单元格）", "The report file (numbers as numeric cells)"),
      contentType: "application/octet-stream",
    },
    errors: RUN_ERRORS,
  },
] as const satisfies readonly ApiOperation[];
