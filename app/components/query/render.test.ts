// Every panel renders on the server (no browser globals at render time) with Chinese text in it.
import { createElement, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createRoutesStub } from "react-router";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../i18n/index.ts";
import type { FilterGroup } from "../../query/view.ts";
import { ColourLegend } from "./ColourLegend.tsx";
import { ColourPicker } from "./ColourPicker.tsx";
import { ColourRuleEditor } from "./ColourRuleEditor.tsx";
import { ConditionBuilder } from "./ConditionBuilder.tsx";
import { CrossTableView } from "./CrossTableView.tsx";
import { FacetPanel } from "./FacetPanel.tsx";
import { TABLE } from "./fixtures.test-support.ts";
import { SavedViewMenu } from "./SavedViewMenu.tsx";
import { StatsPanel } from "./StatsPanel.tsx";
import { TreeFilter } from "./TreeFilter.tsx";

function render(element: ReactElement, lang: "zh-CN" | "en" = "zh-CN"): string {
  const Stub = createRoutesStub([{ id: "root", path: "/", Component: () => element }]);
  return renderToString(
    createElement(
      I18nextProvider,
      { i18n: createI18n(lang) },
      createElement(Stub, {
        initialEntries: ["/"],
        hydrationData: { loaderData: { root: { lang, csrfToken: "t", demo: false, user: null } } },
      }),
    ),
  );
}

const noop = () => {};
const filter: FilterGroup = {
  kind: "group",
  join: "or",
  items: [
    {
      kind: "group",
      join: "and",
      items: [
        { kind: "condition", field: "age", op: "gte", value: 70 },
        { kind: "condition", field: "specialGroups", op: "has_any", values: ["dj"] },
      ],
    },
    { kind: "condition", field: "lowIncome", op: "eq", value: true },
    { kind: "condition", field: "floorArea", op: "between", values: [60, 90] },
    { kind: "condition", field: "birthDate", op: "age_between", values: [60, 80] },
    { kind: "condition", field: "registeredOn", op: "last_n_days", value: 30 },
    { kind: "condition", field: "category", op: "in", values: ["hj"] },
    { kind: "condition", field: "name", op: "in", values: ["张三", "李四"] },
    { kind: "condition", field: "mobile", op: "empty" },
    { kind: "condition", field: "registeredOn", op: "before", value: "2024-01-31" },
  ],
};

describe("query panels render on the server", () => {
  it("condition builder shows the groups, the operands and the summary", () => {
    const html = render(
      createElement(ConditionBuilder, {
        table: TABLE,
        value: filter,
        onChange: noop,
        error: {
          message: "第 2 个条件（低保户）：应为 是 或 否 / Condition 2: yes or no",
          fields: { "filter.2": "应为 是 或 否" },
        },
      }),
    );
    expect(html).toContain("多条件查询");
    expect(html).toContain("并且");
    expect(html).toContain("（年龄 ≥ 70 并且 特殊人群 包含 独居老人）或者 低保户");
    expect(html).toContain("张三，李四");
    expect(html).toContain("应为 是 或 否");
    expect(html).toContain('type="date"');
    expect(
      render(createElement(ConditionBuilder, { table: TABLE, value: undefined, onChange: noop }), "en"),
    ).toContain("Add condition");
  });

  it("facets, trees, colours, views and statistics", () => {
    const query = { search: "王" };
    expect(
      render(
        createElement(FacetPanel, { table: TABLE, query, value: { specialGroups: ["dj"] }, onChange: noop }),
      ),
    ).toContain("特殊人群");
    const tree = render(
      createElement(TreeFilter, { table: TABLE, query, value: { orgId: 5 }, onChange: noop }),
    );
    expect(tree).toContain("丰盛社区");
    expect(tree).toContain("第一网格");
    expect(tree).toContain("全部地址");
    const rules = [{ field: "specialGroups", values: ["dj"], colour: "#f97316", target: "row" as const }];
    const legend = render(
      createElement(ColourLegend, {
        table: TABLE,
        value: { colourRules: rules, colours: ["#f97316"] },
        onChange: noop,
      }),
    );
    expect(legend).toContain("特殊人群 = 独居老人");
    expect(legend).toContain("颜色规则（1）");
    expect(render(createElement(ColourRuleEditor, { table: TABLE, value: rules, onChange: noop }))).toContain(
      "独居老人",
    );
    expect(render(createElement(ColourPicker, { tableKey: "people", onPick: noop }))).toContain("清除颜色");
    expect(
      render(
        createElement(SavedViewMenu, {
          table: TABLE,
          current: {},
          activeId: 3,
          activeName: "独居老人",
          onLoad: noop,
        }),
      ),
    ).toContain("保存的查询");
    expect(render(createElement(StatsPanel, { table: TABLE, query }))).toContain("人员类别");
  });

  it("cross table with totals", () => {
    const html = render(
      createElement(CrossTableView, {
        caption: "按人员类别和性别交叉统计",
        corner: "人员类别",
        measures: [{ label: "人数", fn: "count" }],
        table: {
          groups: [
            { label: "男", span: 1, total: false },
            { label: "合计", span: 1, total: true },
          ],
          leaves: [0, 0],
          rows: [{ label: "户籍人口", values: [1200, 1200] }],
          footer: { label: "合计", values: [1200, 1200] },
        },
      }),
    );
    expect(html).toContain("1,200");
    expect(html).toContain("<tfoot");
  });
});
