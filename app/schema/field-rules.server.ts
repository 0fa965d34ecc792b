// What makes a field definition valid: options that fit its type (a dictionary that exists, a formula
// that type-checks against the table, a link to a table that exists) and a label unique in its table.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/types.ts";
import { invalid } from "../core/errors.ts";
import { compileFormula, type FormulaField, type FormulaType } from "../query/formula/index.ts";
import type { FieldTypeId } from "./field-types/registry.ts";
import type { FieldOptions } from "./field-types/types.ts";
import type { FieldDef } from "./tables.server.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/** Formula inputs of a table: every field, with each formula field's own result type worked out. */
export function formulaFields(fields: readonly FieldDef[]): FormulaField[] {
  const plain: FormulaField[] = fields
    .filter((f) => f.type !== "formula")
    .map((f) => ({ key: f.key, label: f.label, type: f.type }));
  const out = [...plain];
  for (const f of fields.filter((f) => f.type === "formula")) {
    const checked = compileFormula(f.options.formula ?? "", plain);
    const resultType: FormulaType | undefined = checked.ok ? checked.type : undefined;
    out.push({ key: f.key, label: f.label, type: f.type, ...(resultType ? { resultType } : {}) });
  }
  return out;
}

/** The options a field of `type` keeps, checked; throws a 400 naming the problem. */
export async function checkFieldOptions(
  db: Executor,
  type: FieldTypeId,
  options: FieldOptions,
  siblings: readonly FieldDef[],
): Promise<FieldOptions> {
  switch (type) {
    case "choice":
    case "multichoice": {
      const key = options.dictionary;
      const found = key
        ? await db.selectFrom("dictionaries").select("id").where("key", "=", key).executeTakeFirst()
        : undefined;
      if (!found)
        throw invalid("请选择字段使用的字典 / Choose the dictionary the field offers", {
          dictionary: "请选择字典 / Choose a dictionary",
        });
      return { dictionary: key };
    }
    case "decimal":
      return { decimals: options.decimals ?? 2 };
    case "formula": {
      const source = options.formula?.trim() ?? "";
      const checked = compileFormula(source, formulaFields(siblings));
      if (!checked.ok) throw invalid(`公式有误 / Formula: ${checked.message}`, { formula: checked.message });
      return { formula: source };
    }
    case "link": {
      const target = options.linkTable;
      const found = target
        ? await db.selectFrom("data_tables").select("id").where("key", "=", target).executeTakeFirst()
        : undefined;
      if (!found)
        throw invalid("请选择关联的表 / Choose the table the link points into", {
          linkTable: "请选择表 / Choose a table",
        });
      return { linkTable: target };
    }
    case "text":
    case "longtext":
      return options.maxLength ? { maxLength: options.maxLength } : {};
    default:
      return {};
  }
}

/** Refuse a label another field of the table already has (formulas refer to fields by label). */
export function assertLabelFree(label: string, fields: readonly FieldDef[], exceptId?: number): void {
  const clash = fields.find((f) => f.label === label && f.id !== exceptId && f.removedAt === null);
  if (clash)
    throw invalid(`本表已有字段“${label}” / The table already has a field "${label}"`, {
      label: "字段名已被使用 / Name taken",
    });
}

/** Formula fields whose expression reads the field labelled `label`. */
export function formulasReading(label: string, fields: readonly FieldDef[]): FieldDef[] {
  return fields.filter(
    (f) => f.type === "formula" && f.removedAt === null && (f.options.formula ?? "").includes(`[${label}]`),
  );
}
