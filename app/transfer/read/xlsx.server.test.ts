import fs from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { collect, refusal, tempFolder, writeHandMadeXlsx, writeZip } from "./fixtures.test-support.ts";
import { openSheetSource } from "./open.server.ts";
import { withoutRootPrefix } from "./xml-prefix.ts";

const file = tempFolder();

async function residentsWorkbook(name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("居民名单");
  ws.mergeCells("A1:F1");
  ws.getCell("A1").value = "金融街街道居民名单";
  ws.getRow(2).values = ["姓名", "出生日期", "身份证号", "备注", "链接", "合计"];
  ws.getRow(3).values = [
    "张三",
    new Date(Date.UTC(1947, 7, 14)),
    110102194708140000,
    { richText: [{ text: "党员，" }, { font: { bold: true }, text: "楼长" }] },
    { text: "网格地图", hyperlink: "https://example.org/map" },
    { formula: "1+2", result: 3 },
  ];
  ws.getCell("B3").numFmt = "yyyy-mm-dd";
  ws.getRow(4).values = ["李四", null, "110102195001010011", { error: "#N/A" }, true];
  ws.getRow(7).values = ["王五"];
  const other = wb.addWorksheet("其他");
  other.getRow(1).values = ["只有一行"];
  await wb.xlsx.writeFile(file(name));
  return file(name);
}

describe("xlsx", () => {
  it("reads sheets, values and blank rows as the office typed them", async () => {
    const source = await openSheetSource(await residentsWorkbook("residents.xlsx"), "居民.xlsx");
    expect(source.format).toBe("xlsx");
    expect(source.encoding).toBeNull();
    expect(source.date1904).toBe(false);
    expect(source.sheets.map((s) => [s.index, s.name, s.rowEstimate])).toEqual([
      [0, "居民名单", 7],
      [1, "其他", 1],
    ]);
    const rows = await collect(source, 0);
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // Merged title: the value sits in the top-left cell only.
    expect(rows[0]!.cells).toEqual(["金融街街道居民名单"]);
    const [name, born, id, note, link, total] = rows[2]!.cells;
    expect(name).toBe("张三");
    expect(born).toBeInstanceOf(Date);
    expect((born as Date).toISOString()).toBe("1947-08-14T00:00:00.000Z");
    // The 18-digit number stays a number (Excel already lost its digits; the importer refuses it).
    expect(id).toBe(110102194708140000);
    expect(note).toBe("党员，楼长");
    expect(link).toBe("网格地图");
    expect(total).toBe(3);
    expect(rows[3]!.cells).toEqual(["李四", null, "110102195001010011", "#N/A", true]);
    expect(rows[4]!.cells).toEqual([]);
    expect(rows[5]!.cells).toEqual([]);
    expect(rows[6]!.cells).toEqual(["王五"]);
    expect(await collect(source, 1)).toEqual([{ number: 1, cells: ["只有一行"] }]);
    await source.close();
  });

  it("keeps Chinese text whole where decompressed chunks split a character", async () => {
    // ExcelJS's own WorkbookReader garbles some of these names into "��" (decodes chunk by chunk).
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("名单");
    const names = Array.from({ length: 20_000 }, (_, i) => `张伟${i}号居民住在金融街街道丰盛社区`);
    for (const n of names) ws.addRow([n]);
    await wb.xlsx.writeFile(file("chinese.xlsx"));
    const source = await openSheetSource(file("chinese.xlsx"), "chinese.xlsx");
    const rows = await collect(source);
    expect(rows.map((r) => r.cells[0])).toEqual(names);
    await source.close();
  });

  it("handles what Excel and WPS write but ExcelJS alone misreads", async () => {
    const long = "长".repeat(40);
    writeHandMadeXlsx(file("handmade.xlsx"), {
      workbookPr: '<workbookPr date1904="true"/>',
      // 31 is Chinese Excel's built-in yyyy"年"m"月"d"日", named nowhere in styles.xml.
      cellXfs: ['<xf numFmtId="0"/>', '<xf numFmtId="31"/>', '<xf numFmtId="14"/>'],
      sharedStrings: [long, "第一行_x000D_\n第二行"],
      sheets: {
        人员: [
          '<dimension ref="A1:D4"/><sheetData>',
          '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" s="1"><v>0</v></c><c r="C2" t="s"><v>1</v></c></row>',
          '<row r="4"><c r="A4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="B4" s="2"><f>B2+1</f><v>1</v></c>',
          '<c r="C4" t="inlineStr"><is><t>内联</t></is></c><c r="D4" t="e"><v>#REF!</v></c>',
          '<c r="E4"><f t="shared" ref="E4:G4" si="0">1-1</f><v>0</v></c>',
          '<c r="F4"><f t="shared" si="0"/><v>0</v></c><c r="G4"><f t="shared" si="0"/><v>7</v></c></row>',
          "</sheetData>",
        ].join(""),
      },
    });
    const source = await openSheetSource(file("handmade.xlsx"), "x.xlsx");
    expect(source.date1904).toBe(true);
    expect(source.sheets).toEqual([{ index: 0, name: "人员", rowEstimate: 4 }]);
    const rows = await collect(source);
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4]);
    // 1904 system: serial 0 is 1904-01-01; the formula result in a date format is a Date too.
    expect(rows[1]!.cells).toEqual([long, new Date("1904-01-01T00:00:00Z"), "第一行\r\n第二行"]);
    // A formula error keeps only that it was an error; a formula giving 0 stays 0.
    expect(rows[3]!.cells).toEqual(["#VALUE!", new Date("1904-01-02T00:00:00Z"), "内联", "#REF!", 0, 0, 7]);
    await source.close();
  });

  it("reads parts whose elements all carry a prefix (Open XML SDK)", async () => {
    const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    writeZip(file("prefixed.xlsx"), [
      {
        name: "xl/workbook.xml",
        data: `<x:workbook ${ns} xmlns:r="${rel}"><x:sheets><x:sheet name="名单" sheetId="1" r:id="R1"/></x:sheets></x:workbook>`,
      },
      {
        name: "xl/_rels/workbook.xml.rels",
        data:
          `<Relationships><Relationship Id="R1" Type="${rel}/worksheet" Target="/xl/worksheets/sheet1.xml"/>` +
          `<Relationship Id="R2" Type="${rel}/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>`,
      },
      { name: "xl/sharedStrings.xml", data: `<x:sst ${ns}><x:si><x:t>丰盛社区</x:t></x:si></x:sst>` },
      {
        name: "xl/worksheets/sheet1.xml",
        data: `<?xml version="1.0"?><x:worksheet ${ns}><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>42</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
      },
    ]);
    const source = await openSheetSource(file("prefixed.xlsx"), "p.xlsx");
    expect(source.sheets.map((s) => s.name)).toEqual(["名单"]);
    expect(await collect(source)).toEqual([{ number: 1, cells: ["丰盛社区", 42] }]);
    await source.close();
  });

  it("drops an element prefix even where a chunk ends inside a tag", async () => {
    const xml = '<?xml version="1.0"?><x:sst><x:si><x:t>a</x:t></x:si></x:sst>';
    for (let cut = 1; cut < xml.length; cut++) {
      const chunks = (async function* () {
        yield xml.slice(0, cut);
        yield xml.slice(cut);
      })();
      let out = "";
      for await (const part of withoutRootPrefix(chunks)) out += part;
      expect(out).toBe('<?xml version="1.0"?><sst><si><t>a</t></si></sst>');
    }
  });

  it("yields no rows for an empty sheet", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("空");
    await wb.xlsx.writeFile(file("empty.xlsx"));
    const source = await openSheetSource(file("empty.xlsx"), "empty.xlsx");
    expect(source.sheets.map((s) => s.name)).toEqual(["空"]);
    expect(await collect(source)).toEqual([]);
    await source.close();
  });

  it("refuses a sheet past Excel's row limit and a cell past its length limit", async () => {
    writeHandMadeXlsx(file("rows.xlsx"), {
      sheets: { a: '<sheetData><row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>' },
    });
    const tall = await openSheetSource(file("rows.xlsx"), "rows.xlsx");
    expect(await refusal(collect(tall))).toContain("表格超过 1,048,576 行");
    await tall.close();

    const text = "户".repeat(32_768);
    writeHandMadeXlsx(file("cell.xlsx"), {
      sheets: {
        a: `<sheetData><row r="12"><c r="D12" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData>`,
      },
    });
    const wide = await openSheetSource(file("cell.xlsx"), "cell.xlsx");
    const message = await refusal(collect(wide));
    expect(message).toContain("第 12 行 D 列的内容超过 32767 个字符");
    expect(message).toContain("Row 12, column D");
    await wide.close();
  });

  it("refuses a truncated workbook and one whose parts are corrupt", async () => {
    const whole = fs.readFileSync(await residentsWorkbook("whole.xlsx"));
    fs.writeFileSync(file("truncated.xlsx"), whole.subarray(0, Math.floor(whole.length / 2)));
    expect(await refusal(openSheetSource(file("truncated.xlsx"), "t.xlsx"))).toContain("文件已损坏或不完整");

    writeHandMadeXlsx(file("badxml.xlsx"), {
      sheets: { a: "<sheetData><row r='1'><c r='A1'><v>1</c></row>" },
    });
    const source = await openSheetSource(file("badxml.xlsx"), "b.xlsx");
    expect(await refusal(collect(source))).toContain("文件已损坏或不完整");
    await source.close();
  });

  it("stops promptly when the import is cancelled", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("a");
    for (let i = 0; i < 5_000; i++) ws.addRow([`居民${i}`, i]);
    await wb.xlsx.writeFile(file("cancel.xlsx"));
    const source = await openSheetSource(file("cancel.xlsx"), "c.xlsx");
    const controller = new AbortController();
    let seen = 0;
    await expect(async () => {
      for await (const _ of source.rows(0, controller.signal)) if (++seen === 10) controller.abort();
    }).rejects.toThrow(/abort/i);
    expect(seen).toBe(10);
    // The source still reads from the start afterwards.
    expect((await collect(source)).length).toBe(5_000);
    await source.close();
  });
});
