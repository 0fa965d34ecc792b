// Fields and rows as the grid page gives them, for the grid's own tests.
import type { GridRow } from "../../../analytics/query/results.ts";
import { FIELD_TYPES, type FieldTypeId } from "../../schema/field-types/registry.ts";
import type { FieldOptions } from "../../schema/field-types/types.ts";
import type { GridField } from "./types.ts";

export function field(
  key: string,
  label: string,
  type: FieldTypeId,
  more: { options?: FieldOptions; required?: boolean; sensitive?: boolean } = {},
): GridField {
  const def = FIELD_TYPES[type];
  return {
    key,
    label,
    type,
    required: more.required ?? false,
    sensitive: more.sensitive ?? false,
    hidden: false,
    options: more.options ?? {},
    operators: [...def.operators],
    sortable: def.sortable,
    readOnly: def.readOnly,
    editor: def.editor,
  };
}

export const FIELDS: GridField[] = [
  field("name", "姓名", "text", { options: { personName: true }, required: true }),
  field("document", "证件号码", "document", { sensitive: true }),
  field("sex", "性别", "choice", { options: { dictionary: "sex" } }),
  field("age", "年龄", "formula", { options: { formula: "AGE([出生日期])" } }),
  field("mobile", "手机号码", "mobile", { sensitive: true }),
  field("floorArea", "住房面积(㎡)", "decimal"),
  field("subsidy", "补贴", "money"),
  field("groups", "特殊人群", "multichoice", { options: { dictionary: "special_groups" } }),
  field("married", "已婚", "boolean"),
  field("photo", "照片", "photo"),
];

export function row(id: number, values: Record<string, unknown> = {}, masked: string[] = []): GridRow {
  return {
    id,
    systemId: `RY-${String(id).padStart(6, "0")}`,
    version: 1,
    orgId: 5,
    orgName: "丰盛社区",
    values,
    display: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v ?? "")])),
    masked,
    colour: null,
    cellColours: {},
  };
}
