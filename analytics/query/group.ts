// 统计: measures by one field, or by two as a cross table, with row, column and grand totals — one
// DuckDB query with GROUPING SETS. A multi-valued field (特殊人群) counts a record under each of its
// values; the grand total still counts each record once.
import { invalid } from "../../app/core/errors.ts";
import type { GroupRequest } from "../../app/query/view.ts";
import { type CompiledQuery, fromRecords } from "./compile.ts";
import type { ResolvedField } from "./fields.ts";
import { keyText, labeller } from "./labels.ts";
import type { GroupKey, GroupResult, Measure } from "./results.ts";

const MAX_KEYS = 500;
const GROUPABLE = new Set(["choice", "list", "boolean", "text", "number", "date", "money", "address"]);
const FN_NAMES = { count: "人数", sum: "合计", avg: "平均", min: "最小", max: "最大" } as const;

type Read = (sql: string) => Promise<Record<string, unknown>[]>;

export async function groupTable(
  compiled: CompiledQuery,
  request: GroupRequest,
  read: Read,
): Promise<GroupResult> {
  const rowField = groupField(compiled, request.rows);
  const columnField = request.columns ? groupField(compiled, request.columns) : undefined;
  const measures = request.measures.map((m) => measureOf(compiled, m));
  const from = fromRecords(compiled.needsMarks);

  // Layered so that two multi-valued keys give their cross product, not a zip.
  const values = measures.map((m, i) => `${m.sql ?? "NULL"} AS v${i}`).join(", ");
  let base = `SELECT ${rowField.sql} AS rk, ${columnField?.sql ?? "NULL"} AS ck, ${values} FROM ${from} WHERE ${compiled.where}`;
  if (rowField.kind === "list") base = `SELECT unnest(rk) AS rk, * EXCLUDE (rk) FROM (${base})`;
  if (columnField?.kind === "list") base = `SELECT unnest(ck) AS ck, * EXCLUDE (ck) FROM (${base})`;
  const aggregates = measures.map((m, i) => `${m.fn === "count" ? "count(*)" : `${m.fn}(v${i})`} AS m${i}`);
  const sets = columnField ? "(rk, ck), (rk), (ck)" : "(rk, ck)";
  const grouped = await read(
    `SELECT rk, ck, grouping(rk) AS gr, grouping(ck) AS gc, ${aggregates.join(", ")}
       FROM (${base}) GROUP BY GROUPING SETS (${sets}) LIMIT ${MAX_KEYS * (MAX_KEYS + 2)}`,
  );
  const [total] = await read(
    `SELECT ${measures.map((m, i) => `${m.fn === "count" ? "count(*)" : `${m.fn}(${m.sql})`} AS m${i}`).join(", ")}
       FROM ${from} WHERE ${compiled.where}`,
  );

  const measureValues = (row: Record<string, unknown>) => measures.map((_, i) => numberOrNull(row[`m${i}`]));
  const rowKeys = keysOf(
    grouped.filter((r) => Number(r.gr) === 0).map((r) => keyText(r.rk)),
    rowField,
    compiled,
  );
  const columnKeys = columnField
    ? keysOf(
        grouped.filter((r) => Number(r.gc) === 0).map((r) => keyText(r.ck)),
        columnField,
        compiled,
      )
    : [];
  const empty = () => measures.map(() => null as number | null);
  const rowIndex = new Map(rowKeys.map((k, i) => [k.code, i]));
  const columnIndex = new Map(columnKeys.map((k, i) => [k.code, i]));
  const cells = rowKeys.map(() => (columnField ? columnKeys.map(empty) : [empty()]));
  const rowTotals = rowKeys.map(empty);
  const columnTotals = columnKeys.map(empty);
  for (const row of grouped) {
    const r = rowIndex.get(keyText(row.rk));
    const c = columnIndex.get(keyText(row.ck));
    const inRow = Number(row.gr) === 0;
    const inColumn = Number(row.gc) === 0;
    if (columnField && inRow && inColumn && r !== undefined && c !== undefined)
      cells[r]![c] = measureValues(row);
    else if (inRow && !(columnField && inColumn) && r !== undefined) {
      rowTotals[r] = measureValues(row);
      if (!columnField) cells[r]![0] = measureValues(row);
    } else if (columnField && inColumn && !inRow && c !== undefined) columnTotals[c] = measureValues(row);
  }
  return {
    measures: measures.map(({ sql: _sql, ...m }) => m),
    rowKeys,
    columnKeys,
    cells,
    rowTotals,
    columnTotals,
    total: measureValues(total ?? {}),
  };
}

function groupField(compiled: CompiledQuery, key: string): ResolvedField {
  const field = compiled.fields.get(key);
  if (!GROUPABLE.has(field.kind))
    throw invalid(`不能按「${field.label}」分组 / Cannot group by "${field.label}"`);
  return field;
}

function measureOf(compiled: CompiledQuery, m: GroupRequest["measures"][number]): Measure & { sql?: string } {
  if (m.fn === "count") return { fn: "count", label: FN_NAMES.count };
  if (!m.field) throw invalid(`「${FN_NAMES[m.fn]}」需要指明数字字段 / ${m.fn} needs a number field`);
  const field = compiled.fields.get(m.field);
  if (field.kind !== "number" && field.kind !== "money")
    throw invalid(`「${field.label}」不是数字，不能求${FN_NAMES[m.fn]} / "${field.label}" is not a number`);
  const sql = field.kind === "money" ? `(${field.sql} / 100.0)` : field.sql;
  return { fn: m.fn, field: field.key, label: `${field.label}${FN_NAMES[m.fn]}`, sql };
}

function keysOf(codes: (string | null)[], field: ResolvedField, compiled: CompiledQuery): GroupKey[] {
  const names = labeller(field, compiled.dictionaries);
  const unique = [...new Set(codes)].sort((a, b) => names.compare(a, b)).slice(0, MAX_KEYS);
  return unique.map((code) => ({ code, label: names.label(code) }));
}

function numberOrNull(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === "bigint" ? Number(value) : Number(value);
  return Number.isFinite(n) ? Math.round(n * 1e6) / 1e6 : null;
}
