// A plain interpreter over a checked formula, for previews and tests. The DuckDB compiler must give the
// same answers. Blank rules, as in SQL: a blank (null) operand makes arithmetic, comparisons and most
// functions blank; AND/OR use three-valued logic; x / 0 is blank. Text joins (&, CONCAT, LEN, LEFT,
// RIGHT) read a blank as empty text; ISBLANK and COALESCE count empty text as blank.
import { todayInChina } from "../../people/normalise/calendar.ts";
import { callFunction } from "./calls.ts";
import type { Checked, CheckedFormula, FieldRead } from "./checked.ts";
import { asText, type FormulaResult, finite } from "./values.ts";

export type { FormulaResult } from "./values.ts";

function readField(value: unknown, read: FieldRead): FormulaResult {
  if (value === null || value === undefined) return null;
  switch (read) {
    case "number":
      return typeof value === "number" ? finite(value) : null;
    case "money":
      return typeof value === "number" ? finite(value / 100) : null;
    case "boolean":
      return typeof value === "boolean" ? value : null;
    case "datetime":
      return typeof value === "string" && value.length >= 10 ? value.slice(0, 10) : null;
    default:
      return typeof value === "string" ? value : null;
  }
}

function arithmetic(op: string, a: number, b: number): number | null {
  switch (op) {
    case "+":
      return finite(a + b);
    case "-":
      return finite(a - b);
    case "*":
      return finite(a * b);
    default:
      return b === 0 ? null : finite(a / b);
  }
}

function compare(op: string, a: FormulaResult, b: FormulaResult): boolean | null {
  if (a === null || b === null) return null;
  const order = a < b ? -1 : a > b ? 1 : 0;
  switch (op) {
    case "=":
      return order === 0;
    case "<>":
      return order !== 0;
    case "<":
      return order < 0;
    case "<=":
      return order <= 0;
    case ">":
      return order > 0;
    default:
      return order >= 0;
  }
}

export function evaluateFormula(
  formula: CheckedFormula,
  record: Readonly<Record<string, unknown>>,
  today: string = todayInChina(),
): FormulaResult {
  const run = (node: Checked): FormulaResult => {
    switch (node.kind) {
      case "number":
      case "text":
      case "boolean":
        return node.value;
      case "field":
        return readField(record[node.key], node.read);
      case "unary": {
        const v = run(node.operand);
        if (v === null) return null;
        return node.op === "NOT" ? !v : finite(-(v as number));
      }
      case "binary":
        return binary(node);
      case "call":
        return callFunction(node.name, node.args, run, today);
    }
  };
  const binary = (node: Extract<Checked, { kind: "binary" }>): FormulaResult => {
    const a = run(node.left);
    if (node.op === "AND" && a === false) return false;
    if (node.op === "OR" && a === true) return true;
    const b = run(node.right);
    switch (node.op) {
      case "AND":
        return b === false ? false : a === null || b === null ? null : true;
      case "OR":
        return b === true ? true : a === null || b === null ? null : false;
      case "&":
        return asText(a) + asText(b);
      case "+":
      case "-":
      case "*":
      case "/":
        return a === null || b === null ? null : arithmetic(node.op, a as number, b as number);
      default:
        return compare(node.op, a, b);
    }
  };
  return run(formula.ast);
}
