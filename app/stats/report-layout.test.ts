import { describe, expect, it } from "vitest";
import { EMPTY_PIVOT, PIVOT } from "./report-fixture.test-support.ts";
import { fill, formatValue, layoutReport, numFmt } from "./report-layout.ts";

describe("report layout", () => {
  const layout = layoutReport(PIVOT, "zh-CN");

  it("puts each special group over its two measures and 合计 over the row totals", () => {
    expect(layout.header[0]!.map((c) => [c.label, c.span, c.rowSpan])).toEqual([
      ["低保户", 2, 1],
      ["残疾人", 2, 1],
      ["独居老人", 2, 1],
      ["合计", 2, 1],
    ]);
    expect(layout.header[1]!.map((c) => c.label)).toEqual(Array(4).fill(["人数", "平均年龄"]).flat());
    expect(layout.leaves).toHaveLength(8);
  });

  it("labels subtotals 小计 and the total 合计, merging each community over its rows", () => {
    expect(layout.rows.map((r) => r.labels.map((l) => l.text).join("/"))).toEqual([
      "丰盛社区/第一网格",
      "丰盛社区/第二网格",
      "丰盛社区/小计",
      "二龙路社区/第一网格",
      "二龙路社区/小计",
      "合计",
    ]);
    expect(layout.rows.map((r) => r.labels[0]!.rowSpan)).toEqual([3, 0, 0, 2, 0, 1]);
    expect(layout.rows[5]!.labels[0]!.span).toBe(2);
  });

  it("takes the row totals from each row's total", () => {
    expect(layout.rows[0]!.values).toEqual([1234, 61.456, 87, 55.5, 0, null, 1290, 60.123]);
  });

  it("formats counts whole and averages to two places", () => {
    expect(layout.decimals).toEqual([0, 2]);
    expect(formatValue(1234, 0, "zh-CN")).toBe("1,234");
    expect(formatValue(61.456, 2, "zh-CN")).toBe("61.46");
    expect(formatValue(null, 2, "zh-CN")).toBe("–");
    expect(numFmt(0)).toBe("#,##0");
    expect(numFmt(2)).toBe("#,##0.00");
  });

  it("says as of which day, or live", () => {
    expect(layout.lines[0]).toBe("截至 2026-06-30");
    expect(layoutReport(EMPTY_PIVOT, "zh-CN").lines[0]).toBe("实时数据（2026-12-07 10:30）");
    expect(layoutReport(PIVOT, "en").lines[0]).toBe("As of 2026-06-30");
  });

  it("names a single measure in a line, not a header row", () => {
    const one = layoutReport({ ...PIVOT, measures: [PIVOT.measures[0]!] }, "zh-CN");
    expect(one.header).toHaveLength(1);
    expect(one.lines[1]).toBe("统计指标：人数");
    const flat = layoutReport({ ...PIVOT, columnFields: [], columns: [{ path: [] }] }, "zh-CN");
    expect(flat.header.map((r) => r.map((c) => c.label))).toEqual([["人数", "平均年龄"]]);
  });

  it("nests two column-group levels, 合计 spanning both", () => {
    const k = (label: string) => ({ code: label, label });
    const two = layoutReport(
      {
        ...PIVOT,
        columnFields: [
          { key: "xb", label: "性别" },
          { key: "tsrq", label: "特殊人群" },
        ],
        columns: ["男", "女"].flatMap((g) => ["低保户", "残疾人"].map((t) => ({ path: [k(g), k(t)] }))),
      },
      "zh-CN",
    );
    const spans = (row: number) =>
      two.header[row]!.map((c) => `${c.covered ? "(covered)" : c.label}:${c.span}x${c.rowSpan}`);
    expect(spans(0)).toEqual(["男:4x1", "女:4x1", "合计:2x2"]);
    expect(spans(1)).toEqual(["低保户:2x1", "残疾人:2x1", "低保户:2x1", "残疾人:2x1", "(covered):2x1"]);
    expect(two.header[2]).toHaveLength(10);
  });

  it("fills placeholders", () => {
    expect(fill("第 {{page}} 页 / 共 {{pages}} 页", { page: 1, pages: 3 })).toBe("第 1 页 / 共 3 页");
  });
});
