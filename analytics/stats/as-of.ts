// A table as it stood at a past moment, for any query the engine compiles. The compiled SQL reads
// `records r`; as of moment T it reads a common table expression of the same name instead, built from the
// replica's current rows and its history (analytics/history.server.ts):
//   - a record is there when it was created by T and its last delete / restore by T (if any) was not a
//     delete;
//   - each column the query reads holds the `old` value of the record's first change after T, or the
//     current value when nothing changed since.
// Only the columns the statement names are rewritten, so an as-of count costs one pass over the history
// rows after T plus the query itself. Formula fields (年龄) are computed from the rewritten columns, with
// "today" set to T's day by the compiler, so they read as they did then. The colour marks and the quick
// search text are current: a statistic as of a date filters by them as they are now.
import { invalid } from "../../app/core/errors.ts";
import { quoteIdent, type ReplicaColumn } from "../columns.ts";

/** How a JSON `old` value becomes a cell of the column (the same cells analytics/columns.ts derives). */
function cellOf(column: ReplicaColumn, old: string): string {
  const text = `NULLIF(${old}->>'$', '')`;
  if (column.part !== "value") return `NULLIF(${old}->>'${column.part}', '')`; // an address level
  if (column.field.type === "address")
    return `NULLIF(concat_ws('', ${["community", "estate", "building", "unit", "room", "text"]
      .map((part) => `NULLIF(${old}->>'${part}', '')`)
      .join(", ")}), '')`;
  switch (column.type) {
    case "VARCHAR[]":
      return `TRY_CAST(${old} AS VARCHAR[])`;
    case "BIGINT":
      return `TRY_CAST(TRY_CAST(${old} AS DOUBLE) AS BIGINT)`;
    case "DOUBLE":
      return `TRY_CAST(${old} AS DOUBLE)`;
    case "BOOLEAN":
      return `TRY_CAST(${old} AS BOOLEAN)`;
    case "DATE":
      return `TRY_CAST(left(${text}, 10) AS DATE)`;
    default:
      // Text as it is; an object (a link) as its JSON, as the replica keeps it.
      return `CASE WHEN json_type(${old}) = 'VARCHAR' THEN ${text} ELSE CAST(${old} AS VARCHAR) END`;
  }
}

/** Columns whose past values the history holds: every column of a non-sensitive field but sort keys. */
const rewritable = (column: ReplicaColumn) =>
  column.part === "value" || column.part === "estate" || column.part === "building" || column.part === "unit";

export interface AsOf {
  /** Epoch ms: the state after every change saved at or before it. */
  at: number;
  /** The statement rewritten to read the table as of `at`. */
  rewrite(sql: string): string;
}

export function asOf(columns: readonly ReplicaColumn[], at: number): AsOf {
  if (!Number.isSafeInteger(at)) throw new Error(`as-of moment must be an integer, got ${at}`);
  return {
    at,
    rewrite(sql) {
      const used = columns.filter((c) => sql.includes(quoteIdent(c.name)));
      const sensitive = used.find((c) => c.field.sensitive);
      if (sensitive)
        throw invalid(
          `「${sensitive.field.label}」是敏感字段，不能按历史日期统计 / "${sensitive.field.label}" is sensitive: no statistics as of a past date`,
        );
      const past = used.filter(rewritable);
      const cte = recordsAsOf(past, at);
      return sql.trimStart().startsWith("WITH ")
        ? `WITH ${cte}, ${sql.trimStart().slice(5)}`
        : `WITH ${cte} ${sql}`;
    },
  };
}

function recordsAsOf(past: readonly ReplicaColumn[], at: number): string {
  // Created by T, less those whose last delete / restore by T was a delete: few records are ever
  // deleted, so this groups a few thousand rows instead of every record's versions.
  const alive = `SELECT r.* FROM main.records r
      SEMI JOIN (SELECT record_id FROM history_versions WHERE kind = 'create' AND at_ms <= ${at}) c
        ON c.record_id = r.id
      ANTI JOIN (SELECT record_id FROM history_versions WHERE kind IN ('delete', 'restore') AND at_ms <= ${at}
                  GROUP BY record_id HAVING arg_max(kind, id) = 'delete') d
        ON d.record_id = r.id`;
  if (past.length === 0) return `records AS (SELECT r.* REPLACE (false AS deleted) FROM (${alive}) r)`;
  // One row per record changed after T: for each column, the first change's old value (a struct, so
  // that an old value that was empty still counts as a change).
  const fields = [...new Set(past.map((c) => c.field.key))];
  const firsts = fields
    .map((key, i) => `arg_min({'v': old}, version_id) FILTER (WHERE field = ${literal(key)}) AS f${i}`)
    .join(", ");
  const changed = `SELECT record_id, ${firsts} FROM history_changes
                    WHERE at_ms > ${at} AND field IN (${fields.map(literal).join(", ")}) GROUP BY record_id`;
  const replaced = past.map((c) => {
    const f = `h.f${fields.indexOf(c.field.key)}`;
    return `CASE WHEN ${f} IS NULL THEN r.${quoteIdent(c.name)} ELSE ${cellOf(c, `${f}.v`)} END AS ${quoteIdent(c.name)}`;
  });
  return `records AS (SELECT r.* REPLACE (false AS deleted, ${replaced.join(", ")})
                        FROM (${alive}) r LEFT JOIN (${changed}) h ON h.record_id = r.id)`;
}

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
