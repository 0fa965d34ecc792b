import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskDocument, maskEmail, maskMobile, maskOtherDocument, maskResidentId, maskText } from "./mask.ts";

/** Characters of `masked` that are not stars, by code point. */
const revealed = (masked: string) => Array.from(masked).filter((c) => c !== "*");

/** Every shown character sits at its own position in the input; the rest are stars. */
function isPositionalMask(masked: string, input: string): boolean {
  const a = Array.from(masked);
  const b = Array.from(input);
  return a.length === b.length && a.every((c, i) => c === "*" || c === b[i]);
}

const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: n, maxLength: n });

describe("masks", () => {
  it("居民身份证 numbers", () => {
    expect(maskResidentId("110102199001011234")).toBe("110102********1234");
    expect(maskResidentId("11010519491231002X")).toBe("110105********002X");
    expect(maskResidentId("110102900101123")).toBe("110102******123");
    expect(maskDocument("resident_id", "110102199001011234")).toBe("110102********1234");
    // Malformed legacy values fall back to the stricter rule.
    expect(maskResidentId("1101021990")).toBe("11******90");
  });

  it("other documents keep first 2 and last 2", () => {
    expect(maskDocument("passport", "E12345678")).toBe("E1*****78");
    expect(maskOtherDocument("H1234567890")).toBe("H1*******90");
    expect(maskOtherDocument("AB1234")).toBe("AB**34");
    expect(maskOtherDocument("A123")).toBe("A**3");
    expect(maskOtherDocument("AB")).toBe("A*");
    expect(maskOtherDocument("A")).toBe("*");
  });

  it("mobile numbers", () => {
    expect(maskMobile("13800138000")).toBe("138****8000");
    expect(maskMobile("010-66001234")).toBe("010*****1234");
    expect(maskMobile("12345")).toBe("12**5");
  });

  it("email addresses", () => {
    expect(maskEmail("zhangwei@example.com")).toBe("z***@example.com");
    expect(maskEmail("张伟@例子.中国")).toBe("张***@例子.中国");
    expect(maskEmail("a@example.com")).toBe("***@example.com");
    expect(maskEmail("not-an-email")).toBe("n**********l");
    expect(maskEmail("@example.com")).toBe("@**********m");
  });

  it("generic text keeps first and last character", () => {
    expect(maskText("张三丰")).toBe("张*丰");
    expect(maskText("欧阳娜娜")).toBe("欧**娜");
    expect(maskText("张三")).toBe("张*");
    expect(maskText("𠮷野家")).toBe("𠮷*家");
    expect(maskText("北京市西城区二龙路27号")).toBe("北**********号");
  });

  it("empty in, empty out", () => {
    for (const mask of [maskResidentId, maskOtherDocument, maskMobile, maskEmail, maskText]) {
      expect(mask("")).toBe("");
      expect(mask(null)).toBe("");
      expect(mask(undefined)).toBe("");
    }
    expect(maskDocument("resident_id", "")).toBe("");
  });

  it("never shows more than the allowed digits of an ID or mobile number", () => {
    fc.assert(
      fc.property(digits(17), fc.constantFrom(..."0123456789Xx"), (body, check) => {
        const id = body + check;
        const masked = maskResidentId(id);
        expect(isPositionalMask(masked, id)).toBe(true);
        expect(revealed(masked)).toEqual([...id.slice(0, 6), ...id.slice(14)]);
      }),
    );
    fc.assert(
      fc.property(digits(15), (id) => {
        const masked = maskResidentId(id);
        expect(isPositionalMask(masked, id)).toBe(true);
        expect(revealed(masked)).toEqual([...id.slice(0, 6), ...id.slice(12)]);
      }),
    );
    fc.assert(
      fc.property(digits(10), (rest) => {
        const mobile = `1${rest}`;
        const masked = maskMobile(mobile);
        expect(isPositionalMask(masked, mobile)).toBe(true);
        expect(revealed(masked)).toEqual([...mobile.slice(0, 3), ...mobile.slice(7)]);
      }),
    );
  });

  it("never shows more than its ends of any other value, and always hides something", () => {
    const limits: [(v: string) => string, number][] = [
      [maskResidentId, 10],
      [maskOtherDocument, 4],
      [maskMobile, 7],
      [maskText, 2],
    ];
    fc.assert(
      fc.property(fc.string({ unit: "binary", minLength: 1 }), (value) => {
        for (const [mask, most] of limits) {
          const masked = mask(value);
          expect(isPositionalMask(masked, value)).toBe(true);
          expect(revealed(masked).length).toBeLessThanOrEqual(Math.min(most, Array.from(value).length - 1));
        }
      }),
    );
  });

  it("never shows more of an email's local part than its first character", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme-ascii", minLength: 1 }).filter((s) => !s.includes("@")),
        fc.domain(),
        (local, domain) => {
          const masked = maskEmail(`${local}@${domain}`);
          expect(masked.endsWith(`***@${domain}`)).toBe(true);
          const shown = masked.slice(0, masked.length - domain.length - 4);
          expect(shown.length).toBeLessThanOrEqual(local.length > 1 ? 1 : 0);
          expect(local.startsWith(shown)).toBe(true);
        },
      ),
    );
  });
});
