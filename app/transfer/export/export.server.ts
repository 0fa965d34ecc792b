// 导出 (SPEC): the current view — its filters, order, columns and colours — to .xlsx or .csv, in the
// reader's scope, masked unless the reader may reveal and asked to, streamed to a file with progress,
// and logged once the file is complete. The query engine decides which rows and in what order; the
// relational store supplies what each row holds, as it does for the grid.
import fs from "node:fs";
import { z } from "zod";
import { compileQuery } from "../../../analytics/query/compile.ts";
import { recordAudit } from "../../audit/log.server.ts";
import { authorize } from "../../auth/access.server.ts";
import { invalid } from "../../core/errors.ts";
import type { Caller, Services } from "../../core/services.server.ts";
import { parseInput } from "../../core/validate.ts";
import { formatChinaDateTime } from "../../people/normalise/calendar.ts";
import { viewQuerySchema } from "../../query/view.ts";
import { loadTable, type TableDef } from "../../schema/tables.server.ts";
import type { ColumnContext, ExportFormat } from "./columns.ts";
import { csvSink } from "./csv.server.ts";
import { planColumns, subTableColumns } from "./plan.server.ts";
import { selectRows } from "./selection.server.ts";
import { type SheetSink, throwIfAborted } from "./sink.ts";
import { writeMainSheet, writeSubSheet } from "./write.server.ts";
import { xlsxSink } from "./xlsx.server.ts";
import { xlsxWorkerSink } from "./xlsx-worker-sink.server.ts";

const key = z.string().trim().min(1).max(80);

export const exportInputSchema = z.object({
  table: key.describe("表的 key，如 people / The table's key, e.g. people"),
  query: viewQuerySchema.default({}),
  /** Field keys (or labels) and computed column keys, in order; default: the table's visible fields. */
  columns: z.array(key).max(200).optional(),
  format: z
    .enum(["xlsx", "csv"], { error: "格式只能是 xlsx 或 csv / Format must be xlsx or csv" })
    .default("xlsx"),
  /** Sub-tables to add as sheets of their own (xlsx only). */
  subTables: z.array(key).max(20).optional(),
  /** Full sensitive values: needs record.reveal. */
  reveal: z.boolean().default(false),
});
export type ExportInput = z.input<typeof exportInputSchema>;

export interface ExportProgress {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** The job this export runs as, for the log. */
  jobId?: number;
}

export interface ExportResult {
  rows: number;
  format: ExportFormat;
  masked: boolean;
}

/** The file name an export is offered under: 社区人员-20261124-1530.xlsx (Beijing time). */
export function exportFileName(tableName: string, format: ExportFormat, now: Date = new Date()): string {
  const stamp = formatChinaDateTime(now); // "YYYY-MM-DD HH:mm:ss"
  const day = stamp.slice(0, 10).replaceAll("-", "");
  const time = stamp.slice(11, 16).replace(":", "");
  const name = tableName.replace(/[\\/:*?"<>|\s]+/g, "_") || "export";
  return `${name}-${day}-${time}.${format}`;
}

async function askedSubTables(
  services: Services,
  table: TableDef,
  keys: readonly string[],
  format: ExportFormat,
) {
  if (keys.length > 0 && format === "csv")
    throw invalid("子表只能导出到 xlsx 的其他工作表 / Sub-tables go to sheets of their own: export .xlsx", {
      subTables: "CSV 只有一张表 / CSV holds one sheet",
    });
  const subs: TableDef[] = [];
  for (const k of new Set(keys)) {
    const sub = await loadTable(services.db, k);
    if (sub.parentId !== table.id)
      throw invalid(
        `「${sub.name}」不是「${table.name}」的子表 / "${sub.name}" is not a sub-table of "${table.name}"`,
        {
          subTables: k,
        },
      );
    subs.push(sub);
  }
  return subs;
}

export async function exportRecords(
  services: Services,
  caller: Caller,
  input: unknown,
  target: string,
  progress: ExportProgress = {},
): Promise<ExportResult> {
  const request = parseInput(exportInputSchema, input);
  const { signal } = progress;
  await authorize(services, caller, "record.read");
  if (request.reveal) await authorize(services, caller, "record.reveal");
  const table = await loadTable(services.db, request.table);
  const subs = await askedSubTables(services, table, request.subTables ?? [], request.format);
  const replica = await services.analytics.replica(table.key);
  const compiled = await compileQuery(services, caller, replica, table, request.query);
  const ctx: ColumnContext = {
    format: request.format,
    reveal: request.reveal,
    dictionary: (k) => compiled.dictionaries.get(k),
  };
  const plan = planColumns(compiled, request.columns, ctx);
  throwIfAborted(signal);
  const selection = await selectRows(replica, compiled, plan.computed);
  const columns = plan.columns(selection);
  const subSheets = subs.map((sub) => ({ table: sub, ...subTableColumns(sub, ctx) }));

  const sink: SheetSink =
    request.format === "csv"
      ? csvSink(target)
      : services.workers
        ? xlsxWorkerSink(services.workers.xlsxWriter, target)
        : xlsxSink(target);
  let rows: number;
  try {
    const written = await writeMainSheet(
      services,
      sink,
      {
        table,
        scopePath: caller.actor.orgPath,
        columns,
        fields: plan.fields,
        withOrg: plan.withOrg,
        selection,
      },
      signal,
      (done, total) => progress.onProgress?.(done, total),
    );
    rows = written.length;
    for (const sub of subSheets) await writeSubSheet(services, sink, sub, written, signal);
    throwIfAborted(signal);
    await sink.finish();
  } catch (error) {
    // Nothing half-written is left behind: a cancelled or failed export leaves no file.
    await sink.abort().catch(() => {});
    await fs.promises.rm(target, { force: true });
    throw error;
  }

  const masked = [...columns, ...subSheets.flatMap((s) => s.columns)].some((c) => c.masked);
  await recordAudit(services.db, services.dialect, {
    event: "transfer.exported",
    data: {
      table: table.key,
      job: progress.jobId ?? null,
      format: request.format,
      rows,
      columns: columns.map((c) => c.header),
      masked,
      subTables: subs.map((s) => s.key),
    },
    caller,
    target: { type: "table", id: table.key },
  });
  services.usage.count("transfer.export", caller.actor.orgPath);
  return { rows, format: request.format, masked };
}
