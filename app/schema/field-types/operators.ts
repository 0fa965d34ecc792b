// The filter operators of the condition builder (SPEC §A3 mode 2). Each field type lists the ones
// that make sense for it; the query engine (issue 4) compiles them.

/**
 * What the operator compares with:
 * - none: nothing (empty, not_empty)
 * - value: one value of the field's type
 * - values: a list of values of the field's type
 * - range: two values of the field's type, both ends included
 * - text: a piece of text to look for
 * - days: a whole number of days
 * - years: two whole numbers of years (age from a date), both ends included
 */
export type OperandKind = "none" | "value" | "values" | "range" | "text" | "days" | "years";

export interface OperatorSpec {
  arity: 0 | 1 | 2 | "many";
  operand: OperandKind;
  /** i18n key of the operator's name (strings in ./i18n.ts). */
  labelKey: string;
}

const op = (id: string, arity: OperatorSpec["arity"], operand: OperandKind): OperatorSpec => ({
  arity,
  operand,
  labelKey: `fieldTypes.operators.${id}`,
});

export const OPERATORS = {
  eq: op("eq", 1, "value"),
  neq: op("neq", 1, "value"),
  contains: op("contains", 1, "text"),
  not_contains: op("not_contains", 1, "text"),
  starts_with: op("starts_with", 1, "text"),
  ends_with: op("ends_with", 1, "text"),
  in: op("in", "many", "values"),
  not_in: op("not_in", "many", "values"),
  between: op("between", 2, "range"),
  gt: op("gt", 1, "value"),
  gte: op("gte", 1, "value"),
  lt: op("lt", 1, "value"),
  lte: op("lte", 1, "value"),
  empty: op("empty", 0, "none"),
  not_empty: op("not_empty", 0, "none"),
  before: op("before", 1, "value"),
  after: op("after", 1, "value"),
  last_n_days: op("last_n_days", 1, "days"),
  next_n_days: op("next_n_days", 1, "days"),
  age_between: op("age_between", 2, "years"),
  has_any: op("has_any", "many", "values"),
  has_all: op("has_all", "many", "values"),
  has_none: op("has_none", "many", "values"),
} as const satisfies Record<string, OperatorSpec>;

export type OperatorId = keyof typeof OPERATORS;

export const isOperatorId = (id: string): id is OperatorId => Object.hasOwn(OPERATORS, id);

/** Shared operator sets, so types that filter alike stay alike. */
export const PRESENCE = ["empty", "not_empty"] as const satisfies readonly OperatorId[];
export const COMPARABLE = [
  "eq",
  "neq",
  "gt",
  "gte",
  "lt",
  "lte",
  "between",
  "in",
  "not_in",
  ...PRESENCE,
] as const satisfies readonly OperatorId[];
