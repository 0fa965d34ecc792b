// The pure pieces of an export: CSV fields, sheet dates, widths and the grid's tints.
import { describe, expect, it } from "vitest";
import { columnWidths, displayWidth, type ExportColumn, replicaCell, sheetDate } from "./columns.ts";
import { csvField } from "./csv.server.ts";
import { tintArgb } from "./sink.ts";

describe("export cells", () => {
  it("quotes CSV fields as RFC 4180 says and defuses formula-like text", () => {
    expect(csvField("张三", true)).toBe("张三");
    expect(csvField("a,b", true)).toBe('"a,b"');
    expect(csvField('说"好"', true)).toBe('"说""好"""');
    expect(csvField("一\r\n二", true)).toBe('"一\r\n二"');
    for (const risky of ["=1+1", "+86 139", "-2", "@SUM(A1)"])
      expect(csvField(risky, true)).toBe(`'${risky}`);
    expect(csvField('=HYPERLINK("x",1)', true)).toBe(`"'=HYPERLINK(""x"",1)"`);
    // Numbers are not text: a negative amount stays a number.
    expect(csvField("-12.50", false)).toBe("-12.50");
  });

  it("reads stored dates as Excel's wall-clock dates", () => {
    expect(sheetDate("1948-05-06")).toEqual(new Date(Date.UTC(1948, 4, 6)));
    expect(sheetDate("2026-11-24 15:30:00")).toEqual(new Date(Date.UTC(2026, 10, 24, 15, 30)));
    expect(sheetDate("1948年")).toBeUndefined();
    expect(replicaCell(42n, false)).toBe(42);
    expect(replicaCell(1 / 3, true)).toBe("0.333333");
    expect(replicaCell(true, false)).toBe("是");
  });

  it("sizes columns by header and content, CJK counting double", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("证件号码")).toBe(8);
    const column = (header: string, kind: ExportColumn["kind"] = "text"): ExportColumn => ({
      header,
      kind,
      key: null,
      masked: false,
      cell: () => null,
    });
    const widths = columnWidths(
      [column("证件号码"), column("出生日期", "date"), column("备注")],
      [["110102********1234", new Date(0), "很".repeat(80)]],
    );
    expect(widths).toEqual([19, 11, 50]);
  });

  it("tints colours the way the grid does", () => {
    expect(tintArgb("#ffffff", 0.16)).toBe("FFFFFFFF");
    expect(tintArgb("#000000", 0.16)).toBe("FFD6D6D6");
  });
});
