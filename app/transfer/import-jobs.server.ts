// The import wizard's steps as jobs: a file arrives and is checked at once (dry run with the automatic
// sheet, header and mapping); the user may change those and check again; then commits, valid rows only
// or all or nothing. The commit reads the file again and decides every row anew, so nothing decided
// against an older state of the database is written.
import fs from "node:fs";
import path from "node:path";
import { authorize } from "../auth/access.server.ts";
import { conflict, invalid } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";
import { loadTable } from "../schema/tables.server.ts";
import { importOptionsSchema } from "./import/options.ts";
import { runImport } from "./import/run.server.ts";
import {
  assertIdle,
  createJob,
  type JobView,
  jobDir,
  loadJob,
  runJob,
  saveJobOptions,
} from "./jobs.server.ts";

const SOURCE = "source";
export const REPORT_FILE = "report.xlsx";

const sourcePath = (services: Services, id: number, name: string) =>
  path.join(jobDir(services, id), `${SOURCE}${path.extname(name).toLowerCase().slice(0, 6)}`);

/** Take an uploaded file (already on disk at `upload.path`, moved into the job) and start checking it. */
export async function startImport(
  services: Services,
  caller: Caller,
  upload: { path: string; name: string },
  input: unknown = {},
): Promise<JobView> {
  await authorize(services, caller, "record.write");
  const options = parseInput(importOptionsSchema, input);
  const table = await loadTable(services.db, options.table);
  const name = path.basename(upload.name).slice(0, 200) || "import";
  const id = await createJob(services, caller, {
    kind: "import",
    tableId: table.id,
    phase: "dry-run",
    fileName: name,
    options,
  });
  fs.renameSync(upload.path, sourcePath(services, id, name));
  void pass(services, caller, id, name, options, "dry-run");
  return loadJob(services, caller, id);
}

/** Check the file again with other choices (sheet, header row, mapping, mode, key). */
export async function recheckImport(
  services: Services,
  caller: Caller,
  id: number,
  input: unknown,
): Promise<JobView> {
  const job = await idleImportJob(services, caller, id);
  if (job.phase === "commit" && job.status === "done")
    throw conflict(
      "该文件已经导入完成；如需再次导入请重新上传 / This file was already imported; upload it again to re-import",
    );
  const options = parseInput(importOptionsSchema, { ...job.options, ...(input as object) });
  if (options.table !== job.table)
    throw invalid("导入任务的目标表不能更改 / The table of an import cannot change");
  await saveJobOptions(services, id, options);
  void pass(services, caller, id, job.fileName, options, "dry-run");
  return loadJob(services, caller, id);
}

/** Write the checked file: `atomic` all or nothing, else valid rows only. Needs a finished dry run. */
export async function commitImport(
  services: Services,
  caller: Caller,
  id: number,
  input: unknown,
): Promise<JobView> {
  const job = await idleImportJob(services, caller, id);
  if (job.phase !== "dry-run" || job.status !== "done")
    throw conflict("请先完成检查（试导入）再提交 / Check the file (dry run) before committing");
  const atomic = Boolean((input as { atomic?: unknown } | null)?.atomic);
  const options = parseInput(importOptionsSchema, { ...job.options, atomic });
  await saveJobOptions(services, id, options);
  void pass(services, caller, id, job.fileName, options, "commit");
  return loadJob(services, caller, id);
}

/** One pass over the job's file in the background: a check, or the commit (progress in the job row). */
function pass(
  services: Services,
  caller: Caller,
  id: number,
  name: string,
  options: unknown,
  phase: "dry-run" | "commit",
) {
  return runJob(services, id, phase, (control) =>
    runImport(
      services,
      caller,
      { path: sourcePath(services, id, name), name },
      options,
      { dryRun: phase === "dry-run" },
      {
        signal: control.signal,
        onProgress: control.progress,
        ...(phase === "commit" ? { onCommitted: control.committed } : {}),
        reportPath: path.join(jobDir(services, id), REPORT_FILE),
        jobId: id,
      },
    ),
  );
}

/** An import job the caller may write with, not running: what a new check or a commit starts from. */
async function idleImportJob(services: Services, caller: Caller, id: number): Promise<JobView> {
  await authorize(services, caller, "record.write");
  const job = await loadJob(services, caller, id);
  if (job.kind !== "import") throw invalid("这不是导入任务 / Not an import job");
  assertIdle(job);
  return job;
}
