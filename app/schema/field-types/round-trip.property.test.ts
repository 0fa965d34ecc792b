import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { epochDays, isoFromEpochDays } from "../../people/normalise/calendar.ts";
import { BUILT_IN_DICTIONARIES } from "../dictionaries/index.ts";
import { FIELD_TYPES, type FieldTypeId } from "./registry.ts";
import { field, parsed } from "./test-support.ts";
import type { FieldOptions, FormatOptions } from "./types.ts";

const langs = fc.constantFrom<FormatOptions["lang"]>("zh-CN", "en");

/** parse(format(v)) gives v back, in both languages. */
function roundTrips<V>(type: FieldTypeId, values: fc.Arbitrary<V>, options?: FieldOptions) {
  const definition = FIELD_TYPES[type];
  fc.assert(
    fc.property(values, langs, (value, lang) => {
      const text = definition.format(value as never, field(type, options), { lang });
      expect(parsed(type, text, options)).toEqual(value);
    }),
  );
}

describe("format then parse gives the value back", () => {
  it("integer", () => roundTrips("integer", fc.maxSafeInteger()));

  it("decimal, with and without fixed places", () => {
    roundTrips(
      "decimal",
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n)),
    );
    roundTrips(
      "decimal",
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => (n === 0 ? 0 : n / 100)),
      { decimals: 2 },
    );
  });

  it("money", () =>
    roundTrips(
      "money",
      fc.integer({ min: -1e13, max: 1e13 }).map((n) => (n === 0 ? 0 : n)),
    ));

  it("date", () =>
    roundTrips(
      "date",
      fc.integer({ min: epochDays("1880-01-01"), max: epochDays("2099-12-31") }).map(isoFromEpochDays),
    ));

  it("boolean", () => roundTrips("boolean", fc.boolean()));

  it("multichoice", () => {
    const codes = BUILT_IN_DICTIONARIES.special_groups.options.map((option) => option.code);
    const subsets = fc.subarray(codes, { minLength: 1 });
    roundTrips("multichoice", subsets, { dictionary: "special_groups" });
  });

  it("datetime", () => {
    const seconds = fc.integer({ min: 0, max: 86_399 });
    const days = fc
      .integer({ min: epochDays("1900-03-01"), max: epochDays("2099-12-31") })
      .map(isoFromEpochDays);
    const pad = (n: number) => String(n).padStart(2, "0");
    roundTrips(
      "datetime",
      fc
        .tuple(days, seconds)
        .map(
          ([day, s]) => `${day} ${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`,
        ),
    );
  });
});

describe("multichoice reads any order of any separators", () => {
  it("gives the same codes however the cell is written", () => {
    const options = BUILT_IN_DICTIONARIES.special_groups.options;
    fc.assert(
      fc.property(
        fc.shuffledSubarray(options, { minLength: 1 }),
        fc.constantFrom("、", ",", "，", ";", "；", "/", "\n", " 、 "),
        (picked, separator) => {
          const cell = picked.map((option) => option.label).join(separator);
          const expected = options.filter((option) => picked.includes(option)).map((option) => option.code);
          expect(parsed("multichoice", cell, { dictionary: "special_groups" })).toEqual(expected);
        },
      ),
    );
  });
});
