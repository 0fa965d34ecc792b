import { describe, expect, it } from "vitest";
import { barResult, pyramidResult, timeResult } from "./fixtures.test-support.ts";
import {
  formatNumber,
  isEmptyChart,
  matrixOf,
  pieSlices,
  pyramidOf,
  rowsOf,
  symmetricTicks,
} from "./shape.ts";

describe("chart shaping", () => {
  it("names a lone series after the measure and keys rows by series index", () => {
    const matrix = matrixOf(barResult());
    expect(matrix.series.map((s) => s.label)).toEqual(["人数"]);
    expect(rowsOf(matrix)).toEqual([
      { name: "丰盛社区", s0: 1234 },
      { name: "二龙路社区", s0: 56 },
    ]);
  });

  it("labels periods and the empty category", () => {
    expect(matrixOf(timeResult()).labels).toEqual(["2026年1月", "2026年2月"]);
    expect(matrixOf(pyramidResult(), "未填写").labels.at(-1)).toBe("未填写");
  });

  it("puts 男 left as negative bars, 女 right, oldest band on top and the empty band last", () => {
    const p = pyramidOf(matrixOf(pyramidResult(), "未填写"));
    expect(p.leftLabel).toBe("男");
    expect(p.rightLabel).toBe("女");
    expect(p.rows.map((r) => r.name)).toEqual(["10-14", "5-9", "0-4", "未填写"]);
    expect(p.rows[0]).toEqual({ name: "10-14", left: -1200, right: 6 });
    expect(p.max).toBe(1200);
  });

  it("keeps the server's order when bands carry no numbers", () => {
    const result = pyramidResult();
    result.categories = [
      { code: "a", label: "老年" },
      { code: "b", label: "青年" },
      { code: "c", label: "少年" },
      { code: "d", label: "幼儿" },
    ];
    expect(pyramidOf(matrixOf(result)).rows.map((r) => r.name)).toEqual(["老年", "青年", "少年", "幼儿"]);
  });

  it("is empty when every value is zero or null, or nothing was grouped", () => {
    expect(isEmptyChart(barResult([0, null]))).toBe(true);
    expect(isEmptyChart(barResult([0, 1]))).toBe(false);
    expect(isEmptyChart({ ...barResult(), categories: [], series: [] })).toBe(true);
    expect(isEmptyChart(timeResult())).toBe(false);
  });

  it("adds series up for a pie of counts, and leaves out empty slices", () => {
    const matrix = matrixOf(pyramidResult());
    expect(pieSlices(matrix, true)).toEqual([
      { name: "0-4", value: 7 },
      { name: "5-9", value: 12 },
      { name: "10-14", value: 1206 },
      { name: "—", value: 1 },
    ]);
    expect(pieSlices(matrixOf(barResult([5, 0])), false)).toEqual([{ name: "丰盛社区", value: 5 }]);
  });

  it("formats numbers with thousands separators", () => {
    expect(formatNumber(1234567, "zh-CN")).toBe("1,234,567");
    expect(formatNumber(12.345, "en")).toBe("12.35");
    expect(formatNumber(null, "zh-CN")).toBe("—");
  });
});

describe("the pyramid's ticks", () => {
  it("are round, symmetric and reach the longest bar", () => {
    expect(symmetricTicks(31)).toEqual([-40, -20, 0, 20, 40]);
    expect(symmetricTicks(1200)).toEqual([-1500, -1000, -500, 0, 500, 1000, 1500]);
    expect(symmetricTicks(3)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(symmetricTicks(0)).toEqual([-1, 0, 1]);
  });
});
