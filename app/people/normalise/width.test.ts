import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toHalfWidth } from "./width.ts";

describe("toHalfWidth", () => {
  it("turns full-width digits, letters, punctuation and the ideographic space to ASCII", () => {
    expect(toHalfWidth("１１０１０２ｘＸ")).toBe("110102xX");
    expect(toHalfWidth("＋８６　１３８－００１３（０１）")).toBe("+86 138-0013(01)");
    expect(toHalfWidth("１９８５／３／１２")).toBe("1985/3/12");
  });

  it("leaves Chinese text, ASCII and characters outside the BMP alone", () => {
    expect(toHalfWidth("张三，你好。Hello 𠀀")).toBe("张三,你好。Hello 𠀀");
  });

  it("is idempotent and keeps ASCII as it is", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => toHalfWidth(toHalfWidth(s)) === toHalfWidth(s)),
    );
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0xff00, max: 0xff65 }).map((c) => String.fromCharCode(c)) }),
        (s) => toHalfWidth(toHalfWidth(s)) === toHalfWidth(s),
      ),
    );
    fc.assert(fc.property(fc.string(), (s) => toHalfWidth(s) === s));
  });

  it("maps every full-width ASCII form back to its ASCII character", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)) }),
        (s) => {
          const wide = [...s].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join("");
          return toHalfWidth(wide) === s;
        },
      ),
    );
  });
});
