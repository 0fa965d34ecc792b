// A pivot table over what a query matches: up to three row groups, two column groups, several measures,
// with subtotals per outer row key and totals. The matching rows are read once into `base` (one pass
// over the table, or over the table as of a past moment), then each grouping level is counted on it in
// one statement. A multi-valued key (特殊人群) is spread into its values only in the levels that group by
// it, so a person with two special groups counts under each of them and once in every total that does
// not split by special group.
import { invalid } from "../../app/core/errors.ts";
import type { PivotRow } from "../../app/stats/results.ts";
import { keyText } from "../query/labels.ts";
import type { GroupKey } from "../query/results.ts";
import type { StatKey } from "./keys.ts";

/** Leaf rows × columns a report may have before it is refused (a page nobody can read). */
export const MAX_CELLS = 20_000;

export interface MeasureSql {
  fn: "count" | "sum" | "avg" | "min" | "max";
  /** The value per record (absent for count). */
  sql?: string;
}

export interface PivotRequest {
  rows: StatKey[];
  columns: StatKey[];
  measures: MeasureSql[];
  subtotals: boolean;
  totals: boolean;
}

export interface PivotTable {
  columns: { path: GroupKey[] }[];
  rows: PivotRow[];
  /** Records the query matched. */
  matched: number;
}

type Read = (sql: string) => Promise<Record<string, unknown>[]>;

/** A grouping level: which row keys (a prefix) and whether it splits by the column keys. */
interface Level {
  depth: number;
  byColumns: boolean;
}

export async function pivotTable(
  read: Read,
  from: string,
  where: string,
  request: PivotRequest,
): Promise<PivotTable> {
  const { rows, columns, measures } = request;
  const keys = [...rows, ...columns];
  const keyCols = keys.map((k, i) => `${k.sql} AS k${i}`);
  const valueCols = measures.map((m, i) => `${m.sql ?? "NULL"} AS v${i}`);
  const base = `WITH base AS MATERIALIZED (SELECT r.id${[...keyCols, ...valueCols].map((c) => `, ${c}`).join("")}
                  FROM ${from} WHERE ${where})`;
  const levels = levelsOf(request);
  const parts = levels.map((level, s) => {
    const used = [...rows.keys()].filter((i) => i < level.depth);
    if (level.byColumns) used.push(...columns.map((_, j) => rows.length + j));
    let relation = "base";
    for (const i of used)
      if (keys[i]!.multi) relation = `(SELECT unnest(k${i}) AS k${i}, * EXCLUDE (k${i}) FROM ${relation})`;
    const selectKeys = keys.map(
      (_, i) => (used.includes(i) ? `CAST(k${i} AS VARCHAR)` : "NULL::VARCHAR") + ` AS k${i}`,
    );
    const aggregates = measures.map((m, i) => `${m.fn === "count" ? "count(*)" : `${m.fn}(v${i})`} AS m${i}`);
    const groupBy = used.length > 0 ? `GROUP BY ${used.map((i) => `k${i}`).join(", ")}` : "";
    return `SELECT ${s} AS s, ${[...selectKeys, ...aggregates].join(", ")}, count(*) AS n FROM ${relation} ${groupBy}`;
  });
  const counted = await read(`${base} ${parts.join(" UNION ALL ")}`);
  const grand = counted.find((r) => Number(r.s) === levels.length - 1);
  return assemble(request, levels, counted, Number(grand?.n ?? 0));
}

function levelsOf({ rows, columns, subtotals, totals }: PivotRequest): Level[] {
  const levels: Level[] = [{ depth: rows.length, byColumns: columns.length > 0 }];
  if (columns.length > 0) levels.push({ depth: rows.length, byColumns: false });
  if (subtotals)
    for (let depth = rows.length - 1; depth >= 1; depth--) {
      if (columns.length > 0) levels.push({ depth, byColumns: true });
      levels.push({ depth, byColumns: false });
    }
  if (totals && columns.length > 0) levels.push({ depth: 0, byColumns: true });
  // Always last: the grand total, which also says how many records matched.
  levels.push({ depth: 0, byColumns: false });
  return levels;
}

function assemble(
  request: PivotRequest,
  levels: Level[],
  counted: Record<string, unknown>[],
  matched: number,
): PivotTable {
  const { rows, columns, measures } = request;
  const n = rows.length;
  const code = (row: Record<string, unknown>, i: number) => keyText(row[`k${i}`]);
  const measured = (row: Record<string, unknown> | undefined) =>
    measures.map((_, i) => (row ? numberOrNull(row[`m${i}`]) : null));
  const leaf = counted.filter((r) => Number(r.s) === 0);

  // Key order per level, and the column combinations that occur.
  const ordered = (i: number) => {
    const list = keys(i).keys(leaf.map((r) => code(r, i)));
    return new Map(list.map((k, position) => [k.code, { key: k, position }]));
  };
  const keys = (i: number) => [...rows, ...columns][i]!;
  const rowOrders = rows.map((_, i) => ordered(i));
  const columnOrders = columns.map((_, j) => ordered(n + j));
  const columnPaths = uniquePaths(
    leaf,
    columns.map((_, j) => n + j),
    columnOrders,
  );
  if (columnPaths.length === 0) columnPaths.push([]);

  // Every counted row by level and key path.
  const byLevel = levels.map(() => new Map<string, Record<string, unknown>>());
  for (const row of counted) {
    const s = Number(row.s);
    const level = levels[s]!;
    const path = [...Array(level.depth).keys()].map((i) => code(row, i));
    const colPath = level.byColumns ? columns.map((_, j) => code(row, n + j)) : [];
    byLevel[s]!.set(`${pathId(path)}|${pathId(colPath)}`, row);
  }
  const find = (depth: number, byColumns: boolean, path: (string | null)[], colPath: (string | null)[]) => {
    const s = levels.findIndex((l) => l.depth === depth && l.byColumns === byColumns);
    return s < 0 ? undefined : byLevel[s]!.get(`${pathId(path)}|${pathId(colPath)}`);
  };
  const rowOf = (depth: number, path: (string | null)[], kind: PivotRow["kind"]): PivotRow => {
    const values =
      columns.length > 0
        ? columnPaths.map((cp) =>
            measured(
              find(
                depth,
                true,
                path,
                cp.map((k) => k.code),
              ),
            ),
          )
        : [measured(find(depth, false, path, []))];
    const total = measured(find(depth, false, path, []));
    const keyPath = path.map((c, i) => rowOrders[i]!.get(c)?.key ?? { code: c, label: String(c) });
    return { kind, path: keyPath, values, total };
  };

  const leafPaths = uniquePaths(leaf, [...Array(n).keys()], rowOrders);
  if (leafPaths.length * columnPaths.length > MAX_CELLS)
    throw invalid(
      `报表太大（${leafPaths.length} 行 × ${columnPaths.length} 列），请减少分组或先筛选 / The report is too large (${leafPaths.length} rows × ${columnPaths.length} columns); group by fewer fields or filter first`,
    );
  const out: PivotRow[] = [];
  leafPaths.forEach((path, index) => {
    const codes = path.map((k) => k.code);
    out.push(rowOf(n, codes, "cell"));
    if (!request.subtotals) return;
    // After the last row of an outer key: its subtotal, innermost first.
    const next = leafPaths[index + 1]?.map((k) => k.code);
    for (let depth = n - 1; depth >= 1; depth--) {
      const prefix = codes.slice(0, depth);
      if (next && pathId(next.slice(0, depth)) === pathId(prefix)) break;
      out.push(rowOf(depth, prefix, "subtotal"));
    }
  });
  if (request.totals && leafPaths.length > 0) out.push(rowOf(0, [], "total"));
  return { columns: columnPaths.map((path) => ({ path })), rows: out, matched };
}

/** The distinct key paths of the given key columns, ordered level by level. */
function uniquePaths(
  rows: Record<string, unknown>[],
  indexes: number[],
  orders: Map<string | null, { key: GroupKey; position: number }>[],
): GroupKey[][] {
  const seen = new Map<string, GroupKey[]>();
  for (const row of rows) {
    const codes = indexes.map((i) => keyText(row[`k${i}`]));
    const keys = codes.map((c, level) => orders[level]!.get(c)?.key);
    if (keys.some((k) => k === undefined)) continue; // beyond the keys shown
    seen.set(pathId(codes), keys as GroupKey[]);
  }
  const position = (path: GroupKey[]) => path.map((k, level) => orders[level]!.get(k.code)!.position);
  return [...seen.values()].sort((a, b) => {
    const pa = position(a);
    const pb = position(b);
    for (let i = 0; i < pa.length; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
    return 0;
  });
}

const pathId = (codes: readonly (string | null)[]) => JSON.stringify(codes);

function numberOrNull(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? Math.round(n * 1e6) / 1e6 : null;
}
