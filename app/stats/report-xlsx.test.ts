import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { EMPTY_PIVOT, PIVOT } from "./report-fixture.test-support.ts";
import { renderReportXlsx, sheetName } from "./report-xlsx.server.ts";

async function read(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

describe("report as .xlsx", () => {
  it("writes the title, the as-of line and the merged headers", async () => {
    const sheet = await read(await renderReportXlsx(PIVOT, "zh-CN"));
    expect(sheet.name).toBe("各社区特殊人群统计");
    expect(sheet.getCell("A1").value).toBe("各社区特殊人群统计");
    expect(sheet.getCell("A2").value).toBe("截至 2026-06-30");
    // Header: rows 3–4; 社区 and 网格 down both, each group over its two measures, 合计 last.
    expect(sheet.getCell("A3").value).toBe("社区");
    expect(sheet.getCell("B3").value).toBe("网格");
    expect(["C3", "E3", "G3", "I3"].map((a) => sheet.getCell(a).value)).toEqual([
      "低保户",
      "残疾人",
      "独居老人",
      "合计",
    ]);
    expect(sheet.getCell("C4").value).toBe("人数");
    expect(sheet.getCell("D4").value).toBe("平均年龄");
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(["A3:A4", "B3:B4", "C3:D3", "E3:F3", "G3:H3", "I3:J3"]));
  });

  it("writes numbers as numbers with their formats, and the labels of every row", async () => {
    const sheet = await read(await renderReportXlsx(PIVOT, "zh-CN"));
    const labels = [5, 6, 7, 8, 9, 10].map((r) => [sheet.getCell(r, 1).value, sheet.getCell(r, 2).value]);
    expect(labels).toEqual([
      ["丰盛社区", "第一网格"],
      ["丰盛社区", "第二网格"],
      ["丰盛社区", "小计"],
      ["二龙路社区", "第一网格"],
      ["二龙路社区", "小计"],
      ["合计", "合计"], // A10:B10 merged: the slave cell reads the master's value
    ]);
    const count = sheet.getCell("C5");
    expect(count.value).toBe(1234);
    expect(typeof count.value).toBe("number");
    expect(count.numFmt).toBe("#,##0");
    const avg = sheet.getCell("D5");
    expect(avg.value).toBe(61.456);
    expect(avg.numFmt).toBe("#,##0.00");
    expect(sheet.getCell("H5").value).toBeNull(); // no one: no average
    expect(sheet.getCell("I10").value).toBe(2278);
    for (let r = 5; r <= 10; r++)
      for (let c = 3; c <= 10; c++) {
        const v = sheet.getCell(r, c).value;
        if (v !== null) expect(typeof v).toBe("number");
      }
  });

  it("makes subtotal and total rows bold, and freezes the header and row groups", async () => {
    const sheet = await read(await renderReportXlsx(PIVOT, "zh-CN"));
    expect(sheet.getCell("B7").font?.bold).toBe(true);
    expect(sheet.getCell("C7").font?.bold).toBe(true);
    expect(sheet.getCell("A10").font?.bold).toBe(true);
    expect(sheet.getCell("C5").font?.bold).toBeFalsy();
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 4 });
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(8);
  });

  it("says so when nothing matched", async () => {
    const sheet = await read(await renderReportXlsx(EMPTY_PIVOT, "zh-CN"));
    expect(sheet.getCell("A3").value).toBe("没有符合条件的记录");
  });

  it("names the sheet by Excel's rules", () => {
    expect(sheetName("a/b:c*d?e[f]g\\h", "报表")).toBe("a b c d e f g h");
    expect(sheetName("'引号'", "报表")).toBe("引号");
    expect(sheetName("   ", "报表")).toBe("报表");
    expect(sheetName("History", "报表")).toBe("报表");
    expect(sheetName("一".repeat(40), "报表")).toHaveLength(31);
    expect(sheetName(`${"一".repeat(30)}𫖮`, "报表")).toBe("一".repeat(30));
  });
});
