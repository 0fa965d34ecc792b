// The query engine's domain functions (SPEC §A3): a window of grid rows, facet counts, statistics by
// one or two fields, footer totals and the ids a bulk action applies to — all answered from the table's
// DuckDB replica in the reader's scope. Rows leave through the record presenter, which masks sensitive
// values; the relational store stays the source of what a row holds.
import { authorize } from "../../app/auth/access.server.ts";
import type { Caller, Services } from "../../app/core/services.server.ts";
import { parseInput } from "../../app/core/validate.ts";
import type { Lang } from "../../app/i18n/index.ts";
import { presentRows } from "../../app/people/records/read.server.ts";
import {
  facetsSchema,
  groupSchema,
  rowWindowSchema,
  type ViewQuery,
  viewQuerySchema,
} from "../../app/query/view.ts";
import { loadTable } from "../../app/schema/tables.server.ts";
import { countQueryUse } from "../../app/stats/usage.server.ts";
import { type CompiledQuery, compileQuery, DEFAULT_ORDER, fromRecords } from "./compile.ts";
import { facetValues } from "./facets.ts";
import { groupTable } from "./group.ts";
import type { Facet, GridRow, GroupResult, RowWindow, Totals } from "./results.ts";

async function prepare(services: Services, caller: Caller, tableKey: string, query: ViewQuery) {
  // Before anything is loaded: a reader without the right costs nothing.
  await authorize(services, caller, "record.read");
  const table = await loadTable(services.db, tableKey);
  const replica = await services.analytics.replica(table.key);
  const compiled = await compileQuery(services, caller, replica, table, query);
  const read = async (sql: string) =>
    (await replica.connection.runAndReadAll(sql, compiled.params.usedBy(sql))).getRowObjectsJS();
  return { table, compiled, read };
}

/** The rows from `offset` under the view's filter and sort, with the total the scrollbar spans. */
export async function queryWindow(
  services: Services,
  caller: Caller,
  tableKey: string,
  input: unknown,
  lang: Lang = "zh-CN",
): Promise<RowWindow> {
  const { query, offset, limit } = parseInput(rowWindowSchema, input);
  const { table, compiled, read } = await prepare(services, caller, tableKey, query);
  countQueryUse(services, caller, query, offset);
  const from = fromRecords(compiled.needsMarks);
  const page = `FROM ${from} WHERE ${compiled.where} ORDER BY ${compiled.orderBy} LIMIT ${limit} OFFSET ${offset}`;
  const count = async () =>
    Number((await read(`SELECT count(*) AS n FROM ${from} WHERE ${compiled.where}`))[0]!.n);
  let idRows: Record<string, unknown>[];
  let total: number;
  if (compiled.searches) {
    // The text is scanned once: the matching ids are kept, then counted and ordered (by id alone when
    // the view has no sort of its own). Past the end there is no row to carry the count.
    const hits = `WITH hits AS MATERIALIZED (SELECT r.id FROM ${from} WHERE ${compiled.where})`;
    const counted = "(SELECT count(*) FROM hits) AS total";
    idRows = await read(
      compiled.orderBy === DEFAULT_ORDER
        ? `${hits} SELECT id, ${counted} FROM hits ORDER BY id LIMIT ${limit} OFFSET ${offset}`
        : `${hits} SELECT r.id, ${counted} FROM records r SEMI JOIN hits ON hits.id = r.id
           ORDER BY ${compiled.orderBy} LIMIT ${limit} OFFSET ${offset}`,
    );
    total = idRows.length > 0 ? Number(idRows[0]!.total) : offset === 0 ? 0 : await count();
  } else [idRows, total] = await Promise.all([read(`SELECT r.id ${page}`), count()]);
  const ids = idRows.map((r) => Number(r.id));
  return {
    total,
    offset,
    rows: await gridRows(services, table, compiled, ids, lang, read),
  };
}

/** Rows by id, in the given order: values from the store (masked), colours and computed columns from the replica. */
async function gridRows(
  services: Services,
  table: CompiledQuery["table"],
  compiled: CompiledQuery,
  ids: readonly number[],
  lang: Lang,
  read: (sql: string) => Promise<Record<string, unknown>[]>,
): Promise<GridRow[]> {
  if (ids.length === 0) return [];
  const computed = compiled.fields.all().filter((f) => !f.field);
  const extras = await read(
    `SELECT r.id, ${compiled.rowColour} AS colour${compiled.cellColours
      .map((c, i) => `, ${c.sql} AS cell_${i}`)
      .join("")}${computed.map((c, i) => `, ${c.sql} AS calc_${i}`).join("")}
     FROM ${fromRecords(true)} WHERE r.id IN (${ids.join(", ")})`,
  );
  const extraById = new Map(extras.map((e) => [Number(e.id), e]));
  const stored = await services.db
    .selectFrom("records")
    .selectAll()
    .where("id", "in", [...ids])
    .execute();
  const views = new Map(
    (
      await presentRows(
        services,
        table,
        stored.map((r) => ({ ...r, id: Number(r.id) })),
        lang,
      )
    ).map((v) => [v.id, v]),
  );
  return ids.flatMap((id) => {
    const view = views.get(id);
    if (!view) return []; // Purged since the replica last looked.
    const extra = extraById.get(id) ?? {};
    const cellColours: Record<string, string> = {};
    compiled.cellColours.forEach((c, i) => {
      if (extra[`cell_${i}`]) cellColours[c.key] = String(extra[`cell_${i}`]);
    });
    const values = { ...view.values };
    const display = { ...view.display };
    computed.forEach((c, i) => {
      const value = toPlain(extra[`calc_${i}`]);
      values[c.key] = value;
      display[c.key] =
        value === null ? "" : typeof value === "boolean" ? (value ? "是" : "否") : String(value);
    });
    return [
      {
        id,
        systemId: view.systemId,
        version: view.version,
        orgId: view.orgId,
        orgName: view.orgName,
        values,
        display,
        masked: view.masked,
        colour: extra.colour ? String(extra.colour) : null,
        cellColours,
      },
    ];
  });
}

/** DuckDB values as JSON-safe ones: BIGINT → number, DATE → "YYYY-MM-DD". */
export function toPlain(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number") return Number.isInteger(value) ? value : Math.round(value * 1e6) / 1e6;
  if (typeof value === "boolean" || typeof value === "string") return value;
  return String(value);
}

/** Counts per value of each asked field under the query (each without its own facet selection). */
export async function facetCounts(
  services: Services,
  caller: Caller,
  tableKey: string,
  input: unknown,
): Promise<Facet[]> {
  const { query, fields } = parseInput(facetsSchema, input);
  const { compiled, read } = await prepare(services, caller, tableKey, query);
  return Promise.all(fields.map((key) => facetValues(compiled, key, read)));
}

/** 统计: measures grouped by one field, or two as a cross table, with totals. */
export async function groupRecords(
  services: Services,
  caller: Caller,
  tableKey: string,
  input: unknown,
): Promise<GroupResult> {
  const request = parseInput(groupSchema, input);
  const { compiled, read } = await prepare(services, caller, tableKey, request.query);
  return groupTable(compiled, request, read);
}

/** 页脚合计: the count, and sum / average / min / max of every number column, for what the query matches. */
export async function footerTotals(
  services: Services,
  caller: Caller,
  tableKey: string,
  input: unknown,
): Promise<Totals> {
  const query = parseInput(viewQuerySchema, input);
  const { compiled, read } = await prepare(services, caller, tableKey, query);
  const numbers = compiled.fields.all().filter((f) => f.kind === "number" || f.kind === "money");
  const value = (sql: string, money: boolean) => (money ? `(${sql} / 100.0)` : sql);
  const selects = numbers.flatMap((f, i) =>
    ["sum", "avg", "min", "max"].map((fn) => `${fn}(${value(f.sql, f.kind === "money")}) AS ${fn}_${i}`),
  );
  const [row] = await read(
    `SELECT count(*) AS n${selects.map((s) => `, ${s}`).join("")} FROM ${fromRecords(compiled.needsMarks)} WHERE ${compiled.where}`,
  );
  const out: Totals["numbers"] = {};
  numbers.forEach((f, i) => {
    const pick = (fn: string) => {
      const v = toPlain(row![`${fn}_${i}`]);
      return typeof v === "number" ? v : null;
    };
    out[f.key] = { sum: pick("sum"), avg: pick("avg"), min: pick("min"), max: pick("max") };
  });
  return { count: Number(row!.n), numbers: out };
}

/** The ids the query matches, in its order, up to `limit` (bulk actions on "everything filtered"). */
export async function matchingIds(
  services: Services,
  caller: Caller,
  tableKey: string,
  input: unknown,
  limit = 10_000,
): Promise<number[]> {
  const query = parseInput(viewQuerySchema, input);
  const { compiled, read } = await prepare(services, caller, tableKey, query);
  const rows = await read(
    `SELECT r.id FROM ${fromRecords(compiled.needsMarks)} WHERE ${compiled.where} ORDER BY ${compiled.orderBy} LIMIT ${Math.max(1, Math.trunc(limit))}`,
  );
  return rows.map((r) => Number(r.id));
}
