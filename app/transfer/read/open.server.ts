// The one entry point: what kind of file an upload is, told from its bytes (an extension says little:
// offices rename files, and web systems export HTML tables as ".xls"), and the reader for it.
import fs from "node:fs/promises";
import path from "node:path";
import * as XLSX from "@e965/xlsx";
import { openDelimited } from "./csv.server.ts";
import {
  damaged,
  fileTooLarge,
  notSpreadsheet,
  passwordProtected,
  unsupportedWorkbook,
  webPageTable,
} from "./refusals.ts";
import type { SheetSource } from "./source.ts";
import { SAMPLE_BYTES, sniffText } from "./text-encoding.ts";
import { MAX_XLS_BYTES, openXls } from "./xls.server.ts";
import { openXlsx } from "./xlsx.server.ts";
import { openGuardedZip } from "./zip-guard.server.ts";

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
const ascii = (bytes: Uint8Array, text: string) =>
  startsWith(bytes, ...[...text].map((c) => c.charCodeAt(0)));

const isZip = (b: Uint8Array) =>
  startsWith(b, 0x50, 0x4b, 0x03, 0x04) || startsWith(b, 0x50, 0x4b, 0x05, 0x06);
const isOle = (b: Uint8Array) => startsWith(b, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);

/** Files that are plainly something else, even when their first bytes look like text. */
function isOtherKnownFormat(b: Uint8Array): boolean {
  return (
    ascii(b, "%PDF") ||
    ascii(b, "{\\rtf") ||
    startsWith(b, 0x89, 0x50, 0x4e, 0x47) || // PNG
    startsWith(b, 0xff, 0xd8, 0xff) || // JPEG
    ascii(b, "GIF8") ||
    startsWith(b, 0x1f, 0x8b) || // gzip
    startsWith(b, 0x37, 0x7a, 0xbc, 0xaf) || // 7z
    ascii(b, "Rar!")
  );
}

const MARKUP = /^\s*<(\?xml|!doctype|!--|html|head|body|table|meta|style)\b/i;

async function readSample(file: string): Promise<{ size: number; sample: Buffer }> {
  const handle = await fs.open(file, "r");
  try {
    const { size } = await handle.stat();
    const sample = Buffer.alloc(Math.min(size, SAMPLE_BYTES));
    const { bytesRead } = await handle.read(sample, 0, sample.length, 0);
    return { size, sample: sample.subarray(0, bytesRead) };
  } finally {
    await handle.close();
  }
}

async function openZip(file: string): Promise<SheetSource> {
  const zip = await openGuardedZip(file);
  if (zip.find("xl/workbook.xml")) return openXlsx(zip);
  const unsupported =
    zip.find("xl/workbook.bin") !== null || (zip.find("mimetype") && zip.find("content.xml"));
  await zip.close();
  throw unsupported ? unsupportedWorkbook() : notSpreadsheet();
}

/** An OLE compound file: an .xls, an encrypted .xlsx (its package sealed in "EncryptedPackage"), or not ours. */
async function openOle(file: string, size: number): Promise<SheetSource> {
  if (size > MAX_XLS_BYTES) throw fileTooLarge(MAX_XLS_BYTES / 1024 ** 2);
  const bytes = await fs.readFile(file);
  let container: unknown;
  try {
    container = XLSX.CFB.read(bytes, { type: "buffer" });
  } catch (e) {
    throw damaged(e);
  }
  const has = (name: string) => Boolean(XLSX.CFB.find(container, name));
  if (has("EncryptedPackage") || has("EncryptionInfo")) throw passwordProtected();
  if (has("Workbook") || has("Book")) return openXls(bytes);
  throw notSpreadsheet();
}

/**
 * Opens an uploaded spreadsheet. `originalName` is the name it was uploaded under: only its extension
 * (.tsv) and base name (a CSV's sheet name) are used. Throws invalid() with a message for the user.
 */
export async function openSheetSource(file: string, originalName: string): Promise<SheetSource> {
  const { size, sample } = await readSample(file);
  if (isZip(sample)) return openZip(file);
  if (isOle(sample)) return openOle(file, size);
  if (isOtherKnownFormat(sample)) throw notSpreadsheet();

  const extension = path.extname(originalName).toLowerCase();
  const sheetName = path.basename(originalName, path.extname(originalName)) || "Sheet1";
  const text =
    size === 0 ? { encoding: "utf-8" as const, text: "" } : sniffText(sample, size <= sample.length);
  if (!text) throw notSpreadsheet();
  if (MARKUP.test(text.text)) throw webPageTable();
  const firstLine = text.text.split(/\r\n|\n|\r/, 1)[0] ?? "";
  const tabs = extension === ".tsv" || (firstLine.includes("\t") && !firstLine.includes(","));
  return openDelimited(file, tabs ? "tsv" : "csv", text.encoding, sheetName);
}
