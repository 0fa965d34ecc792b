// The condition builder's filter (nested AND/OR groups) compiled to a DuckDB WHERE clause. Each operand
// is read by its field type's own parser (so 1985.3.12, 男, a dictionary label or ¥12.50 mean what they
// mean in a form), checked against the operators the type allows, and bound as a parameter. Problems
// are 400s naming the condition, the field and what is wrong.
import { invalid } from "../../app/core/errors.ts";
import { addDays, addYears } from "../../app/people/normalise/calendar.ts";
import type { Condition, FilterNode } from "../../app/query/view.ts";
import { fieldTypes } from "../../app/schema/field-types/i18n.ts";
import type { DocumentValue, ParseContext } from "../../app/schema/field-types/index.ts";
import { OPERATORS, type OperatorId } from "../../app/schema/field-types/operators.ts";
import { fieldType } from "../../app/schema/field-types/registry.ts";
import type { FieldResolver, ResolvedField } from "./fields.ts";
import type { Params } from "./params.ts";

const MAX_DEPTH = 6;
const MAX_CONDITIONS = 200;

type Scalar = string | number | boolean;

export interface FilterScope {
  fields: FieldResolver;
  params: Params;
  parse: ParseContext;
  today: string;
}

const opName = (op: OperatorId) =>
  `「${fieldTypes["zh-CN"].operators[op]}」/ "${fieldTypes.en.operators[op]}"`;

/** SQL for the filter, or null when it holds no condition. */
export function compileFilter(node: FilterNode | undefined, scope: FilterScope): string | null {
  let count = 0;
  const walk = (n: FilterNode, depth: number, path: string): string | null => {
    if (n.kind === "condition") {
      count += 1;
      if (count > MAX_CONDITIONS)
        throw invalid(
          `条件太多（最多 ${MAX_CONDITIONS} 个）/ Too many conditions (at most ${MAX_CONDITIONS})`,
        );
      return compileCondition(n, scope, path);
    }
    if (depth > MAX_DEPTH)
      throw invalid(`条件组嵌套太深（最多 ${MAX_DEPTH} 层）/ Groups nested too deep (at most ${MAX_DEPTH})`);
    const parts = n.items
      .map((item, i) => walk(item, depth + 1, path ? `${path}.${i + 1}` : String(i + 1)))
      .filter((s): s is string => s !== null);
    if (parts.length === 0) return null;
    return `(${parts.join(n.join === "and" ? " AND " : " OR ")})`;
  };
  return node ? walk(node, 1, "") : null;
}

function compileCondition(condition: Condition, scope: FilterScope, path: string): string {
  const field = scope.fields.get(condition.field);
  const where = `第 ${path} 个条件（${field.label}）/ Condition ${path} (${field.label})`;
  const fail = (zh: string, en: string) => invalid(`${where}：${zh} / ${en}`, { [`filter.${path}`]: zh });
  if (!field.operators.includes(condition.op))
    throw fail(`不能用${opName(condition.op)}比较`, `cannot be compared with ${condition.op}`);
  const _spec = OPERATORS[condition.op];
  const one = (raw: unknown) => {
    const value = operand(field, raw, scope, fail);
    if (value === null) throw fail("请填写要比较的值", "a value to compare with is missing");
    return value;
  };
  const many = () => {
    const list = condition.values ?? (condition.value !== undefined ? [condition.value] : []);
    if (list.length === 0) throw fail("请至少选一个值", "pick at least one value");
    return list.map(one);
  };
  const two = () => {
    const list = condition.values ?? [];
    if (list.length !== 2) throw fail("请填写起止两个值", "give both ends of the range");
    return [one(list[0]), one(list[1])] as const;
  };
  const whole = (raw: unknown, what: string) => {
    const n = typeof raw === "number" ? raw : Number(String(raw ?? "").trim());
    if (!Number.isInteger(n) || n < 0 || n > 200 * 366)
      throw fail(`${what}应为不小于 0 的整数`, "a whole number of 0 or more is expected");
    return n;
  };
  const { params } = scope;
  const sql = field.sql;
  const bind = (v: Scalar) =>
    field.kind === "date" || field.kind === "datetime" ? params.date(String(v)) : params.add(v);
  const column = field.kind === "datetime" ? `TRY_CAST(left(${sql}, 10) AS DATE)` : sql;

  const byBirthDate = field.ageOf ? ageComparison(field.ageOf, condition, scope) : null;
  if (byBirthDate) return byBirthDate;

  switch (condition.op) {
    case "empty":
      return emptySql(field, sql);
    case "not_empty":
      return `NOT ${emptySql(field, sql)}`;
    case "eq":
      return `${column} = ${bind(one(condition.value))}`;
    case "neq":
      return `(${column} IS NULL OR ${column} <> ${bind(one(condition.value))})`;
    case "gt":
    case "after":
      return `${column} > ${bind(one(condition.value))}`;
    case "gte":
      return `${column} >= ${bind(one(condition.value))}`;
    case "lt":
    case "before":
      return `${column} < ${bind(one(condition.value))}`;
    case "lte":
      return `${column} <= ${bind(one(condition.value))}`;
    case "between": {
      const [a, b] = two();
      return `${column} BETWEEN ${bind(a)} AND ${bind(b)}`;
    }
    case "in":
      return `${column} IN (${many().map(bind).join(", ")})`;
    case "not_in":
      return `(${column} IS NULL OR ${column} NOT IN (${many().map(bind).join(", ")}))`;
    case "contains":
    case "not_contains":
    case "starts_with":
    case "ends_with": {
      const text = textOperand(field, condition.value, fail);
      const fn = {
        contains: "contains",
        not_contains: "contains",
        starts_with: "starts_with",
        ends_with: "ends_with",
      }[condition.op];
      const test = `${fn}(lower(CAST(${sql} AS VARCHAR)), ${params.add(text)})`;
      return condition.op === "not_contains" ? `(${sql} IS NULL OR NOT ${test})` : `coalesce(${test}, FALSE)`;
    }
    case "last_n_days": {
      const n = whole(condition.value, "天数");
      return `${column} BETWEEN ${params.date(addDays(scope.today, -n))} AND ${params.date(scope.today)}`;
    }
    case "next_n_days": {
      const n = whole(condition.value, "天数");
      return `${column} BETWEEN ${params.date(scope.today)} AND ${params.date(addDays(scope.today, n))}`;
    }
    case "age_between": {
      const list = condition.values ?? [];
      if (list.length !== 2) throw fail("请填写最小和最大年龄", "give the lowest and the highest age");
      const [low, high] = [whole(list[0], "年龄"), whole(list[1], "年龄")];
      if (low > high) throw fail("最小年龄大于最大年龄", "the lowest age is above the highest");
      // Aged low..high today ⇔ born after (today − (high + 1) years) and on or before (today − low years).
      const earliest = params.date(addYears(scope.today, -(high + 1)));
      return `(${column} > ${earliest} AND ${column} <= ${params.date(addYears(scope.today, -low))})`;
    }
    case "has_any":
    case "has_all":
    case "has_none": {
      const list = params.list(many());
      if (condition.op === "has_all") return `coalesce(list_has_all(${sql}, ${list}), FALSE)`;
      const any = `coalesce(list_has_any(${sql}, ${list}), FALSE)`;
      return condition.op === "has_any" ? any : `NOT ${any}`;
    }
  }
  const exhaustive: never = condition.op;
  return exhaustive;
}

function emptySql(field: ResolvedField, sql: string): string {
  if (field.kind === "list") return `(${sql} IS NULL OR len(${sql}) = 0)`;
  if (field.kind === "number" || field.kind === "money" || field.kind === "date" || field.kind === "boolean")
    return `(${sql} IS NULL)`;
  return `(${sql} IS NULL OR CAST(${sql} AS VARCHAR) = '')`;
}

/** Text looked for inside values: lower case; the X of an ID number matches either case. */
function textOperand(field: ResolvedField, raw: unknown, fail: (zh: string, en: string) => Error): string {
  const text = typeof raw === "string" || typeof raw === "number" ? String(raw).trim() : "";
  if (text === "") throw fail("请填写要查找的文字", "type the text to look for");
  const compact =
    field.kind === "document" || field.field?.type === "mobile" ? text.replace(/\s+/g, "") : text;
  return compact.normalize("NFKC").toLowerCase();
}

/** One operand read the way the field reads typed input: the stored form, or a 400. */
function operand(
  field: ResolvedField,
  raw: unknown,
  scope: FilterScope,
  fail: (zh: string, en: string) => Error,
): Scalar | null {
  if (raw === null || raw === undefined || raw === "") return null;
  if (field.formulaType) return formulaOperand(field, raw, fail);
  if (!field.field || field.kind === "text") return String(raw).trim();
  const definition = fieldType(field.field.type);
  // A multichoice condition names one option at a time.
  const input = field.kind === "list" ? String(raw) : raw;
  const parsed = definition.parse(input, field.field, { ...scope.parse, source: "paste" });
  if (!parsed.ok) {
    const [zh, en] = parsed.message.split(" / ");
    throw fail(stripLabel(zh ?? "", field.label), en ?? "");
  }
  const value = parsed.value;
  if (value === null) return null;
  if (field.kind === "list") return (value as string[])[0] ?? null;
  if (field.kind === "document") return (value as DocumentValue).number;
  if (typeof value === "object") return JSON.stringify(value);
  return value as Scalar;
}

function formulaOperand(field: ResolvedField, raw: unknown, fail: (zh: string, en: string) => Error): Scalar {
  switch (field.formulaType) {
    case "number": {
      const n = typeof raw === "number" ? raw : Number(String(raw).trim());
      if (!Number.isFinite(n)) throw fail(`「${String(raw)}」不是数字`, `"${String(raw)}" is not a number`);
      return n;
    }
    case "date": {
      const text = String(raw).trim();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text)))
        throw fail(`「${text}」不是日期（应为 2024-01-31）`, `"${text}" is not a date (use 2024-01-31)`);
      return text;
    }
    case "boolean":
      if (typeof raw === "boolean") return raw;
      if (["是", "true", "1"].includes(String(raw))) return true;
      if (["否", "false", "0"].includes(String(raw))) return false;
      throw fail("应为 是 或 否", "yes or no is expected");
    default:
      return String(raw);
  }
}

/** Field parsers name the field in their message; the condition's prefix names it already. */
const stripLabel = (message: string, label: string) => message.replace(`「${label}」`, "");

/**
 * 年龄 ≥ 70 read as 出生日期 ≤ (today − 70 years): the same rows (AGE counts completed years, 29 February
 * included), but a comparison of dates instead of an age worked out for every row. Whole numbers only;
 * anything else takes the general path.
 */
function ageComparison(dateColumn: string, condition: Condition, scope: FilterScope): string | null {
  const whole = (raw: unknown) => {
    const n = typeof raw === "number" ? raw : Number(String(raw ?? "").trim());
    return Number.isInteger(n) && n >= 0 && n <= 200 ? n : null;
  };
  // Born on or before this day: at least `age` years old today.
  const atLeast = (age: number) => `${dateColumn} <= ${scope.params.date(addYears(scope.today, -age))}`;
  const below = (age: number) => `${dateColumn} > ${scope.params.date(addYears(scope.today, -age))}`;
  const x = whole(condition.value);
  switch (condition.op) {
    case "gte":
      return x === null ? null : atLeast(x);
    case "gt":
      return x === null ? null : atLeast(x + 1);
    case "lt":
      return x === null ? null : below(x);
    case "lte":
      return x === null ? null : below(x + 1);
    case "eq":
      return x === null ? null : `(${atLeast(x)} AND ${below(x + 1)})`;
    case "between": {
      const [a, b] = (condition.values ?? []).map(whole);
      if (condition.values?.length !== 2 || a == null || b == null || a > b) return null;
      return `(${atLeast(a)} AND ${below(b + 1)})`;
    }
    default:
      return null;
  }
}
