import { describe, expect, it } from "vitest";
import { fieldLabel } from "./fields.ts";
import { FIELDS } from "./fixtures.test-support.ts";
import { buildReport, initialReport, type ReportState, stateOfReport, suggestedName } from "./report.ts";

const state = (patch: Partial<ReportState>): ReportState => ({ ...initialReport(), ...patch });

describe("the report builder's definition", () => {
  it("builds 社区 × 特殊人群 with subtotals and totals", () => {
    const s = state({ columns: [{ field: "specialGroups", bin: "" }] });
    expect(buildReport(s, FIELDS)).toEqual({
      problems: null,
      definition: {
        table: "people",
        rows: [{ field: "$community" }],
        columns: [{ field: "specialGroups" }],
        measures: [{ fn: "count" }],
        subtotals: true,
        totals: true,
      },
    });
    expect(suggestedName(s, (k) => fieldLabel(FIELDS, k))).toBe("社区 × 特殊人群");
  });

  it("keeps three row levels, bands, several measures, a view and a fixed day", () => {
    const s = state({
      rows: [
        { field: "$community", bin: "" },
        { field: "$grid", bin: "" },
        { field: "age", bin: "10" },
      ],
      measures: [
        { fn: "count", field: "" },
        { fn: "avg", field: "floorArea" },
      ],
      subtotals: false,
      viewId: 4,
      asOf: "2025-12-31",
    });
    const { definition } = buildReport(s, FIELDS);
    expect(definition).toMatchObject({
      rows: [{ field: "$community" }, { field: "$grid" }, { field: "age", bin: 10 }],
      measures: [{ fn: "count" }, { fn: "avg", field: "floorArea" }],
      subtotals: false,
      viewId: 4,
      asOf: "2025-12-31",
    });
    expect(stateOfReport({ name: "n", shared: false, definition: definition! })).toEqual({ ...s, name: "n" });
  });

  it("says where it is wrong: a field grouped twice, a band of text, a sum of nothing", () => {
    const s = state({
      rows: [
        { field: "sex", bin: "5" },
        { field: "$community", bin: "" },
      ],
      columns: [{ field: "$community", bin: "" }],
      measures: [{ fn: "sum", field: "" }],
    });
    expect(buildReport(s, FIELDS).problems).toEqual({
      "rows.0": "binNumber",
      "columns.0": "sameField",
      "measures.0": "measureField",
    });
    expect(buildReport(state({ rows: [] }), FIELDS).problems).toEqual({ "rows.0": "rows" });
  });
});
