import { describe, expect, it } from "vitest";
import { FIELD_TYPES } from "./registry.ts";
import { expectProblem, field, parsed } from "./test-support.ts";

const zh = { lang: "zh-CN" } as const;

describe("integer", () => {
  it("reads typed and cell numbers", () => {
    expect(parsed("integer", "42")).toBe(42);
    expect(parsed("integer", "１,２３４")).toBe(1234);
    expect(parsed("integer", " -7 ")).toBe(-7);
    expect(parsed("integer", 12)).toBe(12);
    expect(parsed("integer", "12.0")).toBe(12);
  });

  it("refuses what is not a whole number in range", () => {
    expectProblem("integer", "十二", "number-format");
    expectProblem("integer", "12.5", "number-not-integer");
    expectProblem("integer", 1e20, "number-not-integer");
    expectProblem("integer", true, "value-type");
    expectProblem("integer", "3", "number-too-small", { min: 5 });
    expectProblem("integer", 200, "number-too-large", { max: 150 });
  });
});

describe("decimal", () => {
  it("keeps the field's decimal places and forgives floating-point noise", () => {
    expect(parsed("decimal", "1.75")).toBe(1.75);
    expect(parsed("decimal", 0.1 + 0.2, { decimals: 2 })).toBe(0.3);
    expect(FIELD_TYPES.decimal.format(86.5, field("decimal", { decimals: 2 }), zh)).toBe("86.50");
  });

  it("refuses more decimal places than the field keeps", () => {
    expectProblem("decimal", "0.305", "number-precision", { decimals: 2 });
    expectProblem("decimal", "1.2.3", "number-format");
    expectProblem("decimal", "-1", "number-too-small", { min: 0 });
  });
});

describe("money", () => {
  it("keeps whole fen from the forms people write amounts in", () => {
    expect(parsed("money", "¥1,234.50")).toBe(123450);
    expect(parsed("money", "￥ 1234.5 元")).toBe(123450);
    expect(parsed("money", "RMB 12")).toBe(1200);
    expect(parsed("money", "-¥3.05")).toBe(-305);
    expect(parsed("money", 19.99)).toBe(1999);
  });

  it("shows yuan with thousands and two decimals", () => {
    const f = field("money");
    expect(FIELD_TYPES.money.format(123450, f, zh)).toBe("¥1,234.50");
    expect(FIELD_TYPES.money.format(-5, f, zh)).toBe("-¥0.05");
    expect(FIELD_TYPES.money.format(123456789012, f, zh)).toBe("¥1,234,567,890.12");
  });

  it("refuses fractions of a fen and checks bounds in yuan", () => {
    expectProblem("money", "1.234", "number-precision");
    expectProblem("money", "一百元", "number-format");
    expectProblem("money", "-1", "number-too-small", { min: 0 });
    expect(parsed("money", "100", { max: 100 })).toBe(10000);
  });
});
