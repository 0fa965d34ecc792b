// Recursive-descent parser. Grammar, loosest binding first (keywords and function names are
// case-insensitive; 且/或/非 are AND/OR/NOT):
//   formula    := or END
//   or         := and (("OR" | "或") and)*
//   and        := not (("AND" | "且") not)*
//   not        := ("NOT" | "非") not | comparison
//   comparison := concat (("=" | "<>" | "!=" | "<" | "<=" | ">" | ">=") concat)?    -- no chaining
//   concat     := additive ("&" additive)*
//   additive   := term (("+" | "-") term)*
//   term       := unary (("*" | "/") unary)*
//   unary      := ("-" | "+") unary | primary
//   primary    := NUMBER | 'text' | "text" | TRUE | FALSE | [label or key] | key
//               | name "(" (or ("," or)*)? ")" | "(" or ")"
// Binary operators of one level associate to the left.
import { type BinaryOp, type Expr, type FormulaProblem, formulaProblem } from "./ast.ts";
import { arityText, findFunction } from "./functions.ts";
import { type Token, tokenize } from "./lexer.ts";

export type ParseOutcome = { ok: true; ast: Expr } | FormulaProblem;

/** Thrown inside the parser only; parseFormula turns it back into a value. */
class Stop {
  constructor(readonly problem: FormulaProblem) {}
}

const KEYWORDS: Record<string, "AND" | "OR" | "NOT" | "TRUE" | "FALSE"> = {
  AND: "AND",
  且: "AND",
  OR: "OR",
  或: "OR",
  NOT: "NOT",
  非: "NOT",
  TRUE: "TRUE",
  FALSE: "FALSE",
};
const COMPARISONS = new Set(["=", "<>", "<", "<=", ">", ">="]);

export function parseFormula(source: string): ParseOutcome {
  const tokens = tokenize(source);
  if (!Array.isArray(tokens)) return tokens;
  if (tokens.length === 1) return formulaProblem("formula-syntax", 0, "公式为空", "the formula is empty");
  try {
    const parser = new Parser(tokens);
    const ast = parser.or();
    parser.expectEnd();
    return { ok: true, ast };
  } catch (e) {
    if (e instanceof Stop) return e.problem;
    throw e;
  }
}

const keyword = (t: Token) => (t.kind === "name" ? KEYWORDS[t.text.toUpperCase()] : undefined);

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private get peek(): Token {
    return this.tokens[this.i]!;
  }

  private fail(at: number, zh: string, en: string, code: FormulaProblem["code"] = "formula-syntax"): never {
    throw new Stop(formulaProblem(code, at, zh, en));
  }

  expectEnd() {
    const t = this.peek;
    if (t.kind === ")") this.fail(t.start, "多余的右括号", "unexpected closing parenthesis");
    if (t.kind !== "end") this.fail(t.start, `此处多出了「${t.text}」`, `unexpected "${t.text}"`);
  }

  private binary(op: BinaryOp, left: Expr, right: Expr): Expr {
    return { kind: "binary", op, left, right, start: left.start, end: right.end };
  }

  or(): Expr {
    let left = this.and();
    while (keyword(this.peek) === "OR") {
      this.i++;
      left = this.binary("OR", left, this.and());
    }
    return left;
  }

  private and(): Expr {
    let left = this.not();
    while (keyword(this.peek) === "AND") {
      this.i++;
      left = this.binary("AND", left, this.not());
    }
    return left;
  }

  private not(): Expr {
    const t = this.peek;
    if (keyword(t) !== "NOT") return this.comparison();
    this.i++;
    const operand = this.not();
    return { kind: "unary", op: "NOT", operand, start: t.start, end: operand.end };
  }

  private comparison(): Expr {
    const left = this.concat();
    if (this.peek.kind !== "op" || !COMPARISONS.has(this.peek.text)) return left;
    const op = this.tokens[this.i++]!.text as BinaryOp;
    const expr = this.binary(op, left, this.concat());
    const next = this.peek;
    if (next.kind === "op" && COMPARISONS.has(next.text)) {
      this.fail(
        next.start,
        "比较不能连写，请用 且/AND 连接",
        "comparisons cannot be chained; join them with AND",
      );
    }
    return expr;
  }

  private leftAssoc(ops: string[], operand: () => Expr): Expr {
    let left = operand();
    while (this.peek.kind === "op" && ops.includes(this.peek.text)) {
      const op = this.tokens[this.i++]!.text as BinaryOp;
      left = this.binary(op, left, operand());
    }
    return left;
  }

  private concat = (): Expr => this.leftAssoc(["&"], this.additive);
  private additive = (): Expr => this.leftAssoc(["+", "-"], this.term);
  private term = (): Expr => this.leftAssoc(["*", "/"], this.unary);

  private unary = (): Expr => {
    const t = this.peek;
    if (t.kind === "op" && (t.text === "-" || t.text === "+")) {
      this.i++;
      const operand = this.unary();
      if (t.text === "+") return { ...operand, start: t.start };
      return { kind: "unary", op: "-", operand, start: t.start, end: operand.end };
    }
    return this.primary();
  };

  private primary(): Expr {
    const t = this.peek;
    const span = { start: t.start, end: t.end };
    switch (t.kind) {
      case "number":
        this.i++;
        return { kind: "number", value: Number(t.text), ...span };
      case "text":
        this.i++;
        return { kind: "text", value: t.text, ...span };
      case "field":
        this.i++;
        return { kind: "field", name: t.text, bracketed: true, ...span };
      case "(": {
        this.i++;
        const inner = this.or();
        if (this.peek.kind !== ")") this.fail(this.peek.start, "缺少右括号", "missing closing parenthesis");
        this.i++;
        return inner;
      }
      case "name":
        return this.name(t);
      case "end":
        return this.fail(t.start, "公式不完整，此处缺少值", "the formula ends where a value is expected");
      default:
        return this.fail(t.start, `此处应为值，而不是「${t.text}」`, `expected a value, not "${t.text}"`);
    }
  }

  private name(t: Token): Expr {
    const word = keyword(t);
    if (word === "TRUE" || word === "FALSE") {
      this.i++;
      return { kind: "boolean", value: word === "TRUE", start: t.start, end: t.end };
    }
    if (word) this.fail(t.start, `此处应为值，而不是「${t.text}」`, `expected a value, not "${t.text}"`);
    this.i++;
    if (this.peek.kind !== "(")
      return { kind: "field", name: t.text, bracketed: false, start: t.start, end: t.end };
    return this.call(t);
  }

  private call(t: Token): Expr {
    const spec = findFunction(t.text);
    if (!spec)
      this.fail(t.start, `未知函数「${t.text}」`, `unknown function "${t.text}"`, "formula-unknown-function");
    this.i++; // "("
    const args: Expr[] = [];
    if (this.peek.kind !== ")") {
      args.push(this.or());
      while (this.peek.kind === ",") {
        this.i++;
        args.push(this.or());
      }
    }
    const close = this.peek;
    if (close.kind !== ")") this.fail(close.start, "缺少右括号", "missing closing parenthesis");
    this.i++;
    if (args.length < spec.min || args.length > spec.max) {
      const [zh, en] = arityText(spec);
      this.fail(
        t.start,
        `函数 ${t.text} 需要 ${zh}参数，给了 ${args.length} 个`,
        `${spec.name} takes ${en} argument${spec.max === 1 ? "" : "s"}, got ${args.length}`,
        "formula-arity",
      );
    }
    return { kind: "call", name: spec.name, written: t.text, args, start: t.start, end: close.end };
  }
}
