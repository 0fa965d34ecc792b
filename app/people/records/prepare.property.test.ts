// The ID rules of a record save, over many generated numbers: what the number says fills the record,
// anything typed that disagrees is refused naming both values, and nothing else is touched.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PERSON_TABLE } from "../../schema/builtin/person-table.ts";
import { dateArb, idArb, TODAY } from "../identity/id-fixtures.ts";
import { type PreparedField, prepareValues, SEX_CODE } from "./prepare.ts";

const FIELDS: PreparedField[] = PERSON_TABLE.fields.map((f) => ({
  key: f.key,
  label: f.label,
  type: f.type,
  required: f.required ?? false,
  options: f.options ?? {},
}));
const ctx = { today: TODAY };

describe("record ID rules", () => {
  it("fills birth date and sex from any valid number, upper- or lower-case", () => {
    fc.assert(
      fc.property(idArb, fc.boolean(), (id, lower) => {
        const typed = lower ? id.number.toLowerCase() : id.number;
        const result = prepareValues(FIELDS, { name: "测试", document: typed }, null, ctx);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.values.birthDate).toBe(id.birthDate);
        expect(result.values.sex).toBe(SEX_CODE[id.sex]);
        expect(result.values.document).toEqual({ type: "resident_id", number: id.number });
      }),
    );
  });

  it("refuses a typed birth date that differs from the number, naming both", () => {
    fc.assert(
      fc.property(idArb, dateArb("1880-01-01", TODAY), (id, other) => {
        fc.pre(other !== id.birthDate);
        const result = prepareValues(
          FIELDS,
          { name: "测试", document: id.number, birthDate: other },
          null,
          ctx,
        );
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.errors.birthDate).toContain(other);
        expect(result.errors.birthDate).toContain(id.birthDate);
      }),
    );
  });

  it("refuses a number whose check character is wrong", () => {
    fc.assert(
      fc.property(idArb, fc.constantFrom(..."0123456789X"), (id, check) => {
        fc.pre(check !== id.number[17]);
        const result = prepareValues(
          FIELDS,
          { name: "测试", document: id.number.slice(0, 17) + check },
          null,
          ctx,
        );
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.errors.document).toMatch(/^「证件号码」/);
      }),
    );
  });

  it("changes only what a patch names, and re-derives from a new number", () => {
    fc.assert(
      fc.property(idArb, idArb, (first, second) => {
        const base = prepareValues(
          FIELDS,
          { name: "测试", document: first.number, nativePlace: "北京" },
          null,
          ctx,
        );
        if (!base.ok) throw new Error("valid number refused");
        const next = prepareValues(FIELDS, { document: second.number }, base.values, ctx);
        if (!next.ok) throw new Error("valid number refused");
        expect(next.values.nativePlace).toBe("北京");
        expect(next.values.birthDate).toBe(second.birthDate);
        const expected = new Set(["document"]);
        if (first.birthDate !== second.birthDate) expected.add("birthDate");
        if (first.sex !== second.sex) expected.add("sex");
        if (first.number === second.number) expected.clear();
        expect(new Set(next.changed)).toEqual(expected);
      }),
    );
  });
});
