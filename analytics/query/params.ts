// Bound parameters for DuckDB SQL: every value a user gave travels as a named parameter ($p1, $p2 …),
// never spliced into the text. Identifiers come only from the table definition and are quoted.
import type { DuckDBValue } from "@duckdb/node-api";

export class Params {
  readonly values: Record<string, DuckDBValue> = {};
  #next = 1;

  /** A placeholder for the value. */
  add(value: string | number | boolean): string {
    const name = `p${this.#next++}`;
    this.values[name] = value;
    return `$${name}`;
  }

  /** A placeholder for a date given as "YYYY-MM-DD". */
  date(value: string): string {
    return `CAST(${this.add(value)} AS DATE)`;
  }

  /** The values the SQL uses (DuckDB refuses a named value the statement does not name). */
  usedBy(sql: string): Record<string, DuckDBValue> {
    const out: Record<string, DuckDBValue> = {};
    for (const [, name] of sql.matchAll(/\$(p\d+)\b/g)) out[name!] = this.values[name!]!;
    return out;
  }

  /** A list literal of placeholders: [$p1, $p2]. */
  list(values: readonly (string | number | boolean)[]): string {
    return `[${values.map((v) => this.add(v)).join(", ")}]`;
  }
}
