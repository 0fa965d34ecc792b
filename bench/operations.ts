// The operations of SPEC §8 the benchmark times, each twice: through the query engine (DuckDB replica) and
// as the closest equivalent run straight on the relational store (SQLite or MySQL/MariaDB, JSON columns
// read with the dialect's JSON functions). Each run varies its parameters. Both paths end with the rows a
// screen shows presented (opened, masked), so the comparison is what a user waits for.
import { type RawBuilder, sql } from "kysely";
import { facetCounts, footerTotals, groupRecords, queryWindow } from "../analytics/query/index.server.ts";
import { runReport } from "../analytics/stats/report.server.ts";
import type { Caller, Services } from "../app/core/services.server.ts";
import { addDays, addYears, todayInChina } from "../app/people/normalise/calendar.ts";
import { tableAsOfPages } from "../app/people/records/history.server.ts";
import { presentRows } from "../app/people/records/read.server.ts";
import { pinyinKeys } from "../app/query/pinyin/keys.ts";
import type { FilterGroup } from "../app/query/view.ts";
import { loadTable, type TableDef } from "../app/schema/tables.server.ts";
import { builtinDashboard } from "../app/stats/builtin-dashboard.ts";
import { previewDashboard } from "../app/stats/dashboards.server.ts";
import { endOfDay } from "../app/stats/periods.ts";

export interface Operation {
  name: string;
  /** The bar of SPEC §8 at 1M people, in ms (p95). */
  bar: number;
  duck(run: number): Promise<unknown>;
  /** Absent when the relational store cannot do it at all (e.g. pinyin, sealed numbers). */
  direct?: (run: number) => Promise<unknown>;
  /** What the straight-SQL side does differently, for the report. */
  note?: string;
}

export interface Samples {
  names: string[];
  initials: string[];
  digits: string[];
  communities: number[];
}

/** Names, their pinyin initials and community ids sampled from the data, for varied parameters. */
export async function sampleParameters(services: Services, table: TableDef): Promise<Samples> {
  const rows = await services.db
    .selectFrom("records")
    .select(["data"])
    .where("table_id", "=", table.id)
    .orderBy("id")
    .limit(5000)
    .execute();
  const names = rows
    .map((r) => (JSON.parse(r.data) as { name?: string }).name)
    .filter((n): n is string => typeof n === "string" && n.length >= 2)
    .filter((_, i) => i % 97 === 0)
    .slice(0, 40);
  const communities = await services.db
    .selectFrom("orgs")
    .select("id")
    .where("kind", "=", "community")
    .execute();
  return {
    names: names.map((n) => n.slice(0, 2)),
    initials: names.map((n) => pinyinKeys(n).initials),
    digits: Array.from({ length: 40 }, (_, i) => String(1000 + ((i * 7919) % 9000))),
    communities: communities.map((c) => Number(c.id)),
  };
}

const pick = <T>(list: readonly T[], run: number) => list[run % list.length]!;

const CROSS_PAIRS: [string, string][] = [
  ["sex", "category"],
  ["ethnicity", "education"],
  ["politicalStatus", "maritalStatus"],
  ["residenceType", "housingType"],
  ["education", "sex"],
];

export async function operations(services: Services, admin: Caller, samples: Samples): Promise<Operation[]> {
  const table = await loadTable(services.db, "people");
  const json = (key: string) => services.dialect.jsonText(sql.ref("data"), key);
  const live = sql`table_id = ${table.id} AND deleted_at IS NULL AND org_path LIKE ${`${admin.actor.orgPath}%`}`;
  const present = async (rows: unknown[]) =>
    presentRows(
      services,
      table,
      (rows as { id: number }[]).map((r) => ({ ...r, id: Number(r.id) })) as never,
    );
  const window = async (where: RawBuilder<unknown>, order: RawBuilder<unknown>, limit: number) => {
    const [rows, count] = await Promise.all([
      sql`SELECT * FROM records WHERE ${live} AND ${where} ORDER BY ${order} LIMIT ${limit}`.execute(
        services.db,
      ),
      sql`SELECT count(*) AS n FROM records WHERE ${live} AND ${where}`.execute(services.db),
    ]);
    await present(rows.rows);
    return count.rows;
  };

  const ageFrom = (run: number) => 60 + (run % 26);
  const elderly = (run: number): FilterGroup => ({
    kind: "group",
    join: "or",
    items: [
      {
        kind: "group",
        join: "and",
        items: [
          { kind: "condition", field: "age", op: "gte", value: ageFrom(run) },
          { kind: "condition", field: "specialGroups", op: "has_any", values: ["独居老人"] },
        ],
      },
      { kind: "condition", field: "specialGroups", op: "has_any", values: ["低保户"] },
    ],
  });

  return [
    {
      name: "quick search, pinyin initials 拼音首字母",
      bar: 50,
      duck: (run) =>
        queryWindow(services, admin, "people", { query: { search: pick(samples.initials, run) }, limit: 50 }),
      note: "not possible in SQL: the store keeps no pinyin",
    },
    {
      name: "quick search, part of a phone number 号码片段",
      bar: 50,
      duck: (run) =>
        queryWindow(services, admin, "people", { query: { search: pick(samples.digits, run) }, limit: 50 }),
      note: "not possible in SQL: phone and ID numbers are sealed",
    },
    {
      name: "quick search, part of a name 姓名片段",
      bar: 50,
      duck: (run) =>
        queryWindow(services, admin, "people", { query: { search: pick(samples.names, run) }, limit: 50 }),
      direct: (run) => window(sql`data LIKE ${`%${pick(samples.names, run)}%`}`, sql`id`, 50),
      note: "SQL: a LIKE scan of the JSON documents",
    },
    {
      name: "nested filter + pinyin sort + first screen 多条件+排序+首屏",
      bar: 100,
      duck: (run) =>
        queryWindow(services, admin, "people", {
          query: { filter: elderly(run), sort: [{ field: "name", dir: "asc" }] },
          limit: 100,
        }),
      direct: (run) =>
        window(
          sql`((${json("birthDate")} <= ${addYears(todayInChina(), -ageFrom(run))} AND ${json("specialGroups")} LIKE '%"01"%') OR ${json("specialGroups")} LIKE '%"04"%')`,
          sql`${json("name")}`,
          100,
        ),
      note: "SQL sorts by code point, not pinyin",
    },
    {
      name: "facet counts + footer totals 分类计数+合计",
      bar: 100,
      duck: async (run) => {
        const query = { orgId: pick(samples.communities, run) };
        await Promise.all([
          facetCounts(services, admin, "people", { query, fields: ["sex", "category", "specialGroups"] }),
          footerTotals(services, admin, "people", query),
        ]);
      },
      direct: async (run) => {
        const path = await services.db
          .selectFrom("orgs")
          .select("path")
          .where("id", "=", pick(samples.communities, run))
          .executeTakeFirstOrThrow();
        const scoped = sql`table_id = ${table.id} AND deleted_at IS NULL AND org_path LIKE ${`${path.path}%`}`;
        await Promise.all([
          ...["sex", "category", "specialGroups"].map((key) =>
            sql`SELECT ${json(key)} AS k, count(*) AS n FROM records WHERE ${scoped} GROUP BY k`.execute(
              services.db,
            ),
          ),
          sql`SELECT count(*) AS n, sum(CAST(${json("floorArea")} AS DECIMAL(12,2))) AS s FROM records WHERE ${scoped}`.execute(
            services.db,
          ),
        ]);
      },
      note: "SQL counts 特殊人群 by whole list, not per value",
    },
    {
      name: "dashboard 人口概况, seven charts 统计看板",
      bar: 300,
      duck: () => previewDashboard(services, admin, { definition: builtinDashboard() }),
      direct: async () => {
        const count = (expression: RawBuilder<unknown>) =>
          sql`SELECT ${expression} AS k, count(*) AS n FROM records WHERE ${live} GROUP BY k`.execute(
            services.db,
          );
        await Promise.all([
          count(sql.ref("org_path")),
          sql`SELECT org_path, ${json("sex")} AS s, ${json("birthDate")} AS b, count(*) AS n FROM records WHERE ${live} GROUP BY org_path, s, b`.execute(
            services.db,
          ),
          ...["specialGroups", "residenceType", "politicalStatus"].map((key) => count(json(key))),
          sql`SELECT kind, floor(at / 2592000000) AS month, count(*) AS n FROM record_versions
               WHERE table_id = ${table.id} AND at >= ${Date.now() - 365 * 86_400_000} GROUP BY kind, month`.execute(
            services.db,
          ),
        ]);
      },
      note: "SQL: the same groupings on the JSON documents (ages and communities summed up afterwards, 特殊人群 by whole list)",
    },
    {
      name: "cross table as of a past date 历史日期交叉统计",
      bar: 1000,
      duck: (run) =>
        runReport(
          services,
          admin,
          {
            table: "people",
            rows: [{ field: "$community" }],
            columns: [{ field: "specialGroups" }],
            measures: [{ fn: "count" }],
            subtotals: false,
            totals: true,
          },
          { name: "社区 × 特殊人群", asOf: addDays(todayInChina(), -30 - ((run * 37) % 700)) },
        ),
      direct: async (run) => {
        const day = addDays(todayInChina(), -30 - ((run * 37) % 700));
        const cells = new Map<string, number>();
        for await (const people of tableAsOfPages(services, admin, "people", endOfDay(day)))
          for (const person of people) {
            const community = person.orgPath.split("/").slice(0, 3).join("/");
            for (const group of (person.values.specialGroups as string[] | undefined) ?? [])
              cells.set(`${community}|${group}`, (cells.get(`${community}|${group}`) ?? 0) + 1);
          }
        return cells;
      },
      note: "store: every document read and opened, later changes undone in JavaScript (tableAsOfPages, 5,000 records a page), then counted",
    },
    {
      name: "cross table of two fields 交叉统计",
      bar: 200,
      duck: (run) => {
        const [rows, columns] = pick(CROSS_PAIRS, run);
        return groupRecords(services, admin, "people", { rows, columns, measures: [{ fn: "count" }] });
      },
      direct: (run) => {
        const [rows, columns] = pick(CROSS_PAIRS, run);
        return sql`SELECT ${json(rows)} AS a, ${json(columns)} AS b, count(*) AS n FROM records WHERE ${live} GROUP BY a, b`.execute(
          services.db,
        );
      },
    },
  ];
}
