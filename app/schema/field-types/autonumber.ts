// 自动编号: the immutable, human-readable system ID ("JRJ-000123") the system gives each record.
import { isBlank, nothing, readOnly } from "./problems.ts";
import type { FieldTypeDefinition } from "./types.ts";

export const autonumberType: FieldTypeDefinition<string> = {
  type: "autonumber",
  labelKey: "fieldTypes.autonumber",
  parse: (raw, field) =>
    isBlank(raw) ? nothing() : readOnly(field, ["是系统自动生成的编号", "is a number the system assigns"]),
  format: (value) => value ?? "",
  operators: ["eq", "neq", "contains", "starts_with", "in", "not_in"],
  storage: "text",
  sortable: true,
  sensitiveByDefault: false,
  readOnly: true,
  editor: "readonly",
};
