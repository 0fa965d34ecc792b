// The formula language of computed fields: parse, type-check, read dependencies and evaluate.
// Pure, so the browser validates as the user types and the server applies the same rules.
import type { FormulaProblem } from "./ast.ts";
import { checkFormula, type FormulaField } from "./check.ts";
import type { CheckedFormula } from "./checked.ts";
import { parseFormula } from "./parser.ts";

export {
  type BinaryOp,
  type Expr,
  FORMULA_PROBLEM_CODES,
  type FormulaProblem,
  type FormulaProblemCode,
  type FormulaType,
} from "./ast.ts";
export { checkFormula, type FormulaField } from "./check.ts";
export type { Checked, CheckedFormula, FieldRead } from "./checked.ts";
export { findCycle, formulaFields } from "./deps.ts";
export { evaluateFormula, type FormulaResult } from "./evaluate.ts";
export { FUNCTIONS, type FunctionSpec } from "./functions.ts";
export { type ParseOutcome, parseFormula } from "./parser.ts";

/** Parse then check: what a form or the API runs on a formula the user typed. */
export function compileFormula(
  source: string,
  fields: readonly FormulaField[],
): CheckedFormula | FormulaProblem {
  const parsed = parseFormula(source);
  return parsed.ok ? checkFormula(parsed.ast, fields) : parsed;
}
