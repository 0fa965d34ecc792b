// Statistics against a real database and its replica: what a chart or report counted live at a moment
// is exactly what it counts as of that moment later, after people were added, changed, deleted and
// restored — and after a restart from the snapshot. Plus the time axes and bad input.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "../../app/core/errors.ts";
import type { Caller } from "../../app/core/services.server.ts";
import { buildId } from "../../app/people/identity/id-fixtures.ts";
import { addDays, addYears, todayInChina } from "../../app/people/normalise/calendar.ts";
import { deleteRecords, restoreRecords } from "../../app/people/records/recycle.server.ts";
import { createRecord, updateRecord } from "../../app/people/records/write.server.ts";
import { startOfDay } from "../../app/stats/periods.ts";
import type { ChartSpec, ReportDefinition } from "../../app/stats/spec.ts";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { callerFor } from "../../tests/support/factories.ts";
import { openReplica, type Replica } from "../replica.server.ts";
import { asOf } from "./as-of.ts";
import { runChart } from "./chart.server.ts";
import { runReport } from "./report.server.ts";

const pyramid: ChartSpec = {
  title: "年龄金字塔",
  type: "pyramid",
  table: "people",
  rows: { field: "age", bin: 10 },
  columns: { field: "sex" },
  measure: { fn: "count" },
};
const byCommunity: ReportDefinition = {
  table: "people",
  rows: [{ field: "$community" }, { field: "politicalStatus" }],
  columns: [{ field: "specialGroups" }],
  measures: [{ fn: "count" }, { fn: "avg", field: "floorArea" }],
  subtotals: true,
  totals: true,
};

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("statistics live and as of a past moment", () => {
  let t: TestServices;
  let admin: Caller;
  let fengsheng: Caller;
  let erlonglu: Caller;
  let seq = 100;
  const person = async (who: Caller, name: string, years: number, extra: object = {}) => {
    const id = buildId("110102", addDays(addYears(todayInChina(), -years), -40), String(seq++));
    return (
      await createRecord(t.services, who, "people", { values: { name, document: id.number, ...extra } })
    ).id;
  };
  const refresh = async () => (await t.services.analytics.replica("people")).refresh();
  const chart = (spec: ChartSpec, asOf?: string, who = admin) =>
    runChart(t.services, who, { chart: spec, asOf });
  const report = (asOf?: string, who = admin) =>
    runReport(t.services, who, byCommunity, { name: "社区情况", asOf });
  const numbers = (result: object) => ({ ...result, moment: undefined });

  beforeAll(async () => {
    t = await createTestServices({ demoPeople: 60 });
    admin = await callerFor(t.services, "admin");
    fengsheng = await callerFor(t.services, "fengsheng");
    erlonglu = await callerFor(t.services, "erlonglu");
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it("counts as of a moment exactly what it counted live at that moment", async () => {
    const leaving = [await person(fengsheng, "将迁出", 45), await person(erlonglu, "将恢复", 52)];
    const changing = [
      await person(fengsheng, "将入党", 29, { politicalStatus: "群众", floorArea: 70 }),
      await person(fengsheng, "将变化", 77, { specialGroups: ["空巢老人"] }),
      await person(erlonglu, "将脱困", 63, { specialGroups: ["低保户"] }),
    ];
    await refresh();
    const before = {
      pyramid: await chart(pyramid),
      report: await report(),
      scoped: await report(undefined, fengsheng),
    };
    const moment = new Date().toISOString();
    await pause();

    // A day's work: new people, changed fields, a move out of 特殊人群, deletions and one restore.
    const added = [
      await person(fengsheng, "新来甲", 34, {
        specialGroups: ["低保户"],
        politicalStatus: "中共党员",
        floorArea: 50,
      }),
      await person(fengsheng, "新来乙", 81, { specialGroups: ["独居老人"] }),
      await person(erlonglu, "新来丙", 8),
    ];
    await updateRecord(t.services, fengsheng, changing[0]!, {
      values: { politicalStatus: "中共党员", floorArea: 99 },
    });
    await updateRecord(t.services, fengsheng, changing[1]!, {
      values: { specialGroups: ["独居老人", "残疾人"] },
    });
    await updateRecord(t.services, admin, changing[2]!, { values: { specialGroups: [] } });
    await deleteRecords(t.services, admin, { ids: [...leaving, added[2]!] });
    await restoreRecords(t.services, admin, { ids: [leaving[1]!] });
    await refresh();

    const after = { pyramid: await chart(pyramid), report: await report() };
    expect(numbers(after.report)).not.toEqual(numbers(before.report));
    expect(after.report.rows.at(-1)!.total[0]).toBe(before.report.rows.at(-1)!.total[0]! + 2 - 1);

    const asOf = {
      pyramid: await chart(pyramid, moment),
      report: await report(moment),
      scoped: await report(moment, fengsheng),
    };
    expect(numbers(asOf.pyramid)).toEqual(numbers(before.pyramid));
    expect(numbers(asOf.report)).toEqual(numbers(before.report));
    expect(numbers(asOf.scoped)).toEqual(numbers(before.scoped));
    expect(asOf.report.moment).toMatchObject({ live: false, day: todayInChina() });
  });

  it("gives the same past after a restart from the snapshot", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "linli-history-"));
    const moment = Date.now() - 2_000;
    const sql = asOf((await t.services.analytics.replica("people")).columns, moment).rewrite(
      `SELECT "politicalStatus" AS k, list_sort(list("specialGroups")) AS g, count(*) AS n
         FROM records r WHERE NOT r.deleted GROUP BY k ORDER BY k`,
    );
    const read = async (replica: Replica) => ({
      versions: Number(
        (
          await replica.connection.runAndReadAll("SELECT count(*) AS n FROM history_versions")
        ).getRowObjectsJS()[0]!.n,
      ),
      past: JSON.stringify((await replica.connection.runAndReadAll(sql)).getRowObjectsJS(), (_, v) =>
        typeof v === "bigint" ? Number(v) : v,
      ),
    });
    const loaded = await openReplica(t.services, "people", { snapshotDir: dir });
    expect(loaded.origin.source).toBe("full");
    const expected = await read(loaded);
    expect(expected.versions).toBeGreaterThan(60);
    await loaded.saveSnapshot({ force: true });
    await loaded.close();
    const restored = await openReplica(t.services, "people", { snapshotDir: dir });
    expect(restored.origin.source).toBe("snapshot");
    expect(await read(restored)).toEqual(expected);
    await restored.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("counts what happened per day, and what the table held at each day's end", async () => {
    const today = todayInChina();
    const flow = await chart({
      title: "人员变动",
      type: "line",
      table: "people",
      measure: { fn: "count" },
      time: { mode: "flow", period: "day", from: addDays(today, -2), to: today },
    });
    if (flow.kind !== "time") throw new Error("expected a time chart");
    expect(flow.periods.map((p) => p.key)).toEqual([addDays(today, -2), addDays(today, -1), today]);
    const of = (code: string) => flow.series.find((s) => s.key.code === code)!.values;
    // The demo people came in on their 登记日期 over the years; the test's eight people today.
    const today0 = startOfDay(today);
    const createdToday = await t.services.db
      .selectFrom("record_versions")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("kind", "=", "create")
      .where("at", ">=", today0)
      .executeTakeFirstOrThrow();
    expect(Number(createdToday.n)).toBeGreaterThanOrEqual(8);
    expect(of("create")[2]).toBe(Number(createdToday.n));
    expect(of("update")[2]).toBe(3);
    expect(of("delete")[2]).toBe(3);
    expect(of("restore")[2]).toBe(1);

    const stock = await chart({
      title: "期末人数",
      type: "bar",
      table: "people",
      rows: { field: "$community" },
      measure: { fn: "count" },
      time: { mode: "stock", period: "day", from: addDays(today, -1), to: today },
    });
    if (stock.kind !== "time") throw new Error("expected a time chart");
    const sum = (point: number) => stock.series.reduce((total, s) => total + (s.values[point] ?? 0), 0);
    const byCommunity = {
      ...pyramid,
      rows: { field: "$community" },
      columns: undefined,
      type: "bar" as const,
    };
    const total = async (asOf?: string) => {
      const result = await chart(byCommunity, asOf);
      if (result.kind !== "categories") throw new Error("expected categories");
      return result.total;
    };
    // Yesterday's end as of yesterday, today's point live; the test's people all came today.
    expect(sum(0)).toBe(await total(addDays(today, -1)));
    expect(sum(1)).toBe(await total());
    // What the day added: the flow's arrivals less its departures, plus the one restored.
    expect(sum(1) - sum(0)).toBe(of("create")[2]! - of("delete")[2]! + of("restore")[2]!);
    expect(of("delete")[2]).toBe(3);
  });

  it("answers bad input with a sentence, and an empty past with an empty result", async () => {
    const message = async (work: Promise<unknown>) => {
      try {
        await work;
      } catch (error) {
        if (isAppError(error)) return { status: error.status, message: error.message };
        throw error;
      }
      throw new Error("expected a refusal");
    };
    expect(await message(report("2999-01-01"))).toMatchObject({
      status: 400,
      message: expect.stringContaining("不能晚于今天"),
    });
    expect(await message(report("2025-02-30"))).toMatchObject({
      status: 400,
      message: expect.stringContaining("不是有效日期"),
    });
    expect(
      await message(chart({ ...pyramid, rows: { field: "mobile" }, columns: undefined }, "2025-01-01")),
    ).toMatchObject({ status: 400 });
    const past = await report("2001-01-01");
    expect(past.empty).toBe(true);
    expect(past.rows).toEqual([]);
  });
});
