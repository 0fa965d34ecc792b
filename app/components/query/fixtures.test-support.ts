// A small person table as the grid page gives it, for the query panels' tests.
import { createI18n } from "../../i18n/index.ts";
import { FIELD_TYPES, type FieldTypeId } from "../../schema/field-types/registry.ts";
import type { FieldOptions } from "../../schema/field-types/types.ts";
import type { GridField, GridTable } from "../grid/types.ts";
import type { Translate } from "./summary.ts";

export function gridField(
  key: string,
  label: string,
  type: FieldTypeId,
  options: FieldOptions = {},
): GridField {
  const def = FIELD_TYPES[type];
  return {
    key,
    label,
    type,
    required: false,
    sensitive: false,
    hidden: false,
    options,
    operators: [...def.operators],
    sortable: def.sortable,
    readOnly: def.readOnly,
    editor: def.editor,
  };
}

export const FIELDS: GridField[] = [
  gridField("name", "姓名", "text", { personName: true }),
  gridField("sex", "性别", "choice", { dictionary: "sex" }),
  gridField("birthDate", "出生日期", "date"),
  gridField("age", "年龄", "formula", { formula: "AGE([出生日期])" }),
  gridField("category", "人员类别", "choice", { dictionary: "person_category" }),
  gridField("politicalStatus", "政治面貌", "choice", { dictionary: "political_status" }),
  gridField("specialGroups", "特殊人群", "multichoice", { dictionary: "special_groups" }),
  gridField("lowIncome", "低保户", "boolean"),
  gridField("floorArea", "住房面积(㎡)", "decimal"),
  gridField("subsidy", "补贴", "money"),
  gridField("address", "现住址", "address"),
  gridField("registeredOn", "登记日期", "date"),
  gridField("mobile", "手机号码", "mobile"),
];

export const TABLE: GridTable = {
  key: "people",
  name: "实有人口",
  fields: FIELDS,
  dictionaries: {
    sex: [
      { code: "1", label: "男" },
      { code: "2", label: "女" },
    ],
    person_category: [
      { code: "hj", label: "户籍人口" },
      { code: "ld", label: "流动人口" },
    ],
    political_status: [
      { code: "01", label: "中共党员" },
      { code: "13", label: "群众" },
    ],
    special_groups: [
      { code: "dj", label: "独居老人", colour: "#f97316" },
      { code: "cj", label: "残疾人", colour: "#2563eb" },
      { code: "old", label: "空巢老人", aliases: ["kc"] },
    ],
  },
  places: [
    { id: 2, parentId: 1, kind: "community", name: "丰盛社区", path: "/1/2/", sort: 0, depth: 0 },
    { id: 5, parentId: 2, kind: "grid", name: "第一网格", path: "/1/2/5/", sort: 0, depth: 1 },
    { id: 6, parentId: 2, kind: "grid", name: "第二网格", path: "/1/2/6/", sort: 1, depth: 1 },
    { id: 3, parentId: 1, kind: "community", name: "太平桥社区", path: "/1/3/", sort: 1, depth: 0 },
  ],
  addressFields: ["address"],
  can: { write: true, delete: true, reveal: false, shareViews: true, editPalette: true },
};

/** The Chinese t of the app's own strings. */
export const zh: Translate = createI18n("zh-CN").t as unknown as Translate;
export const en: Translate = createI18n("en").t as unknown as Translate;
