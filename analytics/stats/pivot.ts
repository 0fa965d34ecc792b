// A pivot table over what a query matches: up to three row groups, two column groups, several measures,
// with subtotals per outer row key and totals. Each grouping level (cells, row totals, subtotals, column
// totals, the grand total) is a grouping set; levels that spread the same multi-valued keys into their
// values share one pass (GROUP BY GROUPING SETS), so a plain report is one scan of the table. A person
// with two special groups counts under each of them and once in every total that does not split by
// special group. Measures are computed as parts that add up (an average as its sum and count), so keys
// that are read coarser than they are grouped — an org level, grouped by the record's org path and then
// named by its community or grid — merge exactly.
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
  /** The total row (and, with column groups, the column totals). The grand total is always counted. */
  totals: boolean;
  /** Each row's total over its columns (default true; charts need none). */
  rowTotals?: boolean;
}

export interface PivotTable {
  columns: { path: GroupKey[] }[];
  rows: PivotRow[];
  /** Records the query matched. */
  matched: number;
  /** The measures over everything matched (each record once). */
  grand: (number | null)[];
}

type Read = (sql: string) => Promise<Record<string, unknown>[]>;

/** A grouping level: which row keys (a prefix) and whether it splits by the column keys. */
interface Level {
  depth: number;
  byColumns: boolean;
}

/** Partial aggregates of one measure, merged across groups before the value is worked out. */
type Part = { n: number; s: number | null; m: number | null };

export async function pivotTable(
  read: Read,
  from: string,
  where: string,
  request: PivotRequest,
): Promise<PivotTable> {
  const keys = [...request.rows, ...request.columns];
  const levels = levelsOf(request);
  const usedBy = (level: Level) => {
    const used = [...request.rows.keys()].filter((i) => i < level.depth);
    if (level.byColumns) used.push(...request.columns.map((_, j) => request.rows.length + j));
    return used;
  };
  // Levels spreading the same multi-valued keys are counted in one pass.
  const passes = new Map<string, number[]>();
  levels.forEach((level, s) => {
    const spread = usedBy(level).filter((i) => keys[i]!.multi);
    passes.set(spread.join(","), [...(passes.get(spread.join(",")) ?? []), s]);
  });
  const select = `SELECT r.id${keys.map((k, i) => `, ${k.sql} AS k${i}`).join("")}${request.measures
    .map((m, i) => `, ${m.sql ?? "NULL"} AS v${i}`)
    .join("")} FROM ${from} WHERE ${where}`;
  const shared = passes.size > 1;
  const statements = [...passes].map(([spreadText, members]) => {
    let relation = shared ? "base" : `(${select})`;
    for (const i of spreadText ? spreadText.split(",").map(Number) : [])
      relation = `(SELECT unnest(k${i}) AS k${i}, * EXCLUDE (k${i}) FROM ${relation})`;
    const grouped = [...new Set(members.flatMap((s) => usedBy(levels[s]!)))].sort((a, b) => a - b);
    const sets = members
      .map(
        (s) =>
          `(${usedBy(levels[s]!)
            .map((i) => `k${i}`)
            .join(", ")})`,
      )
      .join(", ");
    const columns = keys.map((_, i) =>
      grouped.includes(i)
        ? `CAST(k${i} AS VARCHAR) AS k${i}, grouping(k${i}) AS g${i}`
        : `NULL AS k${i}, 1 AS g${i}`,
    );
    const parts = request.measures.flatMap((m, i) => partsSql(m, i));
    return `SELECT ${[...columns, ...parts, "count(*) AS n"].join(", ")} FROM ${relation} GROUP BY GROUPING SETS (${sets})`;
  });
  const sql = shared
    ? `WITH base AS MATERIALIZED (${select}) ${statements.join(" UNION ALL ")}`
    : statements.join(" UNION ALL ");
  const counted = (await read(sql)).map((row) => {
    const used = keys.map((_, i) => i).filter((i) => Number(row[`g${i}`]) === 0);
    const s = levels.findIndex((level) => sameSet(usedBy(level), used));
    return { ...row, s };
  });
  return assemble(request, levels, usedBy, counted);
}

function partsSql(m: MeasureSql, i: number): string[] {
  if (m.fn === "count") return [`count(*) AS n${i}`, `NULL AS s${i}`, `NULL AS m${i}`];
  if (m.fn === "sum" || m.fn === "avg")
    return [`count(v${i}) AS n${i}`, `sum(v${i}) AS s${i}`, `NULL AS m${i}`];
  return [`count(v${i}) AS n${i}`, `NULL AS s${i}`, `${m.fn}(v${i}) AS m${i}`];
}

const sameSet = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

function levelsOf({ rows, columns, subtotals, totals, rowTotals = true }: PivotRequest): Level[] {
  const levels: Level[] = [{ depth: rows.length, byColumns: columns.length > 0 }];
  if (columns.length > 0 && rowTotals) levels.push({ depth: rows.length, byColumns: false });
  if (subtotals)
    for (let depth = rows.length - 1; depth >= 1; depth--) {
      if (columns.length > 0) levels.push({ depth, byColumns: true });
      if (rowTotals || columns.length === 0) levels.push({ depth, byColumns: false });
    }
  if (totals && columns.length > 0) levels.push({ depth: 0, byColumns: true });
  // Always: the grand total, which also says how many records matched.
  levels.push({ depth: 0, byColumns: false });
  return levels;
}

function assemble(
  request: PivotRequest,
  levels: Level[],
  usedBy: (level: Level) => number[],
  counted: Record<string, unknown>[],
): PivotTable {
  const { rows, columns, measures } = request;
  const keys = [...rows, ...columns];
  const n = rows.length;
  // Raw group codes read as their keys (an org path as its community), then groups that meet are merged.
  const codeOf = (row: Record<string, unknown>, i: number) => {
    const raw = keyText(row[`k${i}`]);
    return keys[i]!.normalise ? keys[i]!.normalise!(raw) : raw;
  };
  const merged = levels.map(() => new Map<string, { codes: (string | null)[]; parts: Part[]; n: number }>());
  for (const row of counted) {
    const s = Number(row.s);
    if (s < 0) continue;
    const codes = keys.map((_, i) => (usedBy(levels[s]!).includes(i) ? codeOf(row, i) : null));
    const id = pathId(codes);
    const parts = measures.map((_, i) => ({
      n: Number(row[`n${i}`] ?? 0),
      s: row[`s${i}`] == null ? null : Number(row[`s${i}`]),
      m: row[`m${i}`] == null ? null : Number(row[`m${i}`]),
    }));
    const existing = merged[s]!.get(id);
    if (!existing) merged[s]!.set(id, { codes, parts, n: Number(row.n) });
    else {
      existing.n += Number(row.n);
      existing.parts = existing.parts.map((p, i) => mergePart(measures[i]!.fn, p, parts[i]!));
    }
  }
  const measuresOf = (entry: { parts: Part[] } | undefined) =>
    measures.map((m, i) => (entry ? finish(m.fn, entry.parts[i]!) : null));
  const leaf = [...merged[0]!.values()];
  // A row whose records hold no value of a multi-valued column key (no special group) is in the row
  // totals only: rows come from both.
  const rowTotalLevel = levels.findIndex((l) => l.depth === n && !l.byColumns);
  const rowEntries = rowTotalLevel > 0 ? [...leaf, ...merged[rowTotalLevel]!.values()] : leaf;

  // Key order per level, and the column combinations that occur.
  const orders = keys.map((k, i) => {
    const list = k.keys((i < n ? rowEntries : leaf).map((e) => e.codes[i]!));
    return new Map(list.map((key, position) => [key.code, { key, position }]));
  });
  const columnPaths = uniquePaths(
    leaf,
    columns.map((_, j) => n + j),
    orders,
  );
  if (columnPaths.length === 0) columnPaths.push([]);
  const leafPaths = uniquePaths(rowEntries, [...Array(n).keys()], orders);
  if (leafPaths.length * columnPaths.length > MAX_CELLS)
    throw invalid(
      `报表太大（${leafPaths.length} 行 × ${columnPaths.length} 列），请减少分组或先筛选 / The report is too large (${leafPaths.length} rows × ${columnPaths.length} columns); group by fewer fields or filter first`,
    );

  const find = (depth: number, byColumns: boolean, path: (string | null)[], colPath: (string | null)[]) => {
    const s = levels.findIndex((l) => l.depth === depth && l.byColumns === byColumns);
    if (s < 0) return undefined;
    const codes = keys.map((_, i) => (i < depth ? path[i]! : byColumns && i >= n ? colPath[i - n]! : null));
    return merged[s]!.get(pathId(codes));
  };
  const rowOf = (depth: number, path: (string | null)[], kind: PivotRow["kind"]): PivotRow => ({
    kind,
    path: path.map((c, i) => orders[i]!.get(c)?.key ?? { code: c, label: String(c) }),
    values:
      columns.length > 0
        ? columnPaths.map((cp) =>
            measuresOf(
              find(
                depth,
                true,
                path,
                cp.map((k) => k.code),
              ),
            ),
          )
        : [measuresOf(find(depth, false, path, []))],
    total: measuresOf(find(depth, false, path, [])),
  });

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
  const grand = merged[levels.length - 1]!.get(pathId(keys.map(() => null)));
  return {
    columns: columnPaths.map((path) => ({ path })),
    rows: out,
    matched: grand?.n ?? 0,
    grand: measuresOf(grand),
  };
}

function mergePart(fn: MeasureSql["fn"], a: Part, b: Part): Part {
  const add = (x: number | null, y: number | null) => (x === null ? y : y === null ? x : x + y);
  const pick = (x: number | null, y: number | null) =>
    x === null ? y : y === null ? x : fn === "min" ? Math.min(x, y) : Math.max(x, y);
  return { n: a.n + b.n, s: add(a.s, b.s), m: pick(a.m, b.m) };
}

function finish(fn: MeasureSql["fn"], part: Part): number | null {
  if (fn === "count") return part.n;
  if (fn === "sum") return part.s === null ? null : round(part.s);
  if (fn === "avg") return part.n === 0 || part.s === null ? null : round(part.s / part.n);
  return part.m === null ? null : round(part.m);
}

/** The distinct key paths of the given key columns, ordered level by level. */
function uniquePaths(
  entries: { codes: (string | null)[] }[],
  indexes: number[],
  orders: Map<string | null, { key: GroupKey; position: number }>[],
): GroupKey[][] {
  const seen = new Map<string, GroupKey[]>();
  for (const entry of entries) {
    const codes = indexes.map((i) => entry.codes[i]!);
    const found = codes.map((c, j) => orders[indexes[j]!]!.get(c)?.key);
    if (found.some((k) => k === undefined)) continue; // beyond the keys shown
    seen.set(pathId(codes), found as GroupKey[]);
  }
  const position = (path: GroupKey[]) => path.map((k, j) => orders[indexes[j]!]!.get(k.code)!.position);
  return [...seen.values()].sort((a, b) => {
    const pa = position(a);
    const pb = position(b);
    for (let i = 0; i < pa.length; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
    return 0;
  });
}

const pathId = (codes: readonly (string | null)[]) => JSON.stringify(codes);
const round = (n: number) => Math.round(n * 1e6) / 1e6;
