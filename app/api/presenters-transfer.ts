// What the import and export jobs send out through the JSON API: a job's status and progress, and for
// an import the check's (or commit's) summary — totals, problems by code, the first rejected rows, the
// cells an update changes, a preview. One zod schema per shape, as the other presenters.
import { z } from "zod";
import type { JobView } from "../transfer/jobs.server.ts";

const time = z.iso.datetime().describe("ISO 8601 时间 / ISO 8601 time");
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const count = z.number().int();

const problemSchema = z.object({
  field: z.string().describe("字段名或列名 / Field label or column header"),
  code: z.string().describe("问题代码 / Problem code"),
  message: z.string(),
});

const outcomeSchema = z
  .object({
    row: count.describe("在工作表中的行号 / Row number in the sheet"),
    status: z.enum(["accepted", "rejected", "blank"]),
    action: z.enum(["insert", "update", "unchanged"]).optional(),
    systemId: z.string().optional(),
    values: z
      .record(z.string(), z.string())
      .describe("字段名 → 规范化后的值（敏感值按权限脱敏）/ Field label → normalised value (masked)"),
    problems: z.array(problemSchema),
    changes: z
      .array(z.object({ field: z.string(), old: z.string(), new: z.string() }))
      .optional()
      .describe("更新时将要修改的单元格 / The cells an update changes"),
  })
  .meta({ id: "ImportRow", description: "一行的检查结果 / One row's outcome" });

export const importResultSchema = z
  .object({
    file: z.string(),
    format: z.string(),
    encoding: z.string().nullable(),
    sheets: z.array(z.object({ index: count, name: z.string(), rowEstimate: count.nullable() })),
    sheet: count,
    headerRow: count,
    mapping: z.array(
      z.object({
        column: count,
        header: z.string(),
        target: z
          .string()
          .nullable()
          .describe("field:<key>、org、systemId、version；null 为不导入 / null: not imported"),
      }),
    ),
    options: z.record(z.string(), z.unknown()),
    dryRun: z.boolean(),
    totals: z.object({
      rows: count,
      blank: count,
      accepted: count,
      rejected: count,
      inserted: count,
      updated: count,
      unchanged: count,
    }),
    problemCounts: z.record(z.string(), count),
    rejected: z.array(outcomeSchema),
    changes: z.array(outcomeSchema),
    preview: z.array(outcomeSchema),
    committed: z.boolean(),
    reportRows: count,
  })
  .meta({ id: "ImportResult", description: "导入检查或提交的结果 / An import check's or commit's result" });

export type ImportResult = z.output<typeof importResultSchema>;

export const jobSchema = z
  .object({
    id: count,
    kind: z.enum(["import", "export", "print"]),
    table: z.string().describe("数据表 key / Table key"),
    status: z.enum(["queued", "running", "done", "failed", "cancelled", "interrupted"]),
    phase: z
      .string()
      .describe("导入：dry-run 或 commit；导出：文件格式 / Import: dry-run or commit; export: format"),
    fileName: z.string(),
    done: count.describe("已处理的行数 / Rows processed so far"),
    total: count.nullable().describe("预计总行数（CSV 未知）/ Rows expected (unknown for CSV)"),
    committedThrough: count.nullable().describe("已写入数据库的最后一行的行号 / Last sheet row committed"),
    committedRows: count.describe("已写入的记录数 / Records written so far"),
    options: z.record(z.string(), z.unknown()),
    result: z.union([importResultSchema, z.record(z.string(), z.unknown())]).nullable(),
    error: z.string().nullable(),
    createdAt: time,
    startedAt: time.nullable(),
    updatedAt: time,
    finishedAt: time.nullable(),
    owner: z.string().describe("发起人用户名 / Who started it"),
    links: z.object({
      report: z.string().nullable().describe("错误报告 .xlsx / The error report"),
      download: z.string().nullable().describe("导出的文件 / The exported file"),
    }),
  })
  .meta({ id: "TransferJob", description: "导入或导出任务 / An import or export job" });

export type JobOut = z.output<typeof jobSchema>;

export const jobListSchema = z.object({ items: z.array(jobSchema) });

const reportRows = (result: unknown) =>
  result && typeof result === "object" && "reportRows" in result ? Number(result.reportRows) : 0;

export function jobOut(job: JobView): JobOut {
  const settled = job.status !== "running" && job.status !== "queued";
  const base = `/api/v1/jobs/${job.id}`;
  return {
    ...job,
    result: job.result as JobOut["result"],
    createdAt: iso(job.createdAt)!,
    startedAt: iso(job.startedAt),
    updatedAt: iso(job.updatedAt)!,
    finishedAt: iso(job.finishedAt),
    links: {
      report: job.kind === "import" && settled && reportRows(job.result) > 0 ? `${base}/report` : null,
      download:
        job.status !== "done"
          ? null
          : job.kind === "export"
            ? `${base}/download`
            : job.kind === "print"
              ? `/api/v1/prints/${job.id}/pdf?download=1`
              : null,
    },
  };
}

export const jobListOut = (jobs: JobView[]) => ({ items: jobs.map(jobOut) });
