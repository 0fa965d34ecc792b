// The problem codes an import reports per row, beside the field types' own codes
// (app/schema/field-types/codes.ts). Stable: the CLI's --json output and docs/OPERATIONS.md list them.
import { FIELD_PROBLEM_CODES } from "../../schema/field-types/codes.ts";

export const IMPORT_PROBLEM_CODES = {
  required: ["必填字段为空", "A required field is empty"],
  "birthdate-contradicts-id": ["出生日期与身份证号码不符", "The birth date contradicts the ID number"],
  "sex-contradicts-id": ["性别与身份证号码不符", "The sex contradicts the ID number"],
  duplicate: ["与文件中前面的某一行重复（同一证件号码或系统编号）", "Repeats an earlier row of the file"],
  "already-registered": [
    "此人已登记在系统中（新增模式不覆盖）",
    "Already registered (add mode does not overwrite)",
  ],
  "not-found": ["按所选键找不到要更新的记录", "No record to update under the chosen key"],
  "key-missing": ["缺少用于匹配记录的键值", "The value the record is matched by is missing"],
  conflict: [
    "导出之后该记录已在系统中被修改，未覆盖",
    "The record changed in the system after the export; not overwritten",
  ],
  deleted: ["该记录在回收站中", "The record is in the recycle bin"],
  "out-of-scope": ["不在您的管辖范围内", "Outside your scope"],
  "org-unknown": ["找不到所填的社区或网格", "No such community or grid"],
  "org-missing": ["未填写所属社区，且未指定默认社区", "No community given and no default chosen"],
  "version-invalid": ["“数据版本”不是正整数", "The version column is not a positive whole number"],
  "write-failed": ["写入时被数据库拒绝（例如同时有人登记了同一人）", "The database refused the write"],
} as const satisfies Record<string, readonly [string, string]>;

export type ImportProblemCode = keyof typeof IMPORT_PROBLEM_CODES;

export interface RowProblem {
  /** The field's label as users see it, or the column header for org / system ID / version problems. */
  field: string;
  code: string;
  message: string;
}

export function rowProblem(field: string, code: ImportProblemCode, detail?: string): RowProblem {
  const [zh, en] = IMPORT_PROBLEM_CODES[code];
  return { field, code, message: detail ? `${zh}：${detail} / ${en}: ${detail}` : `${zh} / ${en}` };
}

/** Every code a row can carry, for the docs and the UI's legend. */
export const ALL_ROW_PROBLEM_CODES: Record<string, readonly [string, string]> = {
  ...FIELD_PROBLEM_CODES,
  ...IMPORT_PROBLEM_CODES,
};
