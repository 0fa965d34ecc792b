// Files for the reader tests, written into a temporary folder: a plain zip writer (so tests can build
// exactly the workbook, bomb or lying zip they need), a minimal hand-made .xlsx, and row collection.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, expect } from "vitest";
import { isAppError } from "../../core/errors.ts";
import type { SheetRow, SheetSource } from "./source.ts";

/** A fresh folder under the system temp folder, removed after the test file. */
export function tempFolder(): (name: string) => string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "linli-read-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return (name) => path.join(dir, name);
}

export interface ZipPart {
  name: string;
  data: Buffer | string;
  /** Store instead of deflate. */
  store?: boolean;
  /** Declare this decompressed size instead of the true one (a lying zip). */
  declaredSize?: number;
}

export function writeZip(file: string, parts: ZipPart[]): void {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const data = Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data, "utf8");
    const body = part.store ? data : zlib.deflateRawSync(data);
    const name = Buffer.from(part.name, "utf8");
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at); // version needed
      header.writeUInt16LE(0x0800, at + 2); // UTF-8 names
      header.writeUInt16LE(part.store ? 0 : 8, at + 4);
      header.writeUInt16LE(0, at + 6); // time
      header.writeUInt16LE(0x21, at + 8); // 1980-01-01
      header.writeUInt32LE(zlib.crc32(data), at + 10);
      header.writeUInt32LE(body.length, at + 14);
      header.writeUInt32LE(part.declaredSize ?? data.length, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  fs.writeFileSync(file, Buffer.concat([...locals, directory, end]));
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface HandMadeBook {
  /** Sheet name → the XML inside <sheetData> (and anything before it, such as <dimension>). */
  sheets: Record<string, string>;
  workbookPr?: string;
  /** <cellXfs> children; index = the cell's s attribute. */
  cellXfs?: string[];
  numFmts?: string;
  sharedStrings?: string[];
  extra?: ZipPart[];
}

/** A minimal .xlsx written by hand, with the parts in the order Excel writes them (sheets first). */
export function writeHandMadeXlsx(file: string, book: HandMadeBook): void {
  const names = Object.keys(book.sheets);
  const sheetParts = names.map((name, i) => ({
    name: `xl/worksheets/sheet${i + 1}.xml`,
    data: `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}>${book.sheets[name]}</worksheet>`,
  }));
  const rels = names.map(
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  rels.push(`<Relationship Id="rS" Type="${REL}/styles" Target="styles.xml"/>`);
  if (book.sharedStrings)
    rels.push(`<Relationship Id="rT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  const xfs = book.cellXfs ?? ['<xf numFmtId="0"/>'];
  const parts: ZipPart[] = [
    { name: "[Content_Types].xml", data: "<Types/>" },
    ...sheetParts,
    {
      name: "xl/styles.xml",
      data: `<styleSheet ${NS}>${book.numFmts ?? ""}<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs></styleSheet>`,
    },
    {
      name: "xl/workbook.xml",
      data:
        `<workbook ${NS} ${REL_NS}>${book.workbookPr ?? ""}<sheets>` +
        names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
        "</sheets></workbook>",
    },
    { name: "xl/_rels/workbook.xml.rels", data: `<Relationships>${rels.join("")}</Relationships>` },
    ...(book.extra ?? []),
  ];
  if (book.sharedStrings) {
    const items = book.sharedStrings.map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join("");
    parts.push({ name: "xl/sharedStrings.xml", data: `<sst ${NS}>${items}</sst>` });
  }
  writeZip(file, parts);
}

/** Every row of one sheet. */
export async function collect(source: SheetSource, sheet = 0, signal?: AbortSignal): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of source.rows(sheet, signal)) rows.push(row);
  return rows;
}

/** Awaits a refusal and returns its message, failing the test on success or on any other error. */
export async function refusal(work: Promise<unknown> | (() => Promise<unknown>)): Promise<string> {
  try {
    await (typeof work === "function" ? work() : work);
  } catch (e) {
    expect(isAppError(e), `expected a typed refusal, got ${String(e)}`).toBe(true);
    expect((e as Error).message).toMatch(/ \/ [A-Z]/);
    return (e as Error).message;
  }
  throw new Error("expected a refusal, but the work succeeded");
}
