// The API's side of import and export jobs: re-checks with "back to automatic", exports by the table in
// the path, and the job files as streamed downloads with their real names.
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { authorize } from "../auth/access.server.ts";
import { conflict, invalid } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";
import { contentDisposition } from "../files/names.ts";
import { loadTable } from "../schema/tables.server.ts";
import { exportFile, startExport } from "../transfer/export-jobs.server.ts";
import { REPORT_FILE, recheckImport } from "../transfer/import-jobs.server.ts";
import { jobFile, loadJob } from "../transfer/jobs.server.ts";
import { checkImportBodySchema, exportBodySchema } from "./operations-transfer.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV = "text/csv; charset=utf-8";

/** Check again: `null` puts the header row or the default community back to automatic / none. */
export function checkAgain(services: Services, caller: Caller, id: number, body: unknown) {
  const changes: Record<string, unknown> = { ...parseInput(checkImportBodySchema, body) };
  for (const key of Object.keys(changes)) if (changes[key] === null) changes[key] = undefined;
  return recheckImport(services, caller, id, changes);
}

/** Export a view of the table the path names (by id: the route turned a key into it). */
export async function exportView(services: Services, caller: Caller, tableId: number, body: unknown) {
  await authorize(services, caller, "record.read");
  const input = parseInput(exportBodySchema, body);
  const table = await loadTable(services.db, tableId);
  return startExport(services, caller, { ...input, table: table.key });
}

/** The error report of an import, or the file of an export, streamed as an attachment. */
export async function jobDownload(
  services: Services,
  caller: Caller,
  id: number,
  which: "report" | "download",
): Promise<Response> {
  const job = await loadJob(services, caller, id);
  if (job.status === "running" || job.status === "queued")
    throw conflict("任务尚未结束，请稍候再下载 / The job is still running; download when it has finished");
  let name: string;
  let type: string;
  let file: string;
  if (which === "report") {
    if (job.kind !== "import") throw invalid("只有导入任务有错误报告 / Only imports have an error report");
    name = `${stem(job.fileName)}-未导入的行.xlsx`;
    type = XLSX;
    file = REPORT_FILE;
  } else {
    if (job.kind !== "export") throw invalid("这不是导出任务 / Not an export job");
    if (job.status !== "done") throw conflict("导出没有完成，没有可下载的文件 / The export did not finish");
    const format = String(job.options.format ?? job.phase) === "csv" ? "csv" : "xlsx";
    name = job.fileName;
    type = format === "csv" ? CSV : XLSX;
    file = exportFile(format);
  }
  const found = await jobFile(services, caller, id, file);
  const stat = fs.statSync(found.path);
  const body = Readable.toWeb(fs.createReadStream(found.path)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": type,
      "Content-Length": String(stat.size),
      "Content-Disposition": contentDisposition("attachment", name),
      "X-Content-Type-Options": "nosniff",
      // Personal data: never kept by a shared cache, nor by the browser after use.
      "Cache-Control": "private, no-store",
    },
  });
}

const stem = (name: string) => path.basename(name, path.extname(name)) || "import";
