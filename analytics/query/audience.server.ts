// Whom a mass notice reaches (app/notify/): the ids of the records a view's query matches in the sender's
// scope, optionally only those whose date field falls on a given day — a birthday today (month and day of
// 出生日期), or a date N days ahead (证件有效期 in 30 days). Answered from the replica in one scan.

import { invalid } from "../../app/core/errors.ts";
import type { Caller, Services } from "../../app/core/services.server.ts";
import type { ViewQuery } from "../../app/query/view.ts";
import type { TableDef } from "../../app/schema/tables.server.ts";
import { compileQuery, fromRecords } from "./compile.ts";

export type DateMatch =
  /** The field's month and day are today's ("MM-DD"); on 28 February of a common year also 29 February. */
  | { field: string; kind: "anniversary"; day: string }
  /** The field's date is exactly this day ("YYYY-MM-DD"). */
  | { field: string; kind: "on"; day: string };

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export async function audienceIds(
  services: Services,
  caller: Caller,
  table: TableDef,
  query: ViewQuery,
  date?: DateMatch,
): Promise<number[]> {
  const replica = await services.analytics.replica(table.key);
  const compiled = await compileQuery(services, caller, replica, table, query);
  let where = compiled.where;
  if (date) {
    const field = compiled.fields.get(date.field);
    if (field.kind !== "date")
      throw invalid(`「${field.label}」不是日期字段 / "${field.label}" is not a date field`, {
        field: "请选择日期字段 / Choose a date field",
      });
    if (date.kind === "on") where += ` AND ${field.sql} = ${compiled.params.date(date.day)}`;
    else {
      const [year, monthDay] = [Number(date.day.slice(0, 4)), date.day.slice(5)];
      const days = [monthDay];
      if (monthDay === "02-28" && !isLeapYear(year)) days.push("02-29");
      where += ` AND strftime(${field.sql}, '%m-%d') IN (${days.map((d) => compiled.params.add(d)).join(", ")})`;
    }
  }
  const sql = `SELECT CAST(r.id AS DOUBLE) AS id FROM ${fromRecords(compiled.needsMarks)} WHERE ${where} ORDER BY r.id`;
  const result = await replica.connection.runAndReadAll(sql, compiled.params.usedBy(sql));
  return (result.getColumnsJS()[0] ?? []) as number[];
}

export interface AudienceSummary {
  total: number;
  /** Field key → how many of them have no value there. */
  empty: Record<string, number>;
}

/**
 * How many records an audience reaches and how many of them lack each address field — what the compose
 * page shows before anything is sent. `ids` narrows a query to a fixed list (a selection, a group).
 */
export async function audienceSummary(
  services: Services,
  caller: Caller,
  table: TableDef,
  query: ViewQuery,
  fields: readonly string[],
  ids?: readonly number[],
): Promise<AudienceSummary> {
  const replica = await services.analytics.replica(table.key);
  const compiled = await compileQuery(services, caller, replica, table, query);
  let where = compiled.where;
  // Validated integers only, so the list is safe to inline.
  if (ids) where += ids.length ? ` AND r.id IN (${ids.map((n) => Math.trunc(n)).join(",")})` : " AND false";
  const counts = fields.map((key, i) => {
    const sql = compiled.fields.get(key).sql;
    return `count(*) FILTER (WHERE ${sql} IS NULL OR CAST(${sql} AS VARCHAR) = '') AS e${i}`;
  });
  const sql = `SELECT count(*) AS total${counts.map((c) => `, ${c}`).join("")} FROM ${fromRecords(compiled.needsMarks)} WHERE ${where}`;
  const row = (
    await replica.connection.runAndReadAll(sql, compiled.params.usedBy(sql))
  ).getRowObjectsJS()[0]!;
  return {
    total: Number(row.total),
    empty: Object.fromEntries(fields.map((key, i) => [key, Number(row[`e${i}`])])),
  };
}
