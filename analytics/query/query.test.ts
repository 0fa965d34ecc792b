// The query engine against a real database and its replica: the nine modes as a newcomer uses them —
// nested conditions, pinyin sort and search, facets, statistics, colours, computed columns — inside the
// reader's scope, and bad input answered with a 400 that names the problem.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "../../app/core/errors.ts";
import type { Caller } from "../../app/core/services.server.ts";
import { buildId } from "../../app/people/identity/id-fixtures.ts";
import { addDays, addYears, todayInChina } from "../../app/people/normalise/calendar.ts";
import { createRecord, updateRecord } from "../../app/people/records/write.server.ts";
import type { FilterGroup, ViewQuery } from "../../app/query/view.ts";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { callerFor, orgId } from "../../tests/support/factories.ts";
import { facetCounts, footerTotals, groupRecords, matchingIds, queryWindow } from "./index.server.ts";

const born = (years: number, seq: string) =>
  buildId("110102", addDays(addYears(todayInChina(), -years), -40), seq);

describe("query engine", () => {
  let t: TestServices;
  let fengsheng: Caller;
  let erlonglu: Caller;
  const ids: Record<string, number> = {};

  const person = async (who: Caller, name: string, years: number, seq: string, extra: object = {}) => {
    const created = await createRecord(t.services, who, "people", {
      values: { name, document: born(years, seq).number, ...extra },
    });
    ids[name] = created.id;
  };

  beforeAll(async () => {
    t = await createTestServices({ demoPeople: 0 });
    fengsheng = await callerFor(t.services, "fengsheng");
    erlonglu = await callerFor(t.services, "erlonglu");
    await person(fengsheng, "张三丰", 76, "131", { specialGroups: ["独居老人"], floorArea: 60 });
    await person(fengsheng, "李四", 36, "151", { specialGroups: ["低保户"], floorArea: 45.5 });
    await person(fengsheng, "王五", 71, "171", { specialGroups: ["空巢老人"] });
    await person(fengsheng, "赵六", 66, "182", { specialGroups: ["独居老人"], mobile: "13912345678" });
    await person(fengsheng, "陈七", 26, "192", { floorArea: 80 });
    await person(erlonglu, "阿毛", 74, "113", { specialGroups: ["独居老人"] });
  });
  afterAll(async () => {
    await t.cleanup();
  });

  const names = async (who: Caller, query: unknown) =>
    (await queryWindow(t.services, who, "people", { query, limit: 50 })).rows.map((r) => r.display.name);

  const elderlyAloneOrLowIncome: FilterGroup = {
    kind: "group",
    join: "or",
    items: [
      {
        kind: "group",
        join: "and",
        items: [
          { kind: "condition", field: "age", op: "gte", value: 70 },
          { kind: "condition", field: "specialGroups", op: "has_any", values: ["独居老人"] },
        ],
      },
      { kind: "condition", field: "specialGroups", op: "has_any", values: ["低保户"] },
    ],
  };

  it("answers a nested AND/OR filter inside the reader's scope, sorted by pinyin", async () => {
    const window = await queryWindow(t.services, fengsheng, "people", {
      query: { filter: elderlyAloneOrLowIncome, sort: [{ field: "name", dir: "asc" }] },
    });
    expect(window.total).toBe(2);
    expect(window.rows.map((r) => r.display.name)).toEqual(["李四", "张三丰"]);
    // The street sees 阿毛 of the other community too.
    const admin = await callerFor(t.services, "admin");
    expect(
      await names(admin, { filter: elderlyAloneOrLowIncome, sort: [{ field: "name", dir: "asc" }] }),
    ).toEqual(["阿毛", "李四", "张三丰"]);
  });

  it("sorts Chinese names by pinyin, both ways, and numbers with blanks last", async () => {
    expect(await names(fengsheng, { sort: [{ field: "name", dir: "asc" }] })).toEqual([
      "陈七",
      "李四",
      "王五",
      "张三丰",
      "赵六",
    ]);
    expect((await names(fengsheng, { sort: [{ field: "name", dir: "desc" }] }))[0]).toBe("赵六");
    // The grid's own 编号 column: newest record first.
    expect((await names(fengsheng, { sort: [{ field: "$id", dir: "desc" }] }))[0]).toBe("陈七");
    expect(await names(fengsheng, { sort: [{ field: "floorArea", dir: "desc" }] })).toEqual([
      "陈七",
      "张三丰",
      "李四",
      "王五",
      "赵六",
    ]);
    expect(await names(fengsheng, { sort: [{ field: "age", dir: "desc" }] })).toEqual([
      "张三丰",
      "王五",
      "赵六",
      "李四",
      "陈七",
    ]);
  });

  it("finds by pinyin initials and by part of a phone number, and masks the number it found", async () => {
    expect(await names(fengsheng, { search: "zsf" })).toEqual(["张三丰"]);
    expect(await names(fengsheng, { search: "zh", sort: [{ field: "name", dir: "desc" }] })).toEqual([
      "赵六",
      "张三丰",
    ]);
    const window = await queryWindow(t.services, fengsheng, "people", { query: { search: "1234567" } });
    expect(window.rows.map((r) => r.display.name)).toEqual(["赵六"]);
    expect(window.rows[0]!.display.mobile).not.toContain("1234567");
    expect(window.rows[0]!.masked).toContain("mobile");
    expect(await names(erlonglu, { search: "zsf" })).toEqual([]);
  });

  it("filters by the org tree and refuses an org outside the scope", async () => {
    const community = await orgId(t.services, "丰盛社区");
    expect((await queryWindow(t.services, fengsheng, "people", { query: { orgId: community } })).total).toBe(
      5,
    );
    await expect(
      queryWindow(t.services, erlonglu, "people", { query: { orgId: community } }),
    ).rejects.toMatchObject({
      status: 400,
    });
  });

  it("counts facets without the field's own selection, and applies the selection to the rows", async () => {
    const query: ViewQuery = { facets: { specialGroups: ["独居老人"] } };
    const [groups, sex] = await facetCounts(t.services, fengsheng, "people", {
      query,
      fields: ["specialGroups", "sex"],
    });
    const count = (label: string) => groups!.values.find((v) => v.label === label)?.count;
    expect(count("独居老人")).toBe(2);
    expect(count("低保户")).toBe(1);
    expect(groups!.values.find((v) => v.label === "独居老人")?.colour).toMatch(/^#/);
    // Sex counts follow the ticked special group: 张三丰 (male) and 赵六 (female).
    expect(sex!.values.map((v) => [v.label, v.count])).toEqual([
      ["男", 1],
      ["女", 1],
    ]);
    expect(await names(fengsheng, { ...query, sort: [{ field: "name", dir: "asc" }] })).toEqual([
      "张三丰",
      "赵六",
    ]);
  });

  it("groups by two fields into a cross table with totals and sums", async () => {
    const result = await groupRecords(t.services, fengsheng, "people", {
      rows: "sex",
      columns: "specialGroups",
      measures: [{ fn: "count" }, { fn: "sum", field: "floorArea" }],
    });
    expect(result.rowKeys.map((k) => k.label)).toEqual(["男", "女"]);
    const male = result.rowKeys.findIndex((k) => k.label === "男");
    const alone = result.columnKeys.findIndex((k) => k.label === "独居老人");
    expect(result.cells[male]![alone]![0]).toBe(1);
    expect(result.total).toEqual([5, 185.5]);
    const byOne = await groupRecords(t.services, fengsheng, "people", { rows: "sex" });
    expect(byOne.cells.map((c) => c[0]![0])).toEqual([3, 2]);
  });

  it("gives footer totals of number columns for the filter", async () => {
    const totals = await footerTotals(t.services, fengsheng, "people", { filter: elderlyAloneOrLowIncome });
    expect(totals.count).toBe(2);
    expect(totals.numbers.floorArea).toMatchObject({ sum: 105.5, min: 45.5, max: 60 });
  });

  it("colours rows by rule, filters by that colour, and computes a view's own column", async () => {
    const rule = { field: "specialGroups", values: ["独居老人"], colour: "#f97316", target: "row" as const };
    const window = await queryWindow(t.services, fengsheng, "people", {
      query: {
        colourRules: [rule],
        colours: ["#f97316"],
        computed: [{ key: "calc_decade", label: "年代", formula: "ROUND(YEAR([出生日期]) / 10, 0) * 10" }],
        sort: [{ field: "calc_decade", dir: "asc" }],
      },
    });
    expect(window.rows.map((r) => [r.display.name, r.colour])).toEqual([
      ["张三丰", "#f97316"],
      ["赵六", "#f97316"],
    ]);
    expect(typeof window.rows[0]!.values.calc_decade).toBe("number");
    expect(
      await matchingIds(t.services, fengsheng, "people", { colourRules: [rule], colours: ["#f97316"] }),
    ).toEqual([ids.张三丰, ids.赵六]);
  });

  it("sees a saved change once the replica has followed the change log", async () => {
    const replica = await t.services.analytics.replica("people");
    const before = await queryWindow(t.services, fengsheng, "people", { query: { search: "陈七" } });
    await updateRecord(t.services, fengsheng, ids.陈七!, {
      version: before.rows[0]!.version,
      values: { specialGroups: ["低保户"] },
    });
    await replica.refresh();
    expect(
      await names(fengsheng, { filter: elderlyAloneOrLowIncome, sort: [{ field: "name", dir: "asc" }] }),
    ).toEqual(["陈七", "李四", "张三丰"]);
  });

  const problem = async (query: unknown) => {
    try {
      await queryWindow(t.services, fengsheng, "people", { query });
    } catch (error) {
      if (isAppError(error)) return { status: error.status, message: error.message };
      throw error;
    }
    throw new Error("the query was accepted");
  };
  const one = (condition: object) => ({
    filter: { kind: "group", join: "and", items: [{ kind: "condition", ...condition }] },
  });

  it("answers bad input with a 400 that points at the problem", async () => {
    expect(await problem(one({ field: "nope", op: "eq", value: 1 }))).toMatchObject({
      status: 400,
      message: expect.stringContaining("nope"),
    });
    expect(await problem(one({ field: "birthDate", op: "gt", value: "张三" }))).toMatchObject({
      status: 400,
      message: expect.stringContaining("出生日期"),
    });
    expect(await problem(one({ field: "name", op: "gt", value: "a" }))).toMatchObject({
      status: 400,
      message: expect.stringContaining("大于"),
    });
    expect(await problem(one({ field: "age", op: "between", values: [70] }))).toMatchObject({ status: 400 });
    expect(
      await problem({ computed: [{ key: "calc_x", label: "坏公式", formula: "YEAR([出生日期]" }] }),
    ).toMatchObject({
      status: 400,
      message: expect.stringContaining("坏公式"),
    });
    expect(await problem({ filter: { kind: "group", join: "xor", items: [] } })).toMatchObject({
      status: 400,
    });
    expect(await problem({ sort: [{ field: "specialGroups", dir: "asc" }] })).toMatchObject({ status: 400 });
  });

  it("treats SQL in search text and values as plain text", async () => {
    const injection = "'); DROP TABLE records; --";
    expect(await names(fengsheng, { search: injection })).toEqual([]);
    expect(await names(fengsheng, one({ field: "name", op: "contains", value: injection }))).toEqual([]);
    expect(
      await names(fengsheng, one({ field: "name", op: "in", values: ['" OR 1=1 --', "x' OR '1'='1"] })),
    ).toEqual([]);
    expect(
      await names(fengsheng, { sort: [{ field: 'name" DESC; --', dir: "asc" }] }).catch((e) => e.status),
    ).toBe(400);
    expect((await queryWindow(t.services, fengsheng, "people", {})).total).toBe(5);
  });
});

describe("age conditions", () => {
  let t: TestServices;
  let fengsheng: Caller;

  beforeAll(async () => {
    t = await createTestServices({ demoPeople: 0 });
    fengsheng = await callerFor(t.services, "fengsheng");
    const today = todayInChina();
    // Birthdays on the edges: 70 today, 70 tomorrow, 70 yesterday, and a few others.
    const births = [
      addYears(today, -70),
      addDays(addYears(today, -70), 1),
      addDays(addYears(today, -70), -1),
      addYears(today, -69),
      addDays(addYears(today, -71), 1),
      addYears(today, -30),
    ];
    for (const [i, birth] of births.entries())
      await createRecord(t.services, fengsheng, "people", {
        values: { name: `边界${i}`, document: buildId("110102", birth, `${i}31`).number },
      });
  });
  afterAll(async () => {
    await t.cleanup();
  });

  const matching = async (field: string, op: string, value: unknown) => {
    const condition = Array.isArray(value) ? { op, values: value } : { op, value };
    const window = await queryWindow(t.services, fengsheng, "people", {
      query: {
        filter: { kind: "group", join: "and", items: [{ kind: "condition", field, ...condition }] },
        // The same age, worked out row by row (no date rewrite for a sum).
        computed: [{ key: "calc_age", label: "算出的年龄", formula: "AGE([出生日期]) + 0" }],
        sort: [{ field: "name", dir: "asc" }],
      },
    });
    return window.rows.map((r) => r.display.name);
  };

  it("reads 年龄 comparisons as birth-date ranges that match the age worked out row by row", async () => {
    for (const [op, value] of [
      ["gte", 70],
      ["gt", 69],
      ["lt", 70],
      ["lte", 70],
      ["eq", 70],
      ["between", [69, 70]],
      ["gte", 69.5],
    ] as const) {
      const rewritten = await matching("age", op, value);
      expect(rewritten, `${op} ${value}`).toEqual(await matching("calc_age", op, value));
    }
    // 70 today, 70 since yesterday, and 71 only from tomorrow; not 70 tomorrow.
    expect(await matching("age", "eq", 70)).toEqual(["边界0", "边界2", "边界4"]);
  });
});
