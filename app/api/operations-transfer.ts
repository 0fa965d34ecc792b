// Registry entries for imports and exports (SPEC §A4): upload a spreadsheet (the request body is the file
// itself, streamed to disk by server/import-upload.ts), follow the job, check again with other choices,
// commit; export a view; download the error report or the exported file. Spread into OPERATIONS.
import { z } from "zod";
import { exportInputSchema } from "../transfer/export/export.server.ts";
import { IMPORT_MODES, importOptionsSchema } from "../transfer/import/options.ts";
import type { ApiOperation, Text } from "./operations.ts";
import { jobListSchema, jobSchema } from "./presenters-transfer.ts";

const ok = (zh: string, en: string): Text => ({ zh, en });

/** What POST /imports takes in its query string (or, as JSON, in the X-Import-Options header). */
export const importQuerySchema = importOptionsSchema.pick({
  table: true,
  sheet: true,
  headerRow: true,
  mode: true,
  key: true,
  orgId: true,
});

/** POST /imports/{id}/check: the choices to change; null puts the header row or default org back to automatic. */
export const checkImportBodySchema = z.strictObject({
  sheet: z.number().int().min(0).max(255).optional(),
  headerRow: z.number().int().positive().max(1000).nullable().optional(),
  columns: importOptionsSchema.shape.columns.nullable().optional(),
  mode: z.enum(IMPORT_MODES).optional(),
  key: z.string().min(1).max(60).optional(),
  orgId: z.number().int().positive().nullable().optional(),
});

export const commitImportBodySchema = z.strictObject({
  atomic: z
    .boolean()
    .describe("true：全部成功才写入；false：只导入通过检查的行 / All or nothing, or valid rows only"),
});

/** POST /tables/{id}/export: the export's input without the table, which the path names. */
export const exportBodySchema = exportInputSchema.omit({ table: true });

const JOB_ERRORS = [400, 401, 403, 404] as const;

export const TRANSFER_OPERATIONS = [
  {
    operationId: "uploadImport",
    method: "POST",
    path: "/imports",
    tag: "transfer",
    summary: ok(
      "上传电子表格并开始检查（请求体就是文件本身，不是 multipart）",
      "Upload a spreadsheet and start checking it (the request body is the file itself, not multipart)",
    ),
    access: "record.write",
    query: importQuerySchema,
    queryHelp: {
      table: ok("导入到哪张表（key），默认 people", "The table's key (default people)"),
      sheet: ok("第几个工作表，从 0 开始", "Which sheet, from 0"),
      headerRow: ok("表头所在行号；不填则自动查找", "The header's row number; found automatically if absent"),
      mode: ok("add 新增、update 按键更新、upsert 新增或更新", "add, update or upsert"),
      key: ok(
        "更新时按什么匹配：document 证件号码、systemId 系统编号或字段 key",
        "What updates match by: document, systemId or a field key",
      ),
      orgId: ok("没有“所属社区”列的行放到哪个社区或网格", "Where rows without a community column go"),
    },
    upload: ok(
      "文件内容（.xlsx、.xls、.csv、.tsv，最大 512 MB）；文件名放在 X-File-Name 请求头（URL 编码），选项也可作为 JSON 放在 X-Import-Options 请求头",
      "The file's bytes (.xlsx, .xls, .csv, .tsv, at most 512 MB); its name URL-encoded in X-File-Name; options may also come as JSON in X-Import-Options",
    ),
    success: {
      status: 201,
      description: ok("已建立任务，正在检查（试导入）", "The job, checking (dry run) under way"),
      schema: jobSchema,
    },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "listJobs",
    method: "GET",
    path: "/jobs",
    tag: "transfer",
    summary: ok("最近的导入导出任务（管理范围内）", "Recent import and export jobs in your scope"),
    access: "record.read",
    success: {
      status: 200,
      description: ok("任务列表（最多 20 个）", "Jobs (at most 20)"),
      schema: jobListSchema,
    },
    errors: [401, 403],
  },
  {
    operationId: "getJob",
    method: "GET",
    path: "/jobs/{id}",
    tag: "transfer",
    summary: ok("任务的状态、进度和结果", "A job's status, progress and result"),
    access: "record.read",
    success: { status: 200, description: ok("任务", "The job"), schema: jobSchema },
    errors: JOB_ERRORS,
  },
  {
    operationId: "cancelJob",
    method: "POST",
    path: "/jobs/{id}/cancel",
    tag: "transfer",
    summary: ok(
      "取消正在进行的任务（已提交的批次保留，全部成功模式回滚）",
      "Cancel a running job (committed batches stay; all-or-nothing rolls back)",
    ),
    access: "record.read",
    success: { status: 200, description: ok("取消后的任务", "The job, cancelled"), schema: jobSchema },
    errors: [...JOB_ERRORS, 409],
  },
  {
    operationId: "checkImport",
    method: "POST",
    path: "/imports/{id}/check",
    tag: "transfer",
    summary: ok(
      "换工作表、表头行、列对应、模式或匹配键后重新检查",
      "Check again with another sheet, header row, mapping, mode or key",
    ),
    access: "record.write",
    body: {
      schema: checkImportBodySchema,
      required: true,
      example: { headerRow: 2, mode: "upsert", key: "document", columns: [{ column: 3, target: null }] },
    },
    success: {
      status: 200,
      description: ok("任务，重新检查中", "The job, checking again"),
      schema: jobSchema,
    },
    errors: [...JOB_ERRORS, 409],
  },
  {
    operationId: "commitImport",
    method: "POST",
    path: "/imports/{id}/commit",
    tag: "transfer",
    summary: ok(
      "提交导入：只导入通过检查的行，或全部成功才写入",
      "Commit the import: valid rows only, or all or nothing",
    ),
    access: "record.write",
    body: { schema: commitImportBodySchema, required: true, example: { atomic: false } },
    success: { status: 200, description: ok("任务，正在写入", "The job, writing"), schema: jobSchema },
    errors: [...JOB_ERRORS, 409],
  },
  {
    operationId: "getJobReport",
    method: "GET",
    path: "/jobs/{id}/report",
    tag: "transfer",
    summary: ok("下载错误报告（未导入的行及原因）", "Download the error report (rows not imported, and why)"),
    access: "record.read",
    success: {
      status: 200,
      description: ok("错误报告 .xlsx", "The error report (.xlsx)"),
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    },
    errors: [...JOB_ERRORS, 409],
  },
  {
    operationId: "downloadExport",
    method: "GET",
    path: "/jobs/{id}/download",
    tag: "transfer",
    summary: ok("下载导出的文件", "Download an export's file"),
    access: "record.read",
    success: {
      status: 200,
      description: ok("导出的 .xlsx 或 .csv 文件", "The exported .xlsx or .csv file"),
      contentType: "application/octet-stream",
    },
    errors: [...JOB_ERRORS, 409],
  },
  {
    operationId: "exportRecords",
    method: "POST",
    path: "/tables/{id}/export",
    tag: "transfer",
    summary: ok(
      "导出当前视图（筛选、排序、颜色、列）为 .xlsx 或 .csv",
      "Export a view (filters, sort, colours, columns) as .xlsx or .csv",
    ),
    access: "record.read",
    body: {
      schema: exportBodySchema,
      required: true,
      example: { query: { sort: [{ field: "name", dir: "asc" }] }, format: "xlsx" },
    },
    success: { status: 201, description: ok("已建立导出任务", "The export job"), schema: jobSchema },
    errors: JOB_ERRORS,
  },
] as const satisfies readonly ApiOperation[];
