// The built-in person table 社区人员 (SPEC §A1): the columns office spreadsheets carry, and a few more.
// Installed once; afterwards staff rename, hide, reorder and add fields like on any other table.

import type { FieldTypeId } from "../field-types/registry.ts";
import type { FieldOptions } from "../field-types/types.ts";

export interface FieldSeed {
  key: string;
  label: string;
  type: FieldTypeId;
  options?: FieldOptions;
  required?: boolean;
  sensitive?: boolean;
  hidden?: boolean;
}

export interface TableSeed {
  key: string;
  name: string;
  idPrefix: string;
  fields: FieldSeed[];
}

export const PERSON_TABLE_KEY = "people";

const choice = (key: string, label: string, dictionary: string, extra: FieldOptions = {}): FieldSeed => ({
  key,
  label,
  type: "choice",
  options: { dictionary, ...extra },
});

// What a resident linked to their record sees and may propose changes to (app/schema/resident-access.ts);
// migration 0008 gives existing databases the same defaults.
const SEEN: FieldOptions = { residentVisible: true };
const EDITABLE: FieldOptions = { residentVisible: true, residentEditable: true };

export const PERSON_TABLE: TableSeed = {
  key: PERSON_TABLE_KEY,
  name: "社区人员",
  idPrefix: "RY",
  fields: [
    {
      key: "name",
      label: "姓名",
      type: "text",
      required: true,
      options: { personName: true, maxLength: 50, ...SEEN },
    },
    {
      key: "document",
      label: "证件号码",
      type: "document",
      sensitive: true,
      options: { unique: true, fills: { birthDate: "birthDate", sex: "sex" }, ...SEEN },
    },
    choice("sex", "性别", "sex", SEEN),
    { key: "birthDate", label: "出生日期", type: "date", options: SEEN },
    { key: "age", label: "年龄", type: "formula", options: { formula: "AGE([出生日期])" } },
    { key: "category", label: "人员类别", type: "choice", options: { dictionary: "person_category" } },
    { key: "mobile", label: "手机号码", type: "mobile", sensitive: true, options: EDITABLE },
    choice("ethnicity", "民族", "ethnicity"),
    { key: "nativePlace", label: "籍贯", type: "text" },
    choice("politicalStatus", "政治面貌", "political_status"),
    choice("education", "文化程度", "education"),
    choice("maritalStatus", "婚姻状况", "marital_status"),
    choice("religion", "宗教信仰", "religion"),
    choice("health", "健康状况", "health"),
    { key: "landline", label: "固定电话", type: "text", options: { maxLength: 30 } },
    { key: "email", label: "电子邮箱", type: "email", options: EDITABLE },
    choice("residenceType", "户籍类型", "residence_type"),
    { key: "registeredAddress", label: "户籍地址", type: "text", options: { maxLength: 200 } },
    { key: "address", label: "现住址", type: "address", options: EDITABLE },
    choice("housingType", "住房性质", "housing_type"),
    {
      key: "floorArea",
      label: "住房面积(㎡)",
      type: "decimal",
      options: { decimals: 2, min: 0, max: 10000 },
    },
    { key: "moveInDate", label: "入住日期", type: "date" },
    { key: "householdNo", label: "户号", type: "text", options: { maxLength: 30 } },
    choice("relationToHead", "与户主关系", "relation_to_head"),
    { key: "householdHead", label: "户主", type: "link", options: { linkTable: PERSON_TABLE_KEY } },
    {
      key: "specialGroups",
      label: "特殊人群",
      type: "multichoice",
      options: { dictionary: "special_groups" },
    },
    choice("employmentStatus", "就业状况", "employment_status"),
    { key: "occupation", label: "职业", type: "text", options: { maxLength: 50 } },
    { key: "workUnit", label: "工作单位", type: "text", options: { maxLength: 100, ...EDITABLE } },
    choice("medicalInsurance", "医疗保险", "medical_insurance"),
    {
      key: "emergencyContact",
      label: "紧急联系人",
      type: "text",
      options: { personName: true, maxLength: 50 },
    },
    { key: "emergencyPhone", label: "紧急联系电话", type: "mobile", sensitive: true },
    { key: "registeredOn", label: "登记日期", type: "date" },
    { key: "photo", label: "照片", type: "photo", options: EDITABLE },
    { key: "attachments", label: "附件", type: "attachments" },
    { key: "notes", label: "备注", type: "longtext", options: { maxLength: 2000 } },
  ],
};
