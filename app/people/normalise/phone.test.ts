import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseMobile } from "./phone.ts";

const wide = (s: string) => s.replace(/[0-9+-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe("parseMobile", () => {
  it("normalises spaces, dashes, +86, full-width digits and numeric cells", () => {
    for (const input of [
      "13800138000",
      "138 0013 8000",
      "138-0013-8000",
      "+86 13800138000",
      "0086 138 0013 8000",
      "＋８６ １３８００１３８０００",
      13800138000,
    ])
      expect(parseMobile(input), String(input)).toEqual({ ok: true, mobile: "13800138000" });
  });

  it("refuses numbers that are not mainland mobiles, without echoing them", () => {
    for (const input of ["1380013800", "138001380001", "12345678901", "010-6612-3456", "abc", 1380013800]) {
      const result = parseMobile(input);
      expect(result, String(input)).toMatchObject({ ok: false, code: "phone-invalid" });
      expect(!result.ok && result.message).not.toContain(String(input));
    }
    expect(parseMobile(" \u3000")).toMatchObject({ ok: false, code: "empty" });
  });

  it("gives the same 11 digits however a valid number is formatted", () => {
    const prefixes = [
      "130",
      "133",
      "135",
      "138",
      "139",
      "150",
      "152",
      "158",
      "166",
      "177",
      "180",
      "186",
      "189",
      "199",
    ];
    const mobileArb = fc
      .tuple(fc.constantFrom(...prefixes), fc.integer({ min: 0, max: 99_999_999 }))
      .map(([prefix, rest]) => prefix + String(rest).padStart(8, "0"))
      .filter((bare) => parseMobile(bare).ok);
    const typedArb = mobileArb.chain((bare) =>
      fc
        .tuple(
          fc.constantFrom("", "+86", "+86 ", "+86-", "0086", "0086 ", "(+86)"),
          fc.array(fc.constantFrom("", "", "", " ", "-", "\u3000", " - "), { minLength: 10, maxLength: 10 }),
          fc.boolean(),
          fc.constantFrom("", " ", "\u3000"),
        )
        .map(([prefix, gaps, fullWidth, pad]) => {
          const spaced = [...bare].map((d, i) => d + (gaps[i] ?? "")).join("");
          const typed = `${pad}${prefix}${spaced}${pad}`;
          return { bare, typed: fullWidth ? wide(typed) : typed };
        }),
    );
    fc.assert(
      fc.property(typedArb, ({ bare, typed }) => {
        expect(parseMobile(typed)).toEqual({ ok: true, mobile: bare });
      }),
    );
  });
});
