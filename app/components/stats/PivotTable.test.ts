// The report table renders on the server: header spans, 小计 / 合计 rows, the empty state, print hooks.
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../i18n/index.ts";
import { EMPTY_PIVOT, PIVOT } from "../../stats/report-fixture.test-support.ts";
import type { PivotResult } from "../../stats/results.ts";
import { PivotTable } from "./PivotTable.tsx";

function render(result: PivotResult, lang: "zh-CN" | "en" = "zh-CN"): string {
  return renderToString(
    createElement(I18nextProvider, { i18n: createI18n(lang) }, createElement(PivotTable, { result })),
  );
}

/** The visible text of each <tr> of a part of the table, cells joined by "|". */
function rows(html: string, part: "thead" | "tbody"): string[] {
  const inner = new RegExp(`<${part}[^>]*>(.*?)</${part}>`, "s").exec(html)?.[1] ?? "";
  return [...inner.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((m) =>
    [...m[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((c) => c[1]!.replace(/<[^>]+>/g, "")).join("|"),
  );
}

describe("PivotTable", () => {
  const html = render(PIVOT);

  it("shows the title, the as-of line and a print root", () => {
    expect(html).toContain("各社区特殊人群统计");
    expect(html).toContain("截至 2026-06-30");
    expect(html).toMatch(/<section[^>]*data-print-root=""/);
  });

  it("spans each special group over its measures and 合计 down over the group level", () => {
    expect(rows(html, "thead")).toEqual([
      "社区|网格|低保户|残疾人|独居老人|合计",
      "人数|平均年龄|人数|平均年龄|人数|平均年龄|人数|平均年龄",
    ]);
    expect(html).toMatch(/<th[^>]*rowSpan="2"[^>]*>社区<\/th>/);
    expect(html).toMatch(/<th[^>]*colSpan="2"[^>]*>低保户<\/th>/);
    expect(html).toMatch(/<th[^>]*colSpan="2"[^>]*>合计<\/th>/);
  });

  it("merges each community over its rows and ends with bold 小计 and 合计 rows", () => {
    expect(rows(html, "tbody")).toEqual([
      "丰盛社区|第一网格|1,234|61.46|87|55.50|0|–|1,290|60.12",
      "第二网格|342|63.00|45|48.25|19|81.20|398|62.70",
      "小计|1,576|61.90|132|53.07|19|81.20|1,688|60.71",
      "二龙路社区|第一网格|508|66.60|71|57.75|33|79.03|590|65.50",
      "小计|508|66.60|71|57.75|33|79.03|590|65.50",
      "合计|2,084|63.05|203|54.86|52|79.82|2,278|61.95",
    ]);
    expect(html).toMatch(/<th[^>]*rowSpan="3"[^>]*>丰盛社区<\/th>/);
    expect(html).toMatch(/<tr data-kind="subtotal" class="font-semibold/);
    expect(html).toMatch(/<tr data-kind="total" class="font-semibold/);
    expect(html).toMatch(/<th[^>]*colSpan="2"[^>]*>合计<\/th>/);
    expect(html).not.toContain("null");
  });

  it("marks a wide table for landscape printing", () => {
    expect(html).toMatch(/data-print-wide=""/);
    const narrow = render({ ...PIVOT, columnFields: [], columns: [{ path: [] }] });
    expect(narrow).not.toContain("data-print-wide");
  });

  it("shows an empty state when nothing matched", () => {
    const empty = render(EMPTY_PIVOT);
    expect(empty).toContain("没有符合条件的记录");
    expect(empty).toContain("实时数据（2026-12-07 10:30）");
    expect(empty).not.toContain("<table");
  });

  it("speaks English", () => {
    const en = render(PIVOT, "en");
    expect(en).toContain("As of 2026-06-30");
    expect(en).toContain("Subtotal");
  });
});
