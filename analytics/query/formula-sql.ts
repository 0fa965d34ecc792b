// Checked formulas (app/query/formula) compiled to DuckDB SQL expressions, so computed fields filter,
// sort, group and export inside the engine. The interpreter (evaluate.ts) is the reference: the same
// blank rules (SQL's), text joins reading a blank as empty, x / 0 blank, AGE in completed years. Every
// literal is a bound parameter; field references become quoted replica columns.

import { DATE_UNITS } from "../../app/query/formula/functions.ts";
import type { Checked, CheckedFormula } from "../../app/query/formula/index.ts";
import { quoteIdent } from "../columns.ts";
import type { Params } from "./params.ts";

export interface FormulaScope {
  params: Params;
  /** "YYYY-MM-DD" in Beijing: what TODAY() and AGE() read. */
  today: string;
  /** The SQL of another formula field a formula reads (formulas may build on formulas). */
  formulaOf(key: string): string | undefined;
}

/** A number as the interpreter writes it inside text: 3, not 3.0. */
const numberText = (sql: string) =>
  `CASE WHEN ${sql} = trunc(${sql}) AND abs(${sql}) < 1e15 THEN CAST(CAST(${sql} AS BIGINT) AS VARCHAR) ELSE CAST(${sql} AS VARCHAR) END`;

export function compileFormulaSql(formula: CheckedFormula, scope: FormulaScope): string {
  const { params } = scope;
  const today = () => params.date(scope.today);

  const asText = (node: Checked): string => {
    const sql = run(node);
    if (node.type === "number") return `coalesce(${numberText(sql)}, '')`;
    if (node.type === "boolean") return `coalesce(CASE WHEN ${sql} THEN 'true' ELSE 'false' END, '')`;
    return `coalesce(CAST(${sql} AS VARCHAR), '')`;
  };

  const field = (node: Extract<Checked, { kind: "field" }>): string => {
    const formula = scope.formulaOf(node.key);
    if (formula !== undefined) return formula;
    const column = quoteIdent(node.key);
    switch (node.read) {
      case "number":
        return `CAST(${column} AS DOUBLE)`;
      case "money":
        return `(${column} / 100.0)`;
      case "datetime":
        return `TRY_CAST(left(${column}, 10) AS DATE)`;
      default:
        return column;
    }
  };

  const completedMonths = (a: string, b: string) =>
    `((year(${b}) - year(${a})) * 12 + month(${b}) - month(${a}) - CASE WHEN day(${b}) < day(${a}) THEN 1 ELSE 0 END)`;

  const call = (node: Extract<Checked, { kind: "call" }>): string => {
    const args = node.args;
    const a = () => run(args[0]!);
    switch (node.name) {
      case "IF":
        return `(CASE WHEN ${run(args[0]!)} THEN ${run(args[1]!)} ELSE ${run(args[2]!)} END)`;
      case "COALESCE":
        return `coalesce(${args.map((x) => (x.type === "text" ? `nullif(${run(x)}, '')` : run(x))).join(", ")})`;
      case "TODAY":
        return today();
      case "ISBLANK":
        return `(${a()} IS NULL OR CAST(${a()} AS VARCHAR) = '')`;
      case "CONCAT":
        return `(${args.map(asText).join(" || ")})`;
      case "LEN":
        return `CAST(length(${asText(args[0]!)}) AS DOUBLE)`;
      case "LEFT":
      case "RIGHT": {
        const n = run(args[1]!);
        const fn = node.name === "LEFT" ? "left" : "right";
        return `(CASE WHEN ${n} IS NULL THEN NULL ELSE ${fn}(${asText(args[0]!)}, CAST(greatest(0, trunc(${n})) AS BIGINT)) END)`;
      }
      case "AGE": {
        const d = a();
        const t = today();
        // Month and day as one number (0312 for 12 March): compared as integers, not formatted text.
        const monthDay = (x: string) => `(month(${x}) * 100 + day(${x}))`;
        return `CAST(year(${t}) - year(${d}) - CASE WHEN ${monthDay(t)} < ${monthDay(d)} THEN 1 ELSE 0 END AS DOUBLE)`;
      }
      case "YEAR":
      case "MONTH":
      case "DAY":
        return `CAST(${node.name.toLowerCase()}(${a()}) AS DOUBLE)`;
      case "DATEDIFF": {
        const unitNode = args[0]!;
        const unit =
          DATE_UNITS[String(unitNode.kind === "text" ? unitNode.value : "").toLowerCase()] ?? "day";
        const x = run(args[1]!);
        const y = run(args[2]!);
        if (unit === "day") return `CAST(date_diff('day', ${x}, ${y}) AS DOUBLE)`;
        const months = `(CASE WHEN ${y} >= ${x} THEN ${completedMonths(x, y)} ELSE -${completedMonths(y, x)} END)`;
        return unit === "month" ? `CAST(${months} AS DOUBLE)` : `CAST(trunc(${months} / 12) AS DOUBLE)`;
      }
      case "ROUND": {
        const places = args[1] ? run(args[1]) : "0";
        return `round(${a()}, CAST(trunc(${places}) AS INTEGER))`;
      }
      default: // ABS
        return `abs(${a()})`;
    }
  };

  const run = (node: Checked): string => {
    switch (node.kind) {
      case "number":
        return `CAST(${params.add(node.value as number)} AS DOUBLE)`;
      case "text":
        return node.type === "date"
          ? params.date(String(node.value))
          : `CAST(${params.add(String(node.value))} AS VARCHAR)`;
      case "boolean":
        return node.value ? "TRUE" : "FALSE";
      case "field":
        return field(node);
      case "unary":
        return node.op === "NOT" ? `(NOT ${run(node.operand)})` : `(-${run(node.operand)})`;
      case "binary": {
        if (node.op === "&") return `(${asText(node.left)} || ${asText(node.right)})`;
        const left = run(node.left);
        const right = run(node.right);
        if (node.op === "/") return `(${left} / nullif(${right}, 0))`;
        return `(${left} ${node.op} ${right})`;
      }
      case "call":
        return call(node);
    }
  };

  return run(formula.ast);
}
