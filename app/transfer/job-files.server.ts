// The file a finished job offers for download: an import's error report (the rows not imported, ready
// to fix and import again) or an export's file, with the name the user sees and its format.
import fs from "node:fs";
import path from "node:path";
import { recordAudit } from "../audit/log.server.ts";
import { conflict, invalid, notFound } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { exportFile } from "./export-jobs.server.ts";
import { REPORT_FILE } from "./import-jobs.server.ts";
import { jobDir, loadJob } from "./jobs.server.ts";

export interface JobDownload {
  path: string;
  /** The name the file is saved under (e.g. 居民登记表-未导入的行.xlsx). */
  name: string;
  format: "xlsx" | "csv";
}

export async function jobDownloadFile(
  services: Services,
  caller: Caller,
  id: number,
  which: "report" | "download",
): Promise<JobDownload> {
  const job = await loadJob(services, caller, id);
  if (job.status === "running" || job.status === "queued")
    throw conflict("任务尚未结束，请稍候再下载 / The job is still running; download when it has finished");
  let found: Omit<JobDownload, "path"> & { file: string };
  if (which === "report") {
    if (job.kind !== "import") throw invalid("只有导入任务有错误报告 / Only imports have an error report");
    found = { file: REPORT_FILE, name: `${stem(job.fileName)}-未导入的行.xlsx`, format: "xlsx" };
  } else {
    if (job.kind !== "export") throw invalid("这不是导出任务 / Not an export job");
    if (job.status !== "done") throw conflict("导出没有完成，没有可下载的文件 / The export did not finish");
    const format = String(job.options.format ?? job.phase) === "csv" ? "csv" : "xlsx";
    found = { file: exportFile(format), name: job.fileName, format };
  }
  const where = path.join(jobDir(services, id), found.file);
  if (!fs.existsSync(where)) throw notFound("文件不存在或尚未生成 / The file does not exist yet");
  // People's data leaves with the file: who took it is logged, as the export itself was.
  await recordAudit(services.db, services.dialect, {
    event: "transfer.downloaded",
    data: { job: id, kind: job.kind, table: job.table, file: found.name, owner: job.owner },
    caller,
    target: { type: job.table, id: `${job.kind}-${id}` },
  });
  return { path: where, name: found.name, format: found.format };
}

const stem = (name: string) => path.basename(name, path.extname(name)) || "import";
