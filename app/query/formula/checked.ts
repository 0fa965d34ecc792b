// The tree checkFormula gives back: every node carries its result type and field names are resolved
// to keys. evaluateFormula, formulaFields and the DuckDB compiler read this tree.
import type { BinaryOp, FormulaType } from "./ast.ts";

interface Typed {
  start: number;
  end: number;
  type: FormulaType;
}

/** How a field's stored value is read: money is kept in fen and read in yuan; datetime as its date. */
export type FieldRead = "number" | "money" | "text" | "date" | "datetime" | "boolean";

export type Checked =
  /** A text literal can have type "date" where a date is expected ('2020-01-01'). */
  | (Typed & { kind: "number" | "text" | "boolean"; value: number | string | boolean })
  | (Typed & { kind: "field"; key: string; label: string; read: FieldRead })
  | (Typed & { kind: "unary"; op: "-" | "NOT"; operand: Checked })
  | (Typed & { kind: "binary"; op: BinaryOp; left: Checked; right: Checked })
  | (Typed & { kind: "call"; name: string; args: Checked[] });

export interface CheckedFormula {
  ok: true;
  type: FormulaType;
  ast: Checked;
}
