// Usage statistics end to end on a real database: counts recorded in memory land in usage_counts at a
// flush and add up across flushes and processes; daily rows become days, ISO weeks, months and years
// across the boundaries that trip calendars up; a community admin sees only their community; sign-ins
// and an import through the real functions are counted.
import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { callerFor, orgId } from "../../tests/support/factories.ts";
import { login } from "../auth/login.server.ts";
import { createServices } from "../core/boot.server.ts";
import type { Logger } from "../core/logger.server.ts";
import type { Caller } from "../core/services.server.ts";
import { buildId } from "../people/identity/id-fixtures.ts";
import { runImport } from "../transfer/import/run.server.ts";
import { chinaDay, startOfDay } from "./periods.ts";
import { countQueryUse, createUsageRecorder, type UsageRecorder } from "./usage.server.ts";
import { USAGE_FEATURE_KEYS, type UsageFeature } from "./usage-features.ts";
import { resolveUsageInput, usageStatistics } from "./usage-query.server.ts";

let t: TestServices;
let streetPath: string;
let fengshengPath: string;
let erlongluPath: string;
beforeAll(async () => {
  t = await createTestServices();
  const path = async (name: string) =>
    (await t.services.db.selectFrom("orgs").select("path").where("name", "=", name).executeTakeFirstOrThrow())
      .path;
  streetPath = await path("金融街街道");
  fengshengPath = await path("丰盛社区");
  erlongluPath = await path("二龙路社区");
});
afterAll(() => t.cleanup());

const silent = { error: vi.fn(), warn: vi.fn(), info: vi.fn() } as unknown as Logger;

/** A recorder on the test database whose clock says `at` (noon, Beijing time, of a day by default). */
function recorderAt(day: string, log: Logger = silent): UsageRecorder & { at(day: string): void } {
  let now = startOfDay(day) + 12 * 3_600_000;
  const recorder = createUsageRecorder(
    { db: t.services.db, dialect: t.services.dialect, log },
    { everyMs: 0, now: () => now },
  );
  return Object.assign(recorder, {
    at(next: string) {
      now = startOfDay(next) + 12 * 3_600_000;
    },
  });
}

async function stored(day: string, feature: UsageFeature, orgPath: string): Promise<number | undefined> {
  const row = await t.services.db
    .selectFrom("usage_counts")
    .select("count")
    .where("day", "=", day)
    .where("feature", "=", feature)
    .where("org_path", "=", orgPath)
    .executeTakeFirst();
  return row ? Number(row.count) : undefined;
}

describe("the feature catalogue", () => {
  it("has keys that fit usage_counts.feature", () => {
    for (const key of USAGE_FEATURE_KEYS) expect(key.length, key).toBeLessThanOrEqual(48);
  });
});

describe("the recorder", () => {
  it("writes nothing until a flush, then one row per day, feature and org", async () => {
    const usage = recorderAt("2019-03-04");
    usage.count("record.create", fengshengPath);
    usage.count("record.create", fengshengPath);
    usage.count("record.create", erlongluPath);
    usage.count("portal.home", "");
    expect(await stored("2019-03-04", "record.create", fengshengPath)).toBeUndefined();
    await usage.flush();
    expect(await stored("2019-03-04", "record.create", fengshengPath)).toBe(2);
    expect(await stored("2019-03-04", "record.create", erlongluPath)).toBe(1);
    expect(await stored("2019-03-04", "portal.home", "")).toBe(1);
  });

  it("adds a second flush to the first, and a new day gets its own row", async () => {
    const usage = recorderAt("2019-03-05");
    usage.count("record.update", fengshengPath);
    await usage.flush();
    usage.count("record.update", fengshengPath);
    usage.count("record.update", fengshengPath);
    usage.at("2019-03-06");
    usage.count("record.update", fengshengPath);
    await usage.flush();
    await usage.flush(); // nothing new: nothing added twice
    expect(await stored("2019-03-05", "record.update", fengshengPath)).toBe(3);
    expect(await stored("2019-03-06", "record.update", fengshengPath)).toBe(1);
  });

  it("counts an instant by its Beijing day: 00:30 on New Year's Day there is still 31 December in UTC", async () => {
    const at = Date.parse("2018-12-31T16:30:00Z");
    expect(chinaDay(at)).toBe("2019-01-01");
    const usage = createUsageRecorder(
      { db: t.services.db, dialect: t.services.dialect, log: silent },
      { everyMs: 0, now: () => at },
    );
    usage.count("auth.logout", streetPath);
    await usage.flush();
    expect(await stored("2019-01-01", "auth.logout", streetPath)).toBe(1);
    expect(await stored("2018-12-31", "auth.logout", streetPath)).toBeUndefined();
  });

  it("keeps the counts of a failed flush for the next one, and logs the failure", async () => {
    const log = { error: vi.fn() } as unknown as Logger;
    const usage = recorderAt("2019-03-07", log);
    usage.count("query.search", fengshengPath);
    const table = (name: string) => sql.table(name);
    await sql`ALTER TABLE ${table("usage_counts")} RENAME TO ${table("usage_counts_away")}`.execute(
      t.services.db,
    );
    try {
      await usage.flush();
    } finally {
      await sql`ALTER TABLE ${table("usage_counts_away")} RENAME TO ${table("usage_counts")}`.execute(
        t.services.db,
      );
    }
    expect(log.error).toHaveBeenCalledOnce();
    usage.count("query.search", fengshengPath);
    await usage.flush();
    expect(await stored("2019-03-07", "query.search", fengshengPath)).toBe(2);
  });

  it("adds up the counts of two app processes on one database, flushing at once, and at their close", async () => {
    const other = await createServices(t.config);
    try {
      const today = chinaDay(Date.now());
      const before = (await stored(today, "audit.export", "/usage-test/")) ?? 0;
      for (let i = 0; i < 3; i++) t.services.usage.count("audit.export", "/usage-test/");
      for (let i = 0; i < 4; i++) other.usage.count("audit.export", "/usage-test/");
      await Promise.all([t.services.usage.flush(), other.usage.flush()]);
      expect(await stored(today, "audit.export", "/usage-test/")).toBe(before + 7);
      other.usage.count("audit.export", "/usage-test/");
    } finally {
      await other.analytics.close();
      // Closing the database writes what is left first.
      await other.database.close();
    }
    expect(await stored(chinaDay(Date.now()), "audit.export", "/usage-test/")).toBeGreaterThanOrEqual(8);
  });
});

describe("reading the counts", () => {
  let admin: Caller;
  let fengsheng: Caller;
  beforeAll(async () => {
    admin = await callerFor(t.services, "admin");
    fengsheng = await callerFor(t.services, "fengsheng");
    // Across the turn of 2020: 2020-12-27 is the Sunday of ISO week 52, 2020-12-28 … 2021-01-03 is
    // week 53 of 2020 (a year of 53 weeks), 2021-01-04 starts 2021-W01.
    const usage = recorderAt("2020-12-27");
    const add = (day: string, n: number, org = fengshengPath) => {
      usage.at(day);
      for (let i = 0; i < n; i++) usage.count("stats.report", org);
    };
    add("2020-12-27", 1);
    add("2020-12-28", 2);
    add("2021-01-01", 3, erlongluPath);
    add("2021-01-01", 1);
    add("2021-01-04", 8, "");
    add("2021-01-04", 16, streetPath);
    await usage.flush();
  });

  const ask = (caller: Caller, period: string) =>
    usageStatistics(t.services, caller, {
      period,
      from: "2020-12-27",
      to: "2021-01-04",
      features: "stats.report",
    });
  const line = (r: Awaited<ReturnType<typeof ask>>) => r.series.find((s) => s.feature === "stats.report")!;

  it("by day: one value per day, zeros between", async () => {
    const r = await ask(admin, "day");
    expect(r.periods.map((p) => p.key)).toEqual([
      "2020-12-27",
      "2020-12-28",
      "2020-12-29",
      "2020-12-30",
      "2020-12-31",
      "2021-01-01",
      "2021-01-02",
      "2021-01-03",
      "2021-01-04",
    ]);
    expect(line(r).values).toEqual([1, 2, 0, 0, 0, 4, 0, 0, 24]);
    expect(r.totals).toEqual([{ feature: "stats.report", label: "统计报表查看", count: 31 }]);
  });

  it("by ISO week: week 53 of 2020 holds New Year's Day 2021", async () => {
    const r = await ask(admin, "week");
    expect(r.periods).toEqual([
      { key: "2020-W52", label: "2020年第52周", from: "2020-12-21", to: "2020-12-27" },
      { key: "2020-W53", label: "2020年第53周", from: "2020-12-28", to: "2021-01-03" },
      { key: "2021-W01", label: "2021年第1周", from: "2021-01-04", to: "2021-01-10" },
    ]);
    expect(line(r).values).toEqual([1, 6, 24]);
  });

  it("by month and by year", async () => {
    const month = await ask(admin, "month");
    expect(month.periods.map((p) => p.key)).toEqual(["2020-12", "2021-01"]);
    expect(line(month).values).toEqual([3, 28]);
    const year = await ask(admin, "year");
    expect(year.periods.map((p) => p.label)).toEqual(["2020年", "2021年"]);
    expect(line(year).values).toEqual([3, 28]);
  });

  it("counts only the days asked for, even inside a longer period", async () => {
    const r = await usageStatistics(t.services, admin, {
      period: "month",
      from: "2021-01-02",
      to: "2021-01-31",
      features: ["stats.report"],
    });
    expect(line(r).values).toEqual([24]);
  });

  it("shows a community admin their community's rows only; the street admin sees visitors too", async () => {
    expect(line(await ask(fengsheng, "week")).values).toEqual([1, 3, 0]);
    const erlonglu = await callerFor(t.services, "erlonglu");
    expect(line(await ask(erlonglu, "week")).values).toEqual([0, 3, 0]);
    expect(line(await ask(admin, "week")).values).toEqual([1, 6, 24]);
  });

  it("answers every feature of the catalogue when none is named, in catalogue order", async () => {
    const r = await usageStatistics(t.services, admin, { from: "2020-12-27", to: "2020-12-27" });
    expect(r.series.map((s) => s.feature)).toEqual(USAGE_FEATURE_KEYS);
  });

  it("defaults to this ISO week, by day", () => {
    expect(resolveUsageInput({}, "2026-12-09")).toMatchObject({
      period: "day",
      from: "2026-12-07",
      to: "2026-12-13",
    });
    expect(resolveUsageInput({ to: "2021-01-01" }, "2026-12-09")).toMatchObject({
      from: "2020-12-28",
      to: "2021-01-01",
    });
  });

  it("refuses bad input with a bilingual message", async () => {
    const refusal = (input: object) => usageStatistics(t.services, admin, input).catch((e: Error) => e);
    const cases: [object, RegExp][] = [
      [{ from: "2021-02-30" }, /YYYY-MM-DD/],
      [
        { from: "2021-01-05", to: "2021-01-04" },
        /开始日期晚于结束日期 \/ The start date is after the end date/,
      ],
      [{ from: "2000-01-01", to: "2020-01-01" }, /时间段太多.* \/ Too many periods/],
      [{ period: "hour" }, /Period must be/],
      [{ features: "auth.login.staff,print.page" }, /未知的功能：print\.page/],
    ];
    for (const [input, message] of cases) {
      const error = (await refusal(input)) as { kind?: string; message: string; fields?: object };
      expect(error.kind, JSON.stringify(input)).toBe("invalid");
      expect(`${error.message} ${JSON.stringify(error.fields ?? {})}`).toMatch(message);
    }
  });

  it("is refused to residents and auditors", async () => {
    for (const who of ["zhangwei", "auditor", "qiye"]) {
      const error = await usageStatistics(t.services, await callerFor(t.services, who), {}).catch((e) => e);
      expect(error.kind, who).toBe("forbidden");
    }
  });
});

describe("what the platform's functions count", () => {
  it("counts a quick search and a condition query at their first window only", () => {
    const counted: string[] = [];
    const services = { usage: { count: (f: string) => counted.push(f) } as unknown as UsageRecorder };
    const caller = { actor: { orgPath: "/1/" } } as Caller;
    const condition = { kind: "condition", field: "age", op: "gte", value: 70 } as const;
    countQueryUse(services, caller, { search: "张" }, 0);
    countQueryUse(services, caller, { search: "张" }, 100);
    countQueryUse(services, caller, { filter: { kind: "group", join: "and", items: [] } }, 0);
    countQueryUse(
      services,
      caller,
      { filter: { kind: "group", join: "or", items: [{ kind: "group", join: "and", items: [condition] }] } },
      0,
    );
    expect(counted).toEqual(["query.search", "query.filter"]);
  });

  it("counts this week's sign-ins and an import per day, as the street admin sees them", async () => {
    const meta = { ip: "10.0.0.9", userAgent: "vitest" };
    await login(t.services, { login: "admin", password: "Linli@2026", ...meta });
    await login(t.services, { login: "fengsheng", password: "Linli@2026", ...meta });
    await login(t.services, { login: "zhangwei", password: "Linli@2026", ...meta });
    await expect(login(t.services, { login: "erlonglu", password: "wrong", ...meta })).rejects.toThrow();

    const dir = fs.mkdtempSync(path.join(t.config.dataDir, "usage-"));
    const file = path.join(dir, "居民.csv");
    const person = buildId("110102", "1980-04-05", "233");
    fs.writeFileSync(file, `\uFEFF姓名,身份证号\r\n使用统计,${person.number}\r\n`);
    const grid = await orgId(t.services, "第一网格", "丰盛社区");
    const admin = await callerFor(t.services, "admin");
    const options = { mode: "add", orgId: grid };
    await runImport(t.services, admin, { path: file, name: "居民.csv" }, options, { dryRun: true });
    const summary = await runImport(t.services, admin, { path: file, name: "居民.csv" }, options, {
      dryRun: false,
    });
    expect(summary.totals.inserted).toBe(1);

    await t.services.usage.flush();
    const week = await usageStatistics(t.services, admin, {});
    expect(week.period).toBe("day");
    expect(week.periods).toHaveLength(7);
    const today = week.periods.findIndex((p) => p.key === chinaDay(Date.now()));
    expect(today).toBeGreaterThanOrEqual(0);
    const on = (feature: string) => week.series.find((s) => s.feature === feature)!.values[today];
    expect(on("auth.login.staff")).toBe(2);
    expect(on("auth.login.resident")).toBe(1);
    expect(on("auth.login.failed")).toBe(1);
    // The dry run is not an import; the commit is.
    expect(on("transfer.import")).toBe(1);

    // The community admin sees their own sign-in, not the street admin's nor the failed one.
    const community = await usageStatistics(t.services, await callerFor(t.services, "fengsheng"), {});
    const mine = (feature: string) => community.series.find((s) => s.feature === feature)!.values[today];
    expect(mine("auth.login.staff")).toBe(1);
    expect(mine("auth.login.failed")).toBe(0);
    expect(mine("transfer.import")).toBe(0);
  });
});
