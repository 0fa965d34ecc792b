// What a condition compares with, by operator and field: which input the builder shows, how typed text
// becomes the condition's value(s), and which conditions are not complete yet (with a message key).
// Pure, shared by the builder, the summary line and their tests.
import type { Condition, FilterGroup } from "../../query/view.ts";
import { isOperatorId, OPERATORS, type OperandKind } from "../../schema/field-types/operators.ts";
import type { GridField } from "../grid/types.ts";
import { countConditions, fieldOperators, isGroup, MAX_CONDITIONS, MAX_DEPTH } from "./filter-tree.ts";

export type Scalar = string | number | boolean;

/** How one value of a field is typed in. */
export type ValueInput = "text" | "number" | "date" | "select" | "boolean";

const NUMBER_TYPES = new Set(["integer", "decimal", "money"]);
const DATE_TYPES = new Set(["date", "datetime"]);

export function operandKind(op: string): OperandKind {
  return isOperatorId(op) ? OPERATORS[op].operand : "value";
}

/** The input for one value of `field`: a select of the dictionary's options for choice fields, etc. */
export function valueInput(field: GridField | undefined): ValueInput {
  if (!field) return "text";
  if ((field.type === "choice" || field.type === "multichoice") && field.options.dictionary) return "select";
  if (field.type === "boolean") return "boolean";
  if (NUMBER_TYPES.has(field.type)) return "number";
  if (DATE_TYPES.has(field.type)) return "date";
  return "text";
}

/** Whether typed text that reads as a number is sent as one (formula results such as 年龄 are numbers). */
const numericText = (field: GridField | undefined) => field?.type === "formula";

const FULL_WIDTH = /[０-９．－，]/g;
const halfWidth = (text: string) =>
  text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** A number as people type it (full-width digits, thousands commas); null when blank, NaN when not a number. */
export function parseNumber(text: string): number | null {
  const clean = halfWidth(text).replace(/[,\s]/g, "");
  if (clean === "") return null;
  return /^-?(\d+\.?\d*|\.\d+)$/.test(clean) ? Number(clean) : Number.NaN;
}

/** A list typed as one line: 张三,李四、王五；赵六 (commas of both widths, 、 ; and line breaks). */
export function splitList(text: string): string[] {
  return text
    .split(/[,，、;；\n\r\t]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** One typed value as the condition keeps it: a number for number fields when it reads as one. */
export function typedValue(field: GridField | undefined, text: string): Scalar | null {
  if (text.trim() === "") return null;
  const kind = valueInput(field);
  if (kind === "number" || numericText(field)) {
    const n = parseNumber(text);
    if (n !== null && !Number.isNaN(n)) return n;
    return kind === "number" ? text.trim() : text;
  }
  return text;
}

/** The operand as text for an input (the inverse of typedValue). */
export const valueText = (value: unknown): string =>
  value === null || value === undefined ? "" : typeof value === "string" ? value : String(value);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export type ProblemCode =
  | "noField"
  | "unknownField"
  | "badOperator"
  | "missingValue"
  | "badNumber"
  | "badDate"
  | "badRange"
  | "badDays"
  | "badYears"
  | "tooDeep"
  | "tooMany";

export interface FilterProblem {
  /** Path of the condition (or group) the problem is in. */
  path: number[];
  code: ProblemCode;
  /** The field's label, for the message. */
  field?: string;
}

const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** What is wrong with one condition, if anything. */
export function conditionProblem(condition: Condition, fields: readonly GridField[]): ProblemCode | null {
  if (!condition.field) return "noField";
  const field = fields.find((f) => f.key === condition.field);
  if (!field) return "unknownField";
  if (!fieldOperators(field).includes(condition.op as never)) return "badOperator";
  const input = valueInput(field);
  const checkOne = (v: unknown): ProblemCode | null => {
    if (blank(v)) return "missingValue";
    if (input === "number" && typeof v !== "number") return "badNumber";
    if (input === "date" && (typeof v !== "string" || !ISO_DATE.test(v))) return "badDate";
    return null;
  };
  switch (operandKind(condition.op)) {
    case "none":
      return null;
    case "value":
      return checkOne(condition.value);
    case "text":
      return blank(condition.value) ? "missingValue" : null;
    case "values": {
      const list = (condition.values ?? []).filter((v) => !blank(v));
      if (list.length === 0) return "missingValue";
      for (const v of list) {
        const problem = checkOne(v);
        if (problem) return problem;
      }
      return null;
    }
    case "range": {
      const [a, b] = condition.values ?? [];
      if (blank(a) || blank(b)) return "badRange";
      const problem = checkOne(a) ?? checkOne(b);
      if (problem) return problem;
      if (
        (typeof a === "number" && typeof b === "number") ||
        (typeof a === "string" && typeof b === "string")
      )
        return a > b ? "badRange" : null;
      return null;
    }
    case "days": {
      const n = condition.value;
      return typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 36_500 ? null : "badDays";
    }
    case "years": {
      const [a, b] = condition.values ?? [];
      const ok = (n: unknown) => typeof n === "number" && Number.isInteger(n) && n >= 0 && n <= 150;
      return ok(a) && ok(b) && (a as number) <= (b as number) ? null : "badYears";
    }
  }
}

/** Every problem of a filter: incomplete conditions, too deep, too many. Empty when it can run. */
export function filterProblems(root: FilterGroup, fields: readonly GridField[]): FilterProblem[] {
  const out: FilterProblem[] = [];
  if (countConditions(root) > MAX_CONDITIONS) out.push({ path: [], code: "tooMany" });
  const walk = (group: FilterGroup, path: number[]) => {
    if (path.length + 1 > MAX_DEPTH) {
      out.push({ path, code: "tooDeep" });
      return;
    }
    group.items.forEach((item, i) => {
      const at = [...path, i];
      if (isGroup(item)) {
        walk(item, at);
        return;
      }
      const code = conditionProblem(item, fields);
      if (code)
        out.push({ path: at, code, field: fields.find((f) => f.key === item.field)?.label ?? item.field });
    });
  };
  walk(root, []);
  return out;
}
