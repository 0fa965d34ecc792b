// Receiving an import's file: the request body is the file itself, written to a temporary file under
// <data dir>/transfer/incoming/ as it arrives (a 300 MB sheet never sits in memory), capped in size,
// refused at once when it is empty or not a spreadsheet, then handed to startImport, which moves it
// into the job's folder. Used by server/import-upload.ts (Express, streaming) and by the API route
// module (reached only when the streaming handler is bypassed, e.g. in route-level tests).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import { authorize } from "../auth/access.server.ts";
import { invalid } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";
import { importOptionsSchema } from "../transfer/import/options.ts";
import { startImport } from "../transfer/import-jobs.server.ts";
import type { JobView } from "../transfer/jobs.server.ts";
import { openSheetSource } from "../transfer/read/open.server.ts";

export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;
const STALE_MS = 24 * 3_600_000;

/** The body went past MAX_IMPORT_BYTES: answered 413 (not a typed error: those have no 413). */
export class UploadTooLarge extends Error {}

export const TOO_LARGE_MESSAGE = `文件太大，最大 ${MAX_IMPORT_BYTES / 1024 ** 2} MB；请拆分后分批导入 / The file is too large (at most ${MAX_IMPORT_BYTES / 1024 ** 2} MB); split it and import the parts`;

/** The import options: the X-Import-Options JSON header, overridden by the query string. */
export function importInput(query: Record<string, string>, header: string | null | undefined) {
  let fromHeader: unknown = {};
  if (header) {
    try {
      fromHeader = JSON.parse(header);
    } catch {
      throw invalid("X-Import-Options 请求头不是有效的 JSON / The X-Import-Options header is not valid JSON");
    }
    if (!fromHeader || typeof fromHeader !== "object" || Array.isArray(fromHeader))
      throw invalid("X-Import-Options 应为 JSON 对象 / X-Import-Options must be a JSON object");
  }
  return { ...(fromHeader as object), ...query };
}

/** The uploaded file's name from X-File-Name (URL-encoded, so Chinese names survive a header). */
export function uploadName(header: string | null | undefined): string {
  if (!header) return "import";
  try {
    return path.basename(decodeURIComponent(header)).slice(0, 200) || "import";
  } catch {
    return "import";
  }
}

export async function receiveImport(
  services: Services,
  caller: Caller,
  body: Readable,
  upload: { name: string; input: Record<string, unknown>; declaredBytes?: number },
): Promise<JobView> {
  // Refused before a byte is stored: who may import, bad options, a declared size past the cap.
  await authorize(services, caller, "record.write");
  parseInput(importOptionsSchema, upload.input);
  if ((upload.declaredBytes ?? 0) > MAX_IMPORT_BYTES) throw new UploadTooLarge();
  const dir = path.join(services.config.dataDir, "transfer", "incoming");
  fs.mkdirSync(dir, { recursive: true });
  sweep(dir);
  const file = path.join(dir, `${crypto.randomUUID()}.part`);
  try {
    const size = await saveBody(body, file, MAX_IMPORT_BYTES);
    if (size === 0) throw invalid("上传的文件是空的 / The uploaded file is empty");
    // Not a spreadsheet (a photo, a PDF, a password-protected workbook …): said now, not by a failed job.
    const source = await openSheetSource(file, upload.name);
    await source.close();
    return await startImport(services, caller, { path: file, name: upload.name }, upload.input);
  } finally {
    // startImport moved the file into its job; anything still here was refused.
    fs.rmSync(file, { force: true });
  }
}

/**
 * Writes the body to `file`, at most `max` bytes. Past the cap the body is paused, not destroyed, so
 * the 413 can still be sent on the connection (which is then closed).
 */
function saveBody(body: Readable, file: string, max: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(file, { flags: "wx" });
    let size = 0;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      body.off("data", onData);
      body.pause();
      out.destroy();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) return fail(new UploadTooLarge());
      if (!out.write(chunk)) {
        body.pause();
        out.once("drain", () => body.resume());
      }
    };
    body.on("data", onData);
    body.once("end", () => {
      if (settled) return;
      out.end(() => {
        settled = true;
        resolve(size);
      });
    });
    body.once("error", fail);
    body.once("close", () => {
      if (!body.readableEnded) fail(invalid("上传中断 / The upload was interrupted"));
    });
    out.once("error", fail);
  });
}

/** Temporary files an interrupted process left behind, a day later. */
function sweep(dir: string) {
  const now = Date.now();
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    try {
      if (now - fs.statSync(file).mtimeMs > STALE_MS) fs.rmSync(file, { force: true });
    } catch {
      // Gone meanwhile (another upload swept it).
    }
  }
}
