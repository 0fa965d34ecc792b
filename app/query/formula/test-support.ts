// Fields and helpers the formula tests share.
import { expect } from "vitest";
import type { FormulaField } from "./check.ts";
import type { CheckedFormula } from "./checked.ts";
import { compileFormula } from "./index.ts";

export const FIELDS: FormulaField[] = [
  { key: "name", label: "姓名", type: "text" },
  { key: "birth_date", label: "出生日期", type: "date" },
  { key: "registered_at", label: "登记时间", type: "datetime" },
  { key: "household_size", label: "户人数", type: "integer" },
  { key: "subsidy", label: "补贴", type: "money" },
  { key: "height", label: "身高", type: "decimal" },
  { key: "low_income", label: "低保户", type: "boolean" },
  { key: "mobile", label: "手机", type: "mobile" },
  { key: "groups", label: "特殊人群", type: "multichoice" },
  { key: "age_text", label: "年龄段", type: "formula", resultType: "text" },
];

export function compiled(source: string): CheckedFormula {
  const result = compileFormula(source, FIELDS);
  if (!result.ok) throw new Error(result.message);
  return result;
}

export function problemOf(source: string) {
  const result = compileFormula(source, FIELDS);
  expect(result.ok).toBe(false);
  return result as Exclude<typeof result, { ok: true }>;
}
