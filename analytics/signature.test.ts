// The signatures may let a row through that lacks the text (the scan then says no), but must never
// keep out a row that has it: quick search would silently miss people.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { digitSignature, textSignature } from "./signature.ts";

const inside = (small: bigint[], big: bigint[]) => small.every((word, k) => (word & big[k]!) === word);

describe("search signatures", () => {
  it("hold every piece of a text: a substring's signature is inside the text's", () => {
    const text = fc.string({
      unit: fc.constantFrom(..."张三丰王秀英李 zhangsanfeng zsf0123456789金融街社区"),
      maxLength: 80,
    });
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const start = t.length === 0 ? 0 : a % t.length;
        const piece = t.slice(start, start + (b % 12)).replace(/ /g, "");
        // Quick search compacts the needle; a piece spanning a space is no substring of the row's words.
        if (!t.includes(piece)) return true;
        return inside(textSignature(piece), textSignature(t));
      }),
      { numRuns: 2000 },
    );
  });

  it("keep most rows out for a name or its initials", () => {
    const rows = [
      "张三丰 zhangsanfeng zsf 北京市西城区",
      "王秀英 wangxiuying wxy 丰盛社区",
      "李四 lisi ls 二龙路社区",
    ];
    const matches = rows.filter((row) => inside(textSignature("zsf"), textSignature(row)));
    expect(matches).toEqual([rows[0]]);
  });

  it("hold every piece of a number, and let few other numbers' pieces through", () => {
    const number = "11010519491231002X";
    for (let i = 0; i + 4 <= number.length; i++) {
      const piece = digitSignature(number.slice(i, i + 4));
      expect(piece & digitSignature(number)).toBe(piece);
    }
    const pieces = Array.from({ length: 1000 }, (_, i) => String(i * 7 + 1000).padStart(4, "0"));
    const through = pieces.filter((p) => (digitSignature(p) & digitSignature(number)) === digitSignature(p));
    const real = pieces.filter((p) => number.includes(p));
    expect(through).toEqual(expect.arrayContaining(real));
    expect(through.length).toBeLessThan(150);
  });
});
