// A saved view's definition checked against its table: every field it names must be one of the table's
// (or the view's own computed columns, or the grid's own columns where a column may be), and computed
// formulas must type-check. A 400 names the first problem and where it is.
import { SYSTEM_COLUMNS } from "../../analytics/query/fields.ts";
import { type FieldErrors, invalid } from "../core/errors.ts";
import { formulaFields } from "../schema/field-rules.server.ts";
import type { TableDef } from "../schema/tables.server.ts";
import { compileFormula } from "./formula/index.ts";
import type { FilterNode, ViewDefinition } from "./view.ts";

/**
 * Every field a definition names must be a field of the table in use (or one of the view's computed
 * columns, where a column may be); computed formulas must type-check. A 400 names the first problem.
 */
export function checkDefinition(table: TableDef, definition: ViewDefinition): void {
  const fields = new Set(table.fields.map((f) => f.key));
  const computed = new Set((definition.computed ?? []).map((c) => c.key));
  const problems: FieldErrors = {};
  const unknown = (path: string, key: string, allowComputed = false) => {
    if (fields.has(key) || (allowComputed && (computed.has(key) || key in SYSTEM_COLUMNS))) return;
    problems[path] ??= `表「${table.name}」中没有字段“${key}” / Table "${table.name}" has no field "${key}"`;
  };
  const walk = (node: FilterNode, path: string) => {
    if (node.kind === "condition") unknown(`${path}.field`, node.field, true);
    else for (const [i, item] of node.items.entries()) walk(item, `${path}.items.${i}`);
  };
  if (definition.filter) walk(definition.filter, "definition.filter");
  if (definition.address) unknown("definition.address.field", definition.address.field);
  for (const key of Object.keys(definition.facets ?? {})) unknown(`definition.facets.${key}`, key);
  for (const [i, s] of (definition.sort ?? []).entries())
    unknown(`definition.sort.${i}.field`, s.field, true);
  for (const [i, r] of (definition.colourRules ?? []).entries())
    unknown(`definition.colourRules.${i}.field`, r.field, true);
  for (const [i, c] of (definition.columns ?? []).entries())
    unknown(`definition.columns.${i}.key`, c.key, true);
  const inputs = formulaFields(table.fields);
  definition.computed?.forEach((c, i) => {
    if (fields.has(c.key))
      problems[`definition.computed.${i}.key`] ??=
        `计算列的 key“${c.key}”与字段重名 / Computed column key "${c.key}" is a field's key`;
    const checked = compileFormula(c.formula, inputs);
    if (!checked.ok) problems[`definition.computed.${i}.formula`] ??= checked.message;
  });
  const first = Object.entries(problems)[0];
  if (first) {
    const [zh, en] = first[1].split(" / ");
    throw invalid(`视图有误：${zh} / The view is not valid: ${en ?? zh} (${first[0]})`, problems);
  }
}
