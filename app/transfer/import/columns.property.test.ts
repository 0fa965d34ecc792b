// Properties of header matching: however an office spaces or widens a header, it names the same field,
// and the header row is found below any number of title and form lines.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PERSON_TABLE } from "../../schema/builtin/person-table.ts";
import { findHeaderRow, type MappableField, mapColumns } from "./columns.ts";

const fields: MappableField[] = PERSON_TABLE.fields.map((f) => ({
  key: f.key,
  label: f.label,
  readOnly: f.type === "formula",
}));
const typed = fields.filter((f) => !f.readOnly);

const toFullWidth = (text: string) =>
  text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** A header as offices type it: spaces (half- or full-width) between characters, maybe full-width. */
const messyArb = (label: string) =>
  fc
    .tuple(
      fc.array(fc.constantFrom("", " ", "　", "  "), {
        minLength: label.length + 1,
        maxLength: label.length + 1,
      }),
      fc.boolean(),
    )
    .map(([gaps, wide]) => {
      const spaced = [...label].map((c, i) => gaps[i] + c).join("") + gaps[label.length];
      return wide ? toFullWidth(spaced) : spaced;
    });

describe("column mapping", () => {
  it("maps a field's label however it is spaced or widened", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...typed).chain((f) => fc.tuple(fc.constant(f), messyArb(f.label))),
        ([field, header]) => {
          expect(mapColumns([header], fields)[0]!.target).toEqual({ kind: "field", key: field.key });
        },
      ),
    );
  });

  it("never maps two columns to the same field", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...typed.map((f) => f.label), "身份证号", "手机", "备注", "甲"), {
          maxLength: 12,
        }),
        (headers) => {
          const targets = mapColumns(headers, fields)
            .map((m) => m.target)
            .filter((t) => t !== null)
            .map((t) => JSON.stringify(t));
          expect(new Set(targets).size).toBe(targets.length);
        },
      ),
    );
  });

  it("finds the header below titles, form text and blank lines", () => {
    const filler = fc.oneof(
      fc.constant([] as string[]),
      fc.constant(["金融街街道居民信息登记表"]),
      fc.constant(["填报单位：", "", "填报日期："]),
      fc.array(fc.constantFrom("说明", "（盖章）", "2026年"), { maxLength: 3 }),
    );
    fc.assert(
      fc.property(
        fc.array(filler, { maxLength: 25 }),
        fc.shuffledSubarray(
          typed.map((f) => f.label),
          { minLength: 2 },
        ),
        (above, header) => {
          const rows = [...above, header, ["张三", "男"]].map((cells, i) => ({ number: i + 1, cells }));
          expect(findHeaderRow(rows, fields)).toBe(above.length + 1);
        },
      ),
    );
  });
});
