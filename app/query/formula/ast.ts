// The formula language's syntax tree, result types and problems. Pure: runs in the browser too.

/** What a formula (or any part of it) gives. */
export type FormulaType = "number" | "text" | "date" | "boolean";

export type BinaryOp = "+" | "-" | "*" | "/" | "&" | "=" | "<>" | "<" | "<=" | ">" | ">=" | "AND" | "OR";

/** Every node knows where it stands in the source: 0-based character offsets, end exclusive. */
interface Span {
  start: number;
  end: number;
}

export type Expr =
  | (Span & { kind: "number"; value: number })
  | (Span & { kind: "text"; value: string })
  | (Span & { kind: "boolean"; value: boolean })
  /** `[出生日期]` (bracketed) or `birth_date`; resolved to a field key by checkFormula. */
  | (Span & { kind: "field"; name: string; bracketed: boolean })
  | (Span & { kind: "unary"; op: "-" | "NOT"; operand: Expr })
  | (Span & { kind: "binary"; op: BinaryOp; left: Expr; right: Expr })
  /** `name` is the function's canonical (English) name; `written` is what the user typed. */
  | (Span & { kind: "call"; name: string; written: string; args: Expr[] });

export const FORMULA_PROBLEM_CODES = {
  "formula-syntax": ["公式写法有误", "The formula is not well formed"],
  "formula-unknown-field": ["公式引用了不存在的字段", "The formula names a field that does not exist"],
  "formula-unknown-function": ["公式使用了未知的函数", "The formula calls an unknown function"],
  "formula-arity": ["函数的参数个数不对", "A function got the wrong number of arguments"],
  "formula-type": ["值的类型不匹配", "A value has the wrong type for where it is used"],
} as const satisfies Record<string, readonly [string, string]>;

export type FormulaProblemCode = keyof typeof FORMULA_PROBLEM_CODES;

export interface FormulaProblem {
  ok: false;
  code: FormulaProblemCode;
  /** Chinese, then English after " / ", both naming the character position. */
  message: string;
  /** 1-based character position the problem points at. */
  position: number;
}

/** `at` is the 0-based offset; messages and `position` count characters from 1. */
export function formulaProblem(code: FormulaProblemCode, at: number, zh: string, en: string): FormulaProblem {
  const position = at + 1;
  return {
    ok: false,
    code,
    message: `第 ${position} 个字符处：${zh} / At character ${position}: ${en}`,
    position,
  };
}

export const TYPE_NAMES: Record<FormulaType, readonly [string, string]> = {
  number: ["数字", "number"],
  text: ["文本", "text"],
  date: ["日期", "date"],
  boolean: ["是否", "yes/no"],
};
