// A pivot report's numbers for people a test knows one by one: counts per 社区 and 网格 × 特殊人群, a person
// with two special groups under each but once in the totals, averages merged across grids exactly, and
// subtotals after each community. Plus the flow chart adding days up into weeks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "../../app/core/services.server.ts";
import { buildId } from "../../app/people/identity/id-fixtures.ts";
import { addDays, addYears, todayInChina } from "../../app/people/normalise/calendar.ts";
import { createRecord } from "../../app/people/records/write.server.ts";
import { periodOf } from "../../app/stats/periods.ts";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { callerFor, orgId } from "../../tests/support/factories.ts";
import { runChart } from "./chart.server.ts";
import { runReport } from "./report.server.ts";

// The test's own people (the demo install has residents' records of its own).
const ownPeople = {
  filter: {
    kind: "group" as const,
    join: "and" as const,
    items: [{ kind: "condition" as const, field: "name", op: "starts_with" as const, value: "居民" }],
  },
};

describe("pivot report", () => {
  let t: TestServices;
  let admin: Caller;
  let seq = 300;

  beforeAll(async () => {
    t = await createTestServices({ demoPeople: 0 });
    admin = await callerFor(t.services, "admin");
    const grid = async (community: string, name: string) => orgId(t.services, name, community);
    const people: [string, string, string[], number][] = [
      ["丰盛社区", "第一网格", ["独居老人"], 40],
      ["丰盛社区", "第一网格", ["独居老人", "残疾人"], 60],
      ["丰盛社区", "第二网格", [], 80],
      ["二龙路社区", "第一网格", ["低保户"], 50],
    ];
    for (const [community, gridName, groups, area] of people) {
      const number = buildId("110102", addDays(addYears(todayInChina(), -40), -seq), String(seq++)).number;
      await createRecord(t.services, admin, "people", {
        orgId: await grid(community, gridName),
        values: { name: `居民${seq}`, document: number, specialGroups: groups, floorArea: area },
      });
    }
    await (await t.services.analytics.replica("people")).refresh();
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it("counts by community and grid × special group, with subtotals and totals", async () => {
    const result = await runReport(
      t.services,
      admin,
      {
        table: "people",
        rows: [{ field: "$community" }, { field: "$grid" }],
        columns: [{ field: "specialGroups" }],
        measures: [{ fn: "count" }, { fn: "avg", field: "floorArea" }],
        subtotals: true,
        totals: true,
        query: ownPeople,
      },
      { name: "测试" },
    );
    expect(result.columns.map((c) => c.path.map((k) => k.label).join())).toEqual([
      "独居老人",
      "低保户",
      "残疾人",
    ]);
    const line = (r: (typeof result.rows)[number]) => [
      r.kind,
      r.path.map((k) => k.label).join("/"),
      r.values.map((v) => v[0]),
      r.total,
    ];
    // Communities in the org tree's order (二龙路社区 comes first in it).
    expect(result.rows.map(line)).toEqual([
      ["cell", "二龙路社区/第一网格", [null, 1, null], [1, 50]],
      ["subtotal", "二龙路社区", [null, 1, null], [1, 50]],
      ["cell", "丰盛社区/第一网格", [2, null, 1], [2, 50]],
      ["cell", "丰盛社区/第二网格", [null, null, null], [1, 80]],
      ["subtotal", "丰盛社区", [2, null, 1], [3, 60]],
      ["total", "", [2, 1, 1], [4, 57.5]],
    ]);
    expect(result.rows[2]!.values[0]).toEqual([2, 50]);
    expect(result.empty).toBe(false);
  });

  it("adds the days of a week up in a flow chart", async () => {
    const today = todayInChina();
    const chart = await runChart(t.services, admin, {
      chart: {
        title: "变动",
        type: "bar",
        table: "people",
        measure: { fn: "count" },
        time: { mode: "flow", period: "week", from: addDays(today, -7), to: today },
        query: ownPeople,
      },
    });
    if (chart.kind !== "time") throw new Error("expected a time chart");
    expect(chart.periods.at(-1)!.key).toBe(periodOf(today, "week").key);
    expect(chart.series.find((s) => s.key.code === "create")!.values.at(-1)).toBe(4);
  });
});
