// The fields a query may name, each resolved to the SQL that reads it from the replica: stored fields to
// their columns, formula fields and a view's computed columns to compiled expressions, and the derived
// keys of the address tree (`address$estate` …). Unknown names and broken formulas are 400s that say so.
import { invalid } from "../../app/core/errors.ts";
import { type CheckedFormula, compileFormula, type FormulaType } from "../../app/query/formula/index.ts";
import type { ComputedColumn } from "../../app/query/view.ts";
import { formulaFields } from "../../app/schema/field-rules.server.ts";
import type { OperatorId } from "../../app/schema/field-types/operators.ts";
import { fieldType } from "../../app/schema/field-types/registry.ts";
import type { FieldDef, TableDef } from "../../app/schema/tables.server.ts";
import { quoteIdent } from "../columns.ts";
import { compileFormulaSql } from "./formula-sql.ts";
import type { Params } from "./params.ts";

/** How a resolved field is compared, sorted and grouped. */
export type ValueKind =
  | "text"
  | "number"
  | "money"
  | "date"
  | "datetime"
  | "boolean"
  | "choice"
  | "list"
  | "document"
  | "address"
  | "other";

export interface ResolvedField {
  key: string;
  label: string;
  /** The stored field; absent for a view's computed column. */
  field?: FieldDef;
  kind: ValueKind;
  /** SQL reading the value (a quoted column or a compiled formula). */
  sql: string;
  operators: readonly OperatorId[];
  /** A formula's result type (formula fields and computed columns). */
  formulaType?: FormulaType;
  /** For a formula that is just AGE of a date field (年龄 = AGE([出生日期])): that field's column. */
  ageOf?: string;
}

const KIND_OF_TYPE: Record<string, ValueKind> = {
  text: "text",
  longtext: "text",
  email: "text",
  mobile: "text",
  autonumber: "text",
  integer: "number",
  decimal: "number",
  money: "money",
  date: "date",
  datetime: "datetime",
  boolean: "boolean",
  choice: "choice",
  multichoice: "list",
  document: "document",
  address: "address",
};

const KIND_OF_FORMULA: Record<FormulaType, ValueKind> = {
  number: "number",
  text: "text",
  date: "date",
  boolean: "boolean",
};

const FORMULA_OPERATORS: Record<FormulaType, readonly OperatorId[]> = {
  number: ["eq", "neq", "gt", "gte", "lt", "lte", "between", "empty", "not_empty"],
  text: ["eq", "neq", "contains", "not_contains", "starts_with", "empty", "not_empty"],
  date: ["before", "after", "between", "last_n_days", "next_n_days", "age_between", "empty", "not_empty"],
  boolean: ["eq", "empty", "not_empty"],
};

/** The grid's own columns: the system ID (编号) and the community or grid a record belongs to. */
export const SYSTEM_COLUMNS: Record<string, ResolvedField> = {
  $id: {
    key: "$id",
    label: "编号 / ID",
    kind: "text",
    sql: "r.system_id",
    operators: ["eq", "contains", "starts_with", "in"],
  },
  $org: { key: "$org", label: "所属组织 / Org", kind: "other", sql: "r.org_path", operators: [] },
};

const ADDRESS_LEVELS = { estate: "小区 / estate", building: "楼 / building", unit: "单元 / unit" } as const;

export class FieldResolver {
  readonly #byKey = new Map<string, ResolvedField>();

  constructor(
    readonly table: TableDef,
    params: Params,
    today: string,
    computed: readonly ComputedColumn[] = [],
  ) {
    // Formula fields compile on first use, so one may read another in any order (the schema refuses
    // cycles; `compiling` guards anyway).
    const known = formulaFields(table.fields);
    const checkedFormulas = new Map<string, CheckedFormula>();
    const formulas = new Map<string, string>();
    const compiling = new Set<string>();
    const formulaOf = (key: string): string | undefined => {
      const checked = checkedFormulas.get(key);
      if (!checked || compiling.has(key)) return formulas.get(key);
      if (!formulas.has(key)) {
        compiling.add(key);
        formulas.set(key, `(${compileFormulaSql(checked, scope)})`);
        compiling.delete(key);
      }
      return formulas.get(key);
    };
    const scope = { params, today, formulaOf };
    for (const field of table.fields) {
      if (field.type !== "formula") {
        this.#byKey.set(field.key, {
          key: field.key,
          label: field.label,
          field,
          kind: KIND_OF_TYPE[field.type] ?? "other",
          sql: quoteIdent(field.key),
          operators: fieldType(field.type).operators,
        });
        continue;
      }
      const checked = compileFormula(field.options.formula ?? "", known);
      // A broken stored formula reads as absent rather than failing every query.
      if (checked.ok) checkedFormulas.set(field.key, checked);
    }
    for (const [key, checked] of checkedFormulas) {
      const field = table.fields.find((f) => f.key === key)!;
      this.#byKey.set(key, formulaField(key, field.label, checked, formulaOf(key)!, field));
    }
    for (const column of computed) {
      if (this.#byKey.has(column.key))
        throw invalid(`计算列「${column.label}」的 key 重复 / Computed column key "${column.key}" is taken`);
      const checked = compileFormula(column.formula, known);
      if (!checked.ok)
        throw invalid(`计算列「${column.label}」：${checked.message}`, { [column.key]: checked.message });
      this.#byKey.set(
        column.key,
        formulaField(column.key, column.label, checked, compileFormulaSql(checked, scope)),
      );
    }
  }

  /** Every field a query can read, in table order, computed columns last. */
  all(): ResolvedField[] {
    return [...this.#byKey.values()];
  }

  /** The field named by `key`; a 400 naming it when the table has no such field. */
  get(key: string): ResolvedField {
    const found = this.#byKey.get(key) ?? SYSTEM_COLUMNS[key] ?? this.addressLevel(key);
    if (!found)
      throw invalid(`没有名为「${key}」的字段 / The table has no field "${key}"`, {
        field: `未知字段 / Unknown field: ${key}`,
      });
    return found;
  }

  /** `address$estate`, `address$building`, `address$unit`: the levels of an address field. */
  private addressLevel(key: string): ResolvedField | undefined {
    const [base, level] = key.split("$");
    const parent = base ? this.#byKey.get(base) : undefined;
    if (parent?.kind !== "address" || !level || !Object.hasOwn(ADDRESS_LEVELS, level)) return;
    return {
      key,
      label: `${parent.label}·${ADDRESS_LEVELS[level as keyof typeof ADDRESS_LEVELS]}`,
      kind: "text",
      sql: quoteIdent(key),
      operators: ["eq", "neq", "in", "not_in", "empty", "not_empty"],
    };
  }
}

/** AGE([a date field]): age comparisons can then become date comparisons on that column. */
function ageColumn(checked: CheckedFormula): { ageOf?: string } {
  const ast = checked.ast;
  if (ast.kind !== "call" || ast.name !== "AGE") return {};
  const arg = ast.args[0];
  return arg?.kind === "field" && arg.read === "date" ? { ageOf: quoteIdent(arg.key) } : {};
}

function formulaField(
  key: string,
  label: string,
  checked: CheckedFormula,
  sql: string,
  field?: FieldDef,
): ResolvedField {
  return {
    key,
    label,
    ...(field ? { field } : {}),
    kind: KIND_OF_FORMULA[checked.type],
    sql: `(${sql})`,
    operators: FORMULA_OPERATORS[checked.type],
    formulaType: checked.type,
    ...ageColumn(checked),
  };
}
