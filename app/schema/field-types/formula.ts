// 公式: computed from other fields (年龄 from 出生日期). Nobody types it; the expression language and
// its evaluation come with the query engine.
import { isBlank, nothing, readOnly } from "./problems.ts";
import type { FieldTypeDefinition } from "./types.ts";

export type FormulaValue = number | string | boolean;

export const formulaType: FieldTypeDefinition<FormulaValue> = {
  type: "formula",
  labelKey: "fieldTypes.formula",
  // Blank is accepted so an exported sheet with the column left empty imports cleanly.
  parse: (raw, field) =>
    isBlank(raw) ? nothing() : readOnly(field, ["由公式计算", "is computed by a formula"]),
  format(value, _field, { lang }) {
    if (value === null) return "";
    if (typeof value === "boolean") return lang === "en" ? (value ? "Yes" : "No") : value ? "是" : "否";
    return String(value);
  },
  operators: ["eq", "neq", "gt", "gte", "lt", "lte", "between", "contains", "empty", "not_empty"],
  // A formula's result may be a number, text, date or yes/no; when kept, it is kept as JSON.
  storage: "json",
  sortable: true,
  sensitiveByDefault: false,
  readOnly: true,
  editor: "readonly",
};
