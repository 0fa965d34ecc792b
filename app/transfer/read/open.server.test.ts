import crypto from "node:crypto";
import fs from "node:fs";
import * as XLSX from "@e965/xlsx";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { collect, refusal, tempFolder, writeZip } from "./fixtures.test-support.ts";
import { openSheetSource } from "./open.server.ts";

const file = tempFolder();

function write(name: string, content: Buffer | string): string {
  fs.writeFileSync(file(name), content);
  return file(name);
}

function compoundFile(name: string, streams: Record<string, Buffer>): string {
  const container = XLSX.CFB.utils.cfb_new();
  for (const [stream, content] of Object.entries(streams))
    XLSX.CFB.utils.cfb_add(container, `/${stream}`, content);
  return write(name, XLSX.CFB.write(container, { type: "buffer" }));
}

const NOT_A_SPREADSHEET = "不是电子表格";

describe("openSheetSource tells formats by their bytes", () => {
  it("reads an .xlsx uploaded under another extension, and text under .xlsx as CSV", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("表").addRow(["张三"]);
    await wb.xlsx.writeFile(file("book.xlsx"));
    const renamed = await openSheetSource(file("book.xlsx"), "名单.csv");
    expect(renamed.format).toBe("xlsx");
    expect(await collect(renamed)).toEqual([{ number: 1, cells: ["张三"] }]);
    await renamed.close();

    const text = await openSheetSource(write("text.xlsx", "姓名,电话\n张三,138\n"), "名单.xlsx");
    expect(text.format).toBe("csv");
    expect((await collect(text))[1]!.cells).toEqual(["张三", "138"]);
  });

  it("refuses images, PDFs and random bytes as not a spreadsheet", async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      crypto.randomBytes(512),
    ]);
    const pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    for (const [name, content] of [
      ["photo.xlsx", png],
      ["scan.csv", pdf],
      ["junk.xls", crypto.randomBytes(4096)],
      ["short.csv", Buffer.from([0x01, 0x02, 0x03, 0x80, 0xff])],
    ] as const) {
      expect(await refusal(openSheetSource(write(name, content), name))).toContain(NOT_A_SPREADSHEET);
    }
  });

  it("refuses a zip that is not a workbook, and names workbook formats it cannot read", async () => {
    writeZip(file("letter.docx"), [
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "word/document.xml", data: "<w:document/>" },
    ]);
    expect(await refusal(openSheetSource(file("letter.docx"), "名单.xlsx"))).toContain(NOT_A_SPREADSHEET);
    writeZip(file("binary.xlsb"), [{ name: "xl/workbook.bin", data: Buffer.alloc(16) }]);
    expect(await refusal(openSheetSource(file("binary.xlsb"), "a.xlsb"))).toContain("不支持这种工作簿格式");
  });

  it("refuses a damaged zip", async () => {
    const path = write("broken.xlsx", Buffer.concat([Buffer.from("PK\x03\x04"), crypto.randomBytes(2000)]));
    expect(await refusal(openSheetSource(path, "broken.xlsx"))).toContain("文件已损坏或不完整");
  });

  it("refuses a password-protected .xlsx (an OLE file holding EncryptedPackage)", async () => {
    const path = compoundFile("locked.xlsx", {
      EncryptionInfo: Buffer.from([0x04, 0x00, 0x04, 0x00, 0x40, 0x00, 0x00, 0x00]),
      EncryptedPackage: crypto.randomBytes(8192),
    });
    const message = await refusal(openSheetSource(path, "名单.xlsx"));
    expect(message).toContain("工作簿设有密码");
    expect(message).toContain("The workbook is password-protected");
  });

  it("refuses an OLE file that is not a workbook (an old Word document)", async () => {
    const path = compoundFile("letter.doc", { WordDocument: crypto.randomBytes(4096) });
    expect(await refusal(openSheetSource(path, "名单.xls"))).toContain(NOT_A_SPREADSHEET);
  });

  it("refuses a web page saved as .xls", async () => {
    const html =
      '<html><head><meta charset="utf-8"></head><body><table><tr><td>张三</td></tr></table></body></html>';
    expect(await refusal(openSheetSource(write("export.xls", html), "导出.xls"))).toContain(
      "网页（HTML）或 XML",
    );
  });
});
