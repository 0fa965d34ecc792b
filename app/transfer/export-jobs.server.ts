// An export as a background job: the file is written under the job's folder, then downloaded by name.
import path from "node:path";
import { authorize } from "../auth/access.server.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";
import { loadTable } from "../schema/tables.server.ts";
import { exportFileName, exportInputSchema, exportRecords } from "./export/export.server.ts";
import { createJob, type JobView, jobDir, loadJob, runJob } from "./jobs.server.ts";

export const exportFile = (format: string) => `export.${format}`;

export async function startExport(services: Services, caller: Caller, input: unknown): Promise<JobView> {
  await authorize(services, caller, "record.read");
  const options = parseInput(exportInputSchema, input);
  const table = await loadTable(services.db, options.table);
  const name = exportFileName(table.name, options.format);
  const id = await createJob(services, caller, {
    kind: "export",
    tableId: table.id,
    phase: options.format,
    fileName: name,
    options,
  });
  void runJob(services, id, options.format, (control) =>
    exportRecords(services, caller, options, path.join(jobDir(services, id), exportFile(options.format)), {
      signal: control.signal,
      onProgress: control.progress,
      jobId: id,
    }),
  );
  return loadJob(services, caller, id);
}
