// 分类筛选: how many records in the query have each value of a field. Multi-valued fields (特殊人群)
// count a record once under each of its values.
import { invalid } from "../../app/core/errors.ts";
import { type CompiledQuery, fromRecords } from "./compile.ts";
import { keyText, labeller } from "./labels.ts";
import type { Facet } from "./results.ts";

/** Most values a facet lists (a free-text field would list every distinct text otherwise). */
const MAX_VALUES = 200;

const FACETABLE = new Set(["choice", "list", "boolean", "text", "number", "date"]);

export async function facetValues(
  compiled: CompiledQuery,
  key: string,
  read: (sql: string) => Promise<Record<string, unknown>[]>,
): Promise<Facet> {
  const field = compiled.fields.get(key);
  if (!FACETABLE.has(field.kind))
    throw invalid(`「${field.label}」不能分类统计 / "${field.label}" cannot be counted by value`);
  const where = compiled.whereWithoutFacet(key);
  const from = fromRecords(compiled.needsMarks);
  const values =
    field.kind === "list"
      ? `SELECT unnest(${field.sql}) AS code FROM ${from} WHERE ${where}`
      : `SELECT ${field.sql} AS code FROM ${from} WHERE ${where}`;
  const rows = await read(
    `SELECT code, count(*) AS n FROM (${values}) GROUP BY code ORDER BY n DESC LIMIT ${MAX_VALUES}`,
  );
  const names = labeller(field, compiled.dictionaries);
  const list = rows.map((r) => {
    const code = keyText(r.code);
    const colour = names.colour(code);
    return { code, label: names.label(code), ...(colour ? { colour } : {}), count: Number(r.n) };
  });
  list.sort((a, b) => names.compare(a.code, b.code));
  return { field: key, label: field.label, values: list };
}
