// Resolves field references and works out every node's type, refusing mixes such as text compared
// with a date. Field types map to formula types through their storage kind.
import { type FieldTypeId, fieldType } from "../../schema/field-types/index.ts";
import { type Expr, type FormulaProblem, type FormulaType, formulaProblem, TYPE_NAMES } from "./ast.ts";
import type { Checked, CheckedFormula, FieldRead } from "./checked.ts";
import { isIsoDate } from "./dates.ts";
import { DATE_UNITS } from "./functions.ts";

export interface FormulaField {
  key: string;
  label: string;
  type: FieldTypeId;
  /** For a formula field: the type its own formula gives (from its checkFormula). */
  resultType?: FormulaType;
}

class Stop {
  constructor(readonly problem: FormulaProblem) {}
}

const fail = (at: number, zh: string, en: string, code: FormulaProblem["code"] = "formula-type"): never => {
  throw new Stop(formulaProblem(code, at, zh, en));
};

const READS: Record<string, FieldRead | undefined> = {
  integer: "number",
  decimal: "number",
  text: "text",
  date: "date",
  datetime: "datetime",
  boolean: "boolean",
};
const TYPE_OF_READ: Record<FieldRead, FormulaType> = {
  number: "number",
  money: "number",
  text: "text",
  date: "date",
  datetime: "date",
  boolean: "boolean",
};

export function checkFormula(ast: Expr, fields: readonly FormulaField[]): CheckedFormula | FormulaProblem {
  try {
    const checked = new Checker(fields).node(ast);
    return { ok: true, type: checked.type, ast: checked };
  } catch (e) {
    if (e instanceof Stop) return e.problem;
    throw e;
  }
}

/** "字段「出生日期」（日期）" / "field [出生日期] (date)", or just the type for other expressions. */
function what(node: Checked): readonly [string, string] {
  const [zh, en] = TYPE_NAMES[node.type];
  return node.kind === "field"
    ? [`字段「${node.label}」（${zh}）`, `field [${node.label}] (${en})`]
    : [zh, en];
}

class Checker {
  constructor(private readonly fields: readonly FormulaField[]) {}

  private field(ref: Extract<Expr, { kind: "field" }>): Checked {
    const byKey = this.fields.find((f) => f.key === ref.name);
    const byLabel = this.fields.find((f) => f.label === ref.name);
    // Users see labels, so a bracketed name is a label first; a bare word is a key first.
    const field = ref.bracketed ? (byLabel ?? byKey) : (byKey ?? byLabel);
    if (!field) {
      return fail(
        ref.start,
        `没有名为「${ref.name}」的字段`,
        `no field named "${ref.name}"`,
        "formula-unknown-field",
      );
    }
    const span = { start: ref.start, end: ref.end, key: field.key, label: field.label };
    if (field.type === "formula") {
      if (!field.resultType) {
        fail(
          ref.start,
          `公式字段「${field.label}」的结果类型未知`,
          `formula field [${field.label}] has no known type`,
        );
      }
      return {
        kind: "field",
        read: field.resultType === "date" ? "date" : field.resultType!,
        type: field.resultType!,
        ...span,
      };
    }
    const read: FieldRead | undefined =
      field.type === "money" ? "money" : READS[fieldType(field.type).storage];
    if (!read) {
      return fail(
        ref.start,
        `字段「${field.label}」的类型不能用于公式`,
        `field [${field.label}] cannot be used in formulas`,
      );
    }
    return { kind: "field", read, type: TYPE_OF_READ[read], ...span };
  }

  /** The node as `want`; a text literal holding a real date passes where a date is wanted. */
  private expect(node: Checked, want: FormulaType, zh: string, en: string): Checked {
    if (node.type === want) return node;
    if (want === "date" && node.kind === "text" && isIsoDate(String(node.value)))
      return { ...node, type: "date" };
    const [gotZh, gotEn] = what(node);
    return fail(
      node.start,
      `${zh}应为${TYPE_NAMES[want][0]}，而这里是${gotZh}`,
      `${en} needs a ${TYPE_NAMES[want][1]}, got ${gotEn}`,
    );
  }

  node(ast: Expr): Checked {
    const span = { start: ast.start, end: ast.end };
    switch (ast.kind) {
      case "number":
        return { ...ast, type: "number" };
      case "text":
        return { ...ast, type: "text" };
      case "boolean":
        return { ...ast, type: "boolean" };
      case "field":
        return this.field(ast);
      case "unary": {
        const want = ast.op === "-" ? "number" : "boolean";
        const operand = this.expect(this.node(ast.operand), want, `「${ast.op}」的操作数`, `${ast.op}`);
        return { kind: "unary", op: ast.op, operand, type: want, ...span };
      }
      case "binary":
        return this.binary(ast, span);
      case "call":
        return this.call(ast, span);
    }
  }

  private binary(ast: Extract<Expr, { kind: "binary" }>, span: { start: number; end: number }): Checked {
    let left = this.node(ast.left);
    let right = this.node(ast.right);
    const op = ast.op;
    if (op === "AND" || op === "OR") {
      left = this.expect(left, "boolean", `${op} 的左边`, `the left side of ${op}`);
      right = this.expect(right, "boolean", `${op} 的右边`, `the right side of ${op}`);
      return { kind: "binary", op, left, right, type: "boolean", ...span };
    }
    if (op === "&") {
      for (const side of [left, right]) {
        if (side.type === "boolean") fail(side.start, "「&」不能连接是否值", "& cannot join a yes/no value");
      }
      return { kind: "binary", op, left, right, type: "text", ...span };
    }
    if (op === "+" || op === "-" || op === "*" || op === "/") {
      const hint = op === "+" && (left.type === "text" || right.type === "text") ? "（连接文本请用 &）" : "";
      left = this.expect(left, "number", `「${op}」的左边${hint}`, `the left side of ${op}`);
      right = this.expect(right, "number", `「${op}」的右边${hint}`, `the right side of ${op}`);
      return { kind: "binary", op, left, right, type: "number", ...span };
    }
    if (left.type === "date") right = this.comparable(right, "date", left, right);
    else if (right.type === "date") left = this.comparable(left, "date", left, right);
    else if (left.type !== right.type) this.comparable(right, left.type, left, right);
    return { kind: "binary", op, left, right, type: "boolean", ...span };
  }

  /** `node` (one of left and right) as `want`, or a problem naming both sides in reading order. */
  private comparable(node: Checked, want: FormulaType, left: Checked, right: Checked): Checked {
    if (node.type === want) return node;
    if (want === "date" && node.kind === "text" && isIsoDate(String(node.value)))
      return { ...node, type: "date" };
    const [aZh, aEn] = what(left);
    const [bZh, bEn] = what(right);
    return fail(node.start, `不能把${aZh}与${bZh}比较`, `cannot compare ${aEn} with ${bEn}`);
  }

  private call(ast: Extract<Expr, { kind: "call" }>, span: { start: number; end: number }): Checked {
    const args = ast.args.map((a) => this.node(a));
    const arg = (i: number, want: FormulaType) =>
      (args[i] = this.expect(
        args[i]!,
        want,
        `函数 ${ast.written} 的第 ${i + 1} 个参数`,
        `argument ${i + 1} of ${ast.name}`,
      ));
    const done = (type: FormulaType): Checked => ({ kind: "call", name: ast.name, args, type, ...span });
    switch (ast.name) {
      case "AGE":
      case "YEAR":
      case "MONTH":
      case "DAY":
        arg(0, "date");
        return done("number");
      case "TODAY":
        return done("date");
      case "DATEDIFF": {
        const unit = args[0]!;
        if (unit.kind !== "text" || !Object.hasOwn(DATE_UNITS, String(unit.value).toLowerCase())) {
          fail(
            unit.start,
            "DATEDIFF 的单位应为 'day'、'month' 或 'year'",
            "the DATEDIFF unit must be 'day', 'month' or 'year'",
          );
        }
        arg(1, "date");
        arg(2, "date");
        return done("number");
      }
      case "IF":
        arg(0, "boolean");
        return done(this.same(args, 1, ast.written));
      case "COALESCE":
        return done(this.same(args, 0, ast.written));
      case "ROUND":
      case "ABS":
        for (let i = 0; i < args.length; i++) arg(i, "number");
        return done("number");
      case "LEN":
        arg(0, "text");
        return done("number");
      case "LEFT":
      case "RIGHT":
        arg(0, "text");
        arg(1, "number");
        return done("text");
      case "CONCAT":
        for (const a of args)
          if (a.type === "boolean")
            fail(a.start, "CONCAT 不能连接是否值", "CONCAT cannot join a yes/no value");
        return done("text");
      default: // ISBLANK
        return done("boolean");
    }
  }

  /** Branches of IF and arguments of COALESCE must agree; dates may be written as literals. */
  private same(args: Checked[], from: number, fn: string): FormulaType {
    const rest = args.slice(from);
    const want = rest.find((a) => !(a.kind === "text" && isIsoDate(String(a.value))))?.type ?? rest[0]!.type;
    for (let i = from; i < args.length; i++) {
      args[i] = this.expect(args[i]!, want, `函数 ${fn} 的第 ${i + 1} 个参数`, `argument ${i + 1} of ${fn}`);
    }
    return want;
  }
}
