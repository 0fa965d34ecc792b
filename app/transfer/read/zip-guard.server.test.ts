import { describe, expect, it } from "vitest";
import { collect, refusal, tempFolder, writeHandMadeXlsx, writeZip } from "./fixtures.test-support.ts";
import { openSheetSource } from "./open.server.ts";
import { checkZipEntries, openGuardedZip } from "./zip-guard.server.ts";

const file = tempFolder();
const MB = 1024 ** 2;
const GB = 1024 ** 3;

describe("zip guard limits", () => {
  it("lets a large ordinary workbook through", () => {
    expect(() =>
      checkZipEntries([
        { compressedSize: 60 * MB, uncompressedSize: 1.5 * GB }, // a million rows: about 25:1
        { compressedSize: 20 * MB, uncompressedSize: 300 * MB },
        { compressedSize: 1_000, uncompressedSize: 5 * MB }, // small parts may compress as they like
      ]),
    ).not.toThrow();
  });

  it("refuses too much in total, a bomb-like ratio, and too many entries", () => {
    const bomb = /压缩炸弹/;
    expect(() =>
      checkZipEntries([
        { compressedSize: 300 * MB, uncompressedSize: 2.5 * GB },
        { compressedSize: 300 * MB, uncompressedSize: 2.5 * GB },
      ]),
    ).toThrow(bomb);
    expect(() => checkZipEntries([{ compressedSize: 100_000, uncompressedSize: 30 * MB }])).toThrow(bomb);
    const many = Array.from({ length: 10_001 }, () => ({ compressedSize: 10, uncompressedSize: 10 }));
    expect(() => checkZipEntries(many)).toThrow(bomb);
  });
});

describe("zip guard on files", () => {
  it("refuses a workbook with an entry of 20 MB of zeros before decompressing it", async () => {
    writeHandMadeXlsx(file("bomb.xlsx"), {
      sheets: { a: "<sheetData/>" },
      extra: [{ name: "xl/media/zeros.bin", data: Buffer.alloc(20 * MB) }],
    });
    const message = await refusal(openSheetSource(file("bomb.xlsx"), "bomb.xlsx"));
    expect(message).toContain("疑似“压缩炸弹”");
  });

  it("refuses a zip listing more than 10,000 entries", async () => {
    const parts = Array.from({ length: 10_001 }, (_, i) => ({ name: `f${i}`, data: "", store: true }));
    writeZip(file("many.zip"), parts);
    expect(await refusal(openGuardedZip(file("many.zip")))).toContain("压缩炸弹");
  });

  it("stops a part that decompresses to more than its entry declared", async () => {
    const rows = Array.from(
      { length: 20_000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    );
    // The sheet declares 64 KB where it really holds about 800 KB.
    writeZip(file("lying.xlsx"), [
      {
        name: "xl/workbook.xml",
        data: '<workbook><sheets><sheet name="a" r:id="rId1"/></sheets></workbook>',
      },
      {
        name: "xl/_rels/workbook.xml.rels",
        data: '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      },
      {
        name: "xl/worksheets/sheet1.xml",
        data: `<worksheet><sheetData>${rows.join("")}</sheetData></worksheet>`,
        declaredSize: 65_536,
      },
    ]);
    const source = await openSheetSource(file("lying.xlsx"), "lying.xlsx");
    const message = await refusal(collect(source));
    expect(message).toContain("文件已损坏或不完整");
    await source.close();
  });
});
