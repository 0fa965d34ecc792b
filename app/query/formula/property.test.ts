import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateFormula } from "./evaluate.ts";
import { compileFormula } from "./index.ts";

type Arith = number | { op: "+" | "-" | "*" | "/"; left: Arith; right: Arith } | { neg: Arith };

const arith: fc.Arbitrary<Arith> = fc.letrec<{ e: Arith }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.integer({ min: 0, max: 1000 }),
    fc.double({ min: 0, max: 1000, noNaN: true }).map((n) => Math.round(n * 100) / 100),
    fc.record({
      op: fc.constantFrom("+", "-", "*", "/"),
      left: tie("e"),
      right: tie("e"),
    }) as fc.Arbitrary<Arith>,
    fc.record({ neg: tie("e") }) as fc.Arbitrary<Arith>,
  ),
})).e;

const PRECEDENCE = { "+": 1, "-": 1, "*": 2, "/": 2 } as const;
const precedence = (e: Arith) => (typeof e === "number" || "neg" in e ? 3 : PRECEDENCE[e.op]);

/**
 * Written with the fewest parentheses the rules allow (operators of one level associate to the left,
 * so a right operand of equal level needs them), plus random extra ones.
 */
function write(e: Arith, extra: () => boolean): string {
  if (typeof e === "number") return String(e);
  if ("neg" in e) return `-${wrap(e.neg, precedence(e.neg) < 3, extra)}`;
  const level = PRECEDENCE[e.op];
  return `${wrap(e.left, precedence(e.left) < level, extra)} ${e.op} ${wrap(e.right, precedence(e.right) <= level, extra)}`;
}

const wrap = (e: Arith, needed: boolean, extra: () => boolean) => {
  const text = write(e, extra);
  return needed || extra() ? `(${text})` : text;
};

/** JavaScript's arithmetic with the formula language's blank rules (x / 0 and overflow are blank). */
function reference(e: Arith): number | null {
  if (typeof e === "number") return e;
  if ("neg" in e) {
    const v = reference(e.neg);
    return v === null ? null : -v || 0;
  }
  const a = reference(e.left);
  const b = reference(e.right);
  if (a === null || b === null) return null;
  const r = e.op === "+" ? a + b : e.op === "-" ? a - b : e.op === "*" ? a * b : b === 0 ? null : a / b;
  return r === null || !Number.isFinite(r) ? null : r || 0;
}

describe("evaluateFormula agrees with JavaScript on arithmetic", () => {
  it("for random expressions written with minimal and extra parentheses", () => {
    fc.assert(
      fc.property(arith, fc.infiniteStream(fc.boolean()), (e, coins) => {
        const source = write(e, () => coins.next().value);
        const formula = compileFormula(source, []);
        if (!formula.ok) throw new Error(`${source}: ${formula.message}`);
        expect(evaluateFormula(formula, {}, "2026-05-01")).toBe(reference(e));
      }),
      { numRuns: 500 },
    );
  });
});
