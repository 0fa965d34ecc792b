import { describe, expect, it } from "vitest";
import {
  type BuilderState,
  buildSpec,
  chartRequest,
  initialState,
  stateOfSpec,
  suggestedTitle,
} from "./builder.ts";
import { fieldLabel } from "./fields.ts";
import { FIELDS } from "./fixtures.test-support.ts";

const state = (patch: Partial<BuilderState>): BuilderState => ({ ...initialState("2026-05-11"), ...patch });

describe("the chart builder's spec", () => {
  it("builds an age pyramid: age in bands of 5, then sex, counted", () => {
    const built = buildSpec(
      state({ title: "年龄金字塔", type: "pyramid", rows: "age", rowsBin: "5", columns: "sex" }),
      FIELDS,
    );
    expect(built.problems).toBeNull();
    expect(built.spec).toEqual({
      title: "年龄金字塔",
      type: "pyramid",
      table: "people",
      rows: { field: "age", bin: 5 },
      columns: { field: "sex" },
      measure: { fn: "count" },
    });
  });

  it("uses the suggested title while none is written, and names what is missing", () => {
    const s = state({ rows: "$community", columns: "specialGroups" });
    const title = suggestedTitle(s, (k) => fieldLabel(FIELDS, k));
    expect(title).toBe("社区 × 特殊人群");
    expect(buildSpec(s, FIELDS, title).spec?.title).toBe("社区 × 特殊人群");
    expect(buildSpec(state({ rows: "" }), FIELDS).problems).toEqual({ title: "title", rows: "rows" });
  });

  it("refuses combinations that cannot be drawn", () => {
    const problems = (patch: Partial<BuilderState>) =>
      buildSpec(state({ title: "x", ...patch }), FIELDS).problems;
    expect(problems({ type: "pyramid", rows: "age" })).toEqual({ columns: "pyramidColumns" });
    expect(problems({ type: "pie", columns: "sex" })).toEqual({ columns: "pieColumns" });
    expect(problems({ columns: "$community" })).toEqual({ columns: "sameField" });
    expect(problems({ rows: "sex", rowsBin: "5" })).toEqual({ rowsBin: "binNumber" });
    expect(problems({ rows: "age", rowsBin: "0" })).toEqual({ rowsBin: "bin" });
    expect(problems({ fn: "avg", measureField: "sex" })).toEqual({ measure: "measureField" });
    expect(problems({ time: true, from: "2026-05-01", to: "2026-04-01" })).toEqual({ time: "dateOrder" });
  });

  it("counts along time by week, the grouping naming the series, and drops a second grouping", () => {
    const built = buildSpec(
      state({
        title: "每周新增",
        type: "pie",
        time: true,
        timeMode: "flow",
        period: "week",
        from: "2026-01-01",
        to: "2026-03-31",
        rows: "",
        columns: "sex",
      }),
      FIELDS,
    );
    expect(built.spec).toMatchObject({
      type: "line",
      time: { mode: "flow", period: "week", from: "2026-01-01", to: "2026-03-31" },
    });
    expect(built.spec?.rows).toBeUndefined();
    expect(built.spec?.columns).toBeUndefined();
  });

  it("averages a number field under a saved view, as of a day", () => {
    const built = buildSpec(
      state({ title: "平均面积", rows: "$grid", fn: "avg", measureField: "floorArea", viewId: 7 }),
      FIELDS,
    );
    expect(built.spec).toMatchObject({ viewId: 7, measure: { fn: "avg", field: "floorArea" } });
    expect(chartRequest(built.spec!, "2025-12-31")).toEqual({ chart: built.spec, asOf: "2025-12-31" });
    expect(chartRequest(built.spec!, "")).toEqual({ chart: built.spec });
  });

  it("reads a saved chart back into the form", () => {
    const spec = buildSpec(
      state({ title: "年龄金字塔", type: "pyramid", rows: "age", rowsBin: "5", columns: "sex", viewId: 3 }),
      FIELDS,
    ).spec!;
    const back = stateOfSpec(spec, "2026-05-11");
    expect(buildSpec(back, FIELDS).spec).toEqual(spec);
  });
});
