// Which rows an export holds and in what order: one scan of the table's replica with the view's compiled
// WHERE (the reader's scope included) and ORDER BY, the same as the grid's windows, returning every id
// with its row colour, its cell colours and the values of columns only the replica computes.
import { type CompiledQuery, fromRecords } from "../../../analytics/query/compile.ts";
import type { ResolvedField } from "../../../analytics/query/fields.ts";
import type { Replica } from "../../../analytics/replica.server.ts";

export interface Selection {
  /** Record ids in the view's order (a million numbers is a few MB). */
  ids: number[];
  /** Per row: its manual mark, else the first matching row rule; null: none. */
  colours: (string | null)[];
  /** Per field with cell rules: per row, the colour of that field's cell. */
  cellColours: Map<string, (string | null)[]>;
  /** Per replica-computed column key: per row, its value. */
  computed: Map<string, unknown[]>;
}

export async function selectRows(
  replica: Replica,
  compiled: CompiledQuery,
  computed: readonly ResolvedField[],
): Promise<Selection> {
  // The id as DOUBLE: a JS number straight away, not a BigInt per row.
  const selects = ["CAST(r.id AS DOUBLE) AS id", `${compiled.rowColour} AS colour`];
  compiled.cellColours.forEach((c, i) => {
    selects.push(`${c.sql} AS cell_${i}`);
  });
  computed.forEach((c, i) => {
    selects.push(`${c.sql} AS calc_${i}`);
  });
  // The row colour reads the marks, so they are always joined.
  const sql = `SELECT ${selects.join(", ")} FROM ${fromRecords(true)} WHERE ${compiled.where} ORDER BY ${compiled.orderBy}`;
  const result = await replica.connection.runAndReadAll(sql, compiled.params.usedBy(sql));
  const columns = result.getColumnsJS();
  const at = (i: number) => (columns[i] ?? []) as unknown[];
  const cellColours = new Map<string, (string | null)[]>();
  compiled.cellColours.forEach((c, i) => {
    cellColours.set(c.key, at(2 + i) as (string | null)[]);
  });
  const values = new Map<string, unknown[]>();
  computed.forEach((c, i) => {
    values.set(c.key, at(2 + compiled.cellColours.length + i));
  });
  return {
    ids: at(0) as number[],
    colours: at(1) as (string | null)[],
    cellColours,
    computed: values,
  };
}
