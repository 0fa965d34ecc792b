import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseIdCard } from "./id-card.ts";
import { fifteenArb, idArb, TODAY } from "./id-fixtures.ts";

const parse = (input: string) => parseIdCard(input, { today: TODAY });
const FULL_WIDTH: Record<string, string> = Object.fromEntries(
  [..."0123456789Xx"].map((c) => [c, String.fromCharCode(c.charCodeAt(0) + 0xfee0)]),
);

describe("parseIdCard properties", () => {
  it("parses every valid number and derives exactly its birth date and sex", () => {
    fc.assert(
      fc.property(idArb, ({ number, birthDate, sex }) => {
        expect(parse(number)).toMatchObject({ ok: true, number, birthDate, sex });
      }),
    );
  });

  it("refuses every single-character change", () => {
    fc.assert(
      fc.property(idArb, fc.nat(17), fc.constantFrom(..."0123456789X"), ({ number }, at, char) => {
        fc.pre(number[at] !== char && (char !== "X" || at === 17));
        const changed = number.slice(0, at) + char + number.slice(at + 1);
        expect(parse(changed)).toMatchObject({ ok: false, code: "id-checksum" });
      }),
    );
  });

  it("treats a lower-case x like X", () => {
    fc.assert(
      fc.property(idArb, ({ number }) => {
        expect(parse(number.toLowerCase())).toEqual(parse(number));
      }),
    );
  });

  it("upgrades 15-digit numbers to the 18-character number with the same birth date and sex", () => {
    fc.assert(
      fc.property(fifteenArb, ({ fifteen, number, birthDate, sex }) => {
        expect(parse(fifteen)).toMatchObject({ ok: true, number, upgradedFrom: fifteen, birthDate, sex });
        expect(parse(number)).toMatchObject({ ok: true, birthDate, sex });
      }),
    );
  });

  it("normalises full-width and space-padded forms to the same number", () => {
    const messy = (number: string) =>
      fc
        .tuple(
          fc.array(fc.boolean(), { minLength: 18, maxLength: 18 }),
          fc.array(fc.constantFrom("", " ", "\u3000", "  ", "\t"), { minLength: 19, maxLength: 19 }),
          fc.boolean(),
        )
        .map(([wide, gaps, lower]) => {
          const chars = [...(lower ? number.toLowerCase() : number)];
          return gaps[0] + chars.map((c, i) => (wide[i] ? FULL_WIDTH[c] : c) + gaps[i + 1]).join("");
        });
    fc.assert(
      fc.property(
        idArb.chain((id) => messy(id.number).map((typed) => ({ id, typed }))),
        ({ id, typed }) => {
          expect(parse(typed)).toMatchObject({ ok: true, number: id.number });
        },
      ),
    );
  });
});
