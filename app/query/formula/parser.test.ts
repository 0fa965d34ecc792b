import { describe, expect, it } from "vitest";
import type { Expr } from "./ast.ts";
import { parseFormula } from "./parser.ts";

/** The tree as a fully parenthesised string, to read precedence and associativity at a glance. */
function shape(e: Expr): string {
  switch (e.kind) {
    case "number":
    case "boolean":
      return String(e.value);
    case "text":
      return `'${e.value}'`;
    case "field":
      return `[${e.name}]`;
    case "unary":
      return `(${e.op} ${shape(e.operand)})`;
    case "binary":
      return `(${shape(e.left)} ${e.op} ${shape(e.right)})`;
    case "call":
      return `${e.name}(${e.args.map(shape).join(", ")})`;
  }
}

function parsed(source: string): string {
  const result = parseFormula(source);
  if (!result.ok) throw new Error(result.message);
  return shape(result.ast);
}

describe("parseFormula: precedence and associativity", () => {
  it.each([
    ["1 + 2 * 3", "(1 + (2 * 3))"],
    ["(1 + 2) * 3", "((1 + 2) * 3)"],
    ["10 - 4 - 3", "((10 - 4) - 3)"],
    ["8 / 4 / 2", "((8 / 4) / 2)"],
    ["-2 * 3", "((- 2) * 3)"],
    ["--2", "(- (- 2))"],
    ["+2", "2"],
    ["'a' & 1 + 2", "('a' & (1 + 2))"],
    ["1 + 2 > 2 & 'x'", "((1 + 2) > (2 & 'x'))"],
    ["a = 1 OR b = 2 AND c = 3", "(([a] = 1) OR (([b] = 2) AND ([c] = 3)))"],
    ["NOT a = 1 AND b", "((NOT ([a] = 1)) AND [b])"],
    ["x OR y OR z", "(([x] OR [y]) OR [z])"],
    ["[年龄] >= 70 且 [独居] 或 [低保户]", "((([年龄] >= 70) AND [独居]) OR [低保户])"],
    ["非[低保户]", "(NOT [低保户])"],
    ["a and b or not c", "(([a] AND [b]) OR (NOT [c]))"],
    ["1 <> 2", "(1 <> 2)"],
    ["1 != 2", "(1 <> 2)"],
    ["TRUE = false", "(true = false)"],
  ])("%s", (source, expected) => expect(parsed(source)).toBe(expected));
});

describe("parseFormula: literals, fields and calls", () => {
  it("reads numbers, both quote styles and doubled quotes", () => {
    expect(parsed("1.5 + .25")).toBe("(1.5 + 0.25)");
    expect(parsed(`'it''s' & "say ""hi"""`)).toBe(`('it's' & 'say "hi"')`);
    expect(parsed("“中文引号”")).toBe("'中文引号'");
  });

  it("reads fields by bracketed label or bare key, and full-width punctuation", () => {
    expect(parsed("[出生日期]")).toBe("[出生日期]");
    expect(parsed("birth_date")).toBe("[birth_date]");
    expect(parsed("年龄（【出生日期】）")).toBe("AGE([出生日期])");
  });

  it("maps Chinese and any-case English function names to one name", () => {
    expect(parsed("如果(a, 1, 2)")).toBe("IF([a], 1, 2)");
    expect(parsed("round(x, 2)")).toBe("ROUND([x], 2)");
    expect(parsed("今天()")).toBe("TODAY()");
    expect(parsed("首个有值(a, b, c)")).toBe("COALESCE([a], [b], [c])");
  });

  it("keeps source positions", () => {
    const result = parseFormula("1 + AGE([出生日期])");
    if (!result.ok || result.ast.kind !== "binary") throw new Error("expected a binary node");
    expect(result.ast.right).toMatchObject({ kind: "call", start: 4, end: 15 });
    expect(result.ast.right.kind === "call" && result.ast.right.args[0]).toMatchObject({ start: 8, end: 14 });
  });
});

describe("parseFormula: problems point at the right character", () => {
  it.each([
    ["", "formula-syntax", 1, "公式为空"],
    ["(1 + 2", "formula-syntax", 7, "缺少右括号"],
    ["ROUND(1, 2", "formula-syntax", 11, "missing closing parenthesis"],
    ["1 + 2)", "formula-syntax", 6, "多余的右括号"],
    ["1 +", "formula-syntax", 4, "缺少值"],
    ["1 + * 2", "formula-syntax", 5, "此处应为值"],
    ["'abc", "formula-syntax", 1, "缺少结束引号"],
    ["[出生日期 > 1", "formula-syntax", 1, "右方括号"],
    ["[] = 1", "formula-syntax", 1, "缺少字段名"],
    ["1 # 2", "formula-syntax", 3, "无法识别的字符「#」"],
    ["1.2.3", "formula-syntax", 4, "数字格式错误"],
    ["1 < 2 < 3", "formula-syntax", 7, "不能连写"],
    ["1 2", "formula-syntax", 3, "多出了「2」"],
    ["a AND", "formula-syntax", 6, "缺少值"],
    ["SUM(1)", "formula-unknown-function", 1, "未知函数「SUM」"],
    ["1 + 求和(1)", "formula-unknown-function", 5, "unknown function"],
    ["AGE()", "formula-arity", 1, "需要 1 个参数，给了 0 个"],
    ["1 + ROUND(1, 2, 3)", "formula-arity", 5, "ROUND takes 1 to 2 arguments, got 3"],
    ["IF(a, b)", "formula-arity", 1, "IF takes 3 arguments"],
    ["CONCAT()", "formula-arity", 1, "至少 1 个"],
  ])("%s", (source, code, position, fragment) => {
    const result = parseFormula(source);
    expect(result).toMatchObject({ ok: false, code, position });
    if (!result.ok) {
      expect(result.message).toContain(fragment);
      expect(result.message).toMatch(new RegExp(`^第 ${position} 个字符处：.* / At character ${position}: `));
    }
  });
});

describe("parseFormula: full-width punctuation outside text only", () => {
  it("keeps full-width characters inside quotes and brackets", () => {
    expect(parsed("'（注）' & [备注（一）]")).toBe("('（注）' & [备注（一）])");
  });
});
