import fs from "node:fs";
import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { collect, refusal, tempFolder } from "./fixtures.test-support.ts";
import { openSheetSource } from "./open.server.ts";

const file = tempFolder();

function writeXls(name: string, sheets: Record<string, XLSX.WorkSheet>, date1904 = false): string {
  const wb = XLSX.utils.book_new();
  for (const [sheetName, ws] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, ws, sheetName);
  if (date1904) wb.Workbook = { ...wb.Workbook, WBProps: { date1904: true } };
  fs.writeFileSync(file(name), XLSX.write(wb, { bookType: "biff8", type: "buffer" }));
  return file(name);
}

function residents(): XLSX.WorkSheet {
  const ws = XLSX.utils.aoa_to_sheet([
    ["金融街街道居民名单"],
    ["姓名", "出生日期", "身份证号", "党员", "备注"],
    ["张三", 0, 110102194708140000, true, "0123"],
    [],
    ["李四"],
  ]);
  // A date as Excel stores it: the serial day number in a date-formatted cell (1947-08-14, noon).
  ws.B3 = { t: "n", v: 17393.5, z: "yyyy-mm-dd hh:mm" };
  ws.E5 = { t: "e", v: 0x2a };
  ws["!merges"] = [XLSX.utils.decode_range("A1:E1")];
  return ws;
}

describe("xls", () => {
  it("reads sheets, numbers, dates and blank rows", async () => {
    const path = writeXls("residents.xls", { 居民: residents(), 其他: XLSX.utils.aoa_to_sheet([[1]]) });
    const source = await openSheetSource(path, "居民.xls");
    expect(source.format).toBe("xls");
    expect(source.date1904).toBe(false);
    expect(source.sheets).toEqual([
      { index: 0, name: "居民", rowEstimate: 5 },
      { index: 1, name: "其他", rowEstimate: 1 },
    ]);
    const rows = await collect(source);
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]!.cells).toEqual(["金融街街道居民名单"]);
    const [name, born, id, member, note] = rows[2]!.cells;
    expect(name).toBe("张三");
    // The UTC fields hold the wall-clock value typed, whatever the server's time zone.
    expect((born as Date).toISOString()).toBe("1947-08-14T12:00:00.000Z");
    expect(id).toBe(110102194708140000);
    expect(member).toBe(true);
    expect(note).toBe("0123");
    expect(rows[3]!.cells).toEqual([]);
    expect(rows[4]!.cells).toEqual(["李四", null, null, null, "#N/A"]);
    expect(await collect(source, 1)).toEqual([{ number: 1, cells: [1] }]);
    await source.close();
  });

  it("counts dates from 1904 in a workbook that says so", async () => {
    const ws = XLSX.utils.aoa_to_sheet([[0]]);
    ws.A1 = { t: "n", v: 1, z: "yyyy-mm-dd" };
    const source = await openSheetSource(writeXls("1904.xls", { a: ws }, true), "1904.xls");
    expect(source.date1904).toBe(true);
    expect(await collect(source)).toEqual([{ number: 1, cells: [new Date("1904-01-02T00:00:00Z")] }]);
  });

  it("refuses a password-protected .xls", async () => {
    const container = XLSX.CFB.read(fs.readFileSync(writeXls("plain.xls", { a: residents() })), {
      type: "buffer",
    });
    const stream = XLSX.CFB.find(container, "Workbook");
    const biff = Buffer.from(stream.content);
    const bofLength = 4 + biff.readUInt16LE(2);
    // FILEPASS (0x002F) right after the BOF record: XOR obfuscation, key and verifier.
    const filePass = Buffer.from([0x2f, 0x00, 0x06, 0x00, 0x00, 0x00, 0x34, 0x12, 0x78, 0x56]);
    stream.content = Buffer.concat([biff.subarray(0, bofLength), filePass, biff.subarray(bofLength)]);
    stream.size = stream.content.length;
    fs.writeFileSync(file("locked.xls"), XLSX.CFB.write(container, { type: "buffer" }));
    expect(await refusal(openSheetSource(file("locked.xls"), "locked.xls"))).toContain("工作簿设有密码");
  });

  it("refuses an .xls over 100 MB before reading it", async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    fs.writeFileSync(file("huge.xls"), ole);
    fs.truncateSync(file("huge.xls"), 101 * 1024 ** 2); // sparse: takes no disk space
    expect(await refusal(openSheetSource(file("huge.xls"), "huge.xls"))).toContain("文件超过 100 MB");
  });

  it("refuses a damaged .xls", async () => {
    const whole = fs.readFileSync(writeXls("whole.xls", { a: residents() }));
    fs.writeFileSync(file("cut.xls"), whole.subarray(0, 1200));
    expect(await refusal(openSheetSource(file("cut.xls"), "cut.xls"))).toContain("文件已损坏或不完整");
  });
});
