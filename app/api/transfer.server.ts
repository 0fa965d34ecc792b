// The API's side of import and export jobs: re-checks with "back to automatic", exports by the table in
// the path, and the job files as streamed downloads under their real names.
import fs from "node:fs";
import { Readable } from "node:stream";
import { authorize } from "../auth/access.server.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";
import { contentDisposition } from "../files/names.ts";
import { loadTable } from "../schema/tables.server.ts";
import { startExport } from "../transfer/export-jobs.server.ts";
import { recheckImport } from "../transfer/import-jobs.server.ts";
import { jobDownloadFile } from "../transfer/job-files.server.ts";
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
  const file = await jobDownloadFile(services, caller, id, which);
  const stat = fs.statSync(file.path);
  const body = Readable.toWeb(fs.createReadStream(file.path)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": file.format === "csv" ? CSV : XLSX,
      "Content-Length": String(stat.size),
      "Content-Disposition": contentDisposition("attachment", file.name),
      "X-Content-Type-Options": "nosniff",
      // Personal data: never kept by a shared cache, nor by the browser after use.
      "Cache-Control": "private, no-store",
    },
  });
}
