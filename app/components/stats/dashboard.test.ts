import { describe, expect, it } from "vitest";
import type { ChartSpec } from "../../stats/spec.ts";
import { choiceOf, daysBefore, moveChart, paramsOf, removeChart } from "./dashboard.ts";

const chart = (title: string): ChartSpec => ({
  title,
  type: "bar",
  table: "people",
  measure: { fn: "count" },
});

describe("the dashboard page's choices and edits", () => {
  it("round-trips its choices through the URL and ignores what is malformed", () => {
    const choice = { board: 12, asOf: "", compare: "2026-01-31", viewId: 3 };
    expect(choiceOf(paramsOf(choice))).toEqual(choice);
    expect(paramsOf(choice).toString()).toBe("d=12&cmp=2026-01-31&view=3");
    expect(choiceOf(new URLSearchParams("d=x&asOf=2026-13&view=-1"))).toEqual({
      board: null,
      asOf: "",
      compare: null,
      viewId: null,
    });
    // 对比 with a live second side.
    expect(choiceOf(new URLSearchParams("asOf=2025-12-31&cmp="))).toMatchObject({
      asOf: "2025-12-31",
      compare: "",
    });
  });

  it("moves and removes charts, leaving the ends alone", () => {
    const d = { charts: [chart("a"), chart("b"), chart("c")] };
    expect(moveChart(d, 1, -1).charts.map((c) => c.title)).toEqual(["b", "a", "c"]);
    expect(moveChart(d, 2, 1)).toBe(d);
    expect(removeChart(d, 0).charts.map((c) => c.title)).toEqual(["b", "c"]);
  });

  it("counts days back across months and years", () => {
    expect(daysBefore("2026-01-10", 30)).toBe("2025-12-11");
  });
});
