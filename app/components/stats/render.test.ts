// The statistics components render on the server (no browser globals at render time): a placeholder
// where Recharts will draw, the numbers in a table, the empty and the error states, and the forms.
import { createElement, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createRoutesStub } from "react-router";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../i18n/index.ts";
import { BuilderForm } from "./BuilderForm.tsx";
import { initialState } from "./builder.ts";
import { ChartCard } from "./ChartCard.tsx";
import { Dashboard } from "./Dashboard.tsx";
import { barResult, FIELDS, pyramidResult, timeResult } from "./fixtures.test-support.ts";
import { ReportForm } from "./ReportForm.tsx";
import { initialReport } from "./report.ts";
import { StatChart } from "./StatChart.tsx";

function render(element: ReactElement, lang: "zh-CN" | "en" = "zh-CN"): string {
  const Stub = createRoutesStub([{ id: "root", path: "/", Component: () => element }]);
  return renderToString(
    createElement(
      I18nextProvider,
      { i18n: createI18n(lang) },
      createElement(Stub, {
        initialEntries: ["/"],
        hydrationData: {
          loaderData: { root: { lang, csrfToken: "t", demo: false, user: { actions: ["stats.read"] } } },
        },
      }),
    ),
  );
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("statistics components render on the server", () => {
  it("a pyramid: a placeholder of fixed height, its numbers with separators, oldest band first", () => {
    const html = render(createElement(StatChart, { result: pyramidResult() }));
    expect(html).toContain("正在绘制图表");
    expect(html).toMatch(/style="height:\d+px"/);
    expect(html).toContain("查看数据表");
    expect(html).toContain("1,200");
    // The table lists the bands as the server sent them; the drawing turns them oldest first.
    expect(text(html)).toContain("年龄 女 男 合计");
  });

  it("「暂无数据」 when everything is zero, and a plain table for the table type", () => {
    expect(render(createElement(StatChart, { result: barResult([0, 0]) }))).toContain("暂无数据");
    const table = render(createElement(StatChart, { result: barResult(), type: "table" }));
    expect(table).toContain("<table");
    expect(table).not.toContain("正在绘制图表");
    expect(text(table)).toContain("丰盛社区 1,234");
  });

  it("a card says which moment its numbers are from, or why it cannot be drawn", () => {
    const ok = render(createElement(ChartCard, { outcome: { ok: true, result: barResult() } }));
    expect(ok).toContain("截至 2025-12-31");
    const time = render(createElement(ChartCard, { outcome: { ok: true, result: timeResult() } }));
    expect(time).toContain("2026-01-01 至 2026-02-28");
    const failed = render(
      createElement(ChartCard, {
        outcome: { ok: false, title: "特殊人群", error: "字段“特殊人群”已删除 / The field was removed" },
      }),
    );
    expect(failed).toContain('role="alert"');
    expect(failed).toContain("图表无法显示：字段“特殊人群”已删除");
    const english = render(
      createElement(ChartCard, {
        outcome: { ok: false, title: "特殊人群", error: "字段“特殊人群”已删除 / The field was removed" },
      }),
      "en",
    );
    expect(english).toContain("The chart cannot be shown: The field was removed");
  });

  it("the builder and report forms and the dashboard render before their data arrives", () => {
    const builder = render(
      createElement(BuilderForm, {
        state: { ...initialState("2026-05-11"), rows: "age", rowsBin: "5" },
        onChange: () => {},
        fields: FIELDS,
        problems: { columns: "pyramidColumns" },
        titlePlaceholder: "年龄",
        today: "2026-05-11",
      }),
    );
    expect(builder).toContain("分段");
    expect(builder).toContain("人口金字塔需要第二分组");
    const report = render(
      createElement(ReportForm, {
        state: initialReport(),
        onChange: () => {},
        fields: FIELDS,
        problems: {},
        namePlaceholder: "社区",
        today: "2026-05-11",
      }),
    );
    expect(report).toContain("行分组");
    expect(report).toContain("小计");
    const dashboard = render(createElement(Dashboard, { today: "2026-05-11" }));
    expect(dashboard).toContain("对比");
    expect(dashboard).toContain("实时");
  });
});
