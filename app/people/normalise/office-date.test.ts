import { describe, expect, it } from "vitest";
import { parseOfficeDate } from "./office-date.ts";

const day = (date: string) => ({ ok: true, date, precision: "day" });
const month = (date: string) => ({ ok: true, date, precision: "month" });

describe("parseOfficeDate", () => {
  it("reads the forms offices type", () => {
    for (const text of [
      "1985-03-12",
      "1985-3-12",
      "1985.3.12",
      "1985.03.12",
      "1985/3/12",
      "1985年3月12日",
      "1985年03月12号",
      "1985 年 3 月 12 日",
      "19850312",
      " 1985/3/12 0:00 ",
      "1985-03-12 08:30:00",
      "1985-03-12T00:00:00",
      "１９８５．３．１２",
      "１９８５年３月１２日",
    ])
      expect(parseOfficeDate(text), text).toEqual(day("1985-03-12"));
  });

  it("reads year and month only as the first of the month, marked as month precision", () => {
    for (const text of ["1985.03", "1985.3", "1985-03", "1985/3", "198503", "1985年3月", "1985年03"])
      expect(parseOfficeDate(text), text).toEqual(month("1985-03-01"));
    expect(parseOfficeDate(198503)).toEqual(month("1985-03-01"));
  });

  it("reads Excel serial numbers, leap-year bug and time of day included", () => {
    expect(parseOfficeDate(1)).toEqual(day("1900-01-01"));
    expect(parseOfficeDate(59)).toEqual(day("1900-02-28"));
    expect(parseOfficeDate(61)).toEqual(day("1900-03-01"));
    expect(parseOfficeDate(31118)).toEqual(day("1985-03-12"));
    expect(parseOfficeDate(31118.99)).toEqual(day("1985-03-12"));
    expect(parseOfficeDate(45658)).toEqual(day("2025-01-01"));
    expect(parseOfficeDate(0, { date1904: true })).toEqual(day("1904-01-01"));
    expect(parseOfficeDate(29656, { date1904: true })).toEqual(day("1985-03-12"));
  });

  it("reads digits typed into a number cell as digits", () => {
    expect(parseOfficeDate(19850312)).toEqual(day("1985-03-12"));
    expect(parseOfficeDate(19850230)).toMatchObject({ ok: false, code: "date-invalid" });
  });

  it("reads Date objects at UTC or local midnight, even a few seconds off", () => {
    expect(parseOfficeDate(new Date(Date.UTC(1985, 2, 12)))).toEqual(day("1985-03-12"));
    expect(parseOfficeDate(new Date("1985-03-11T16:00:00Z"))).toEqual(day("1985-03-12"));
    expect(parseOfficeDate(new Date("1985-03-12T05:00:00Z"))).toEqual(day("1985-03-12"));
    expect(parseOfficeDate(new Date("1985-03-11T23:59:17Z"))).toEqual(day("1985-03-12"));
    expect(parseOfficeDate(new Date("1930-03-09T00:00:00Z"))).toEqual(day("1930-03-09"));
  });

  it("refuses dates that do not exist, naming them", () => {
    for (const [input, shown] of [
      ["1985-02-30", "1985-02-30"],
      ["1900.2.29", "1900-02-29"],
      ["1985年4月31日", "1985-04-31"],
      ["19851301", "1985-13-01"],
      ["1985-13", "1985-13"],
      ["1985.0", "1985-00"],
      [60, "1900-02-29"],
    ] as const) {
      const result = parseOfficeDate(input);
      expect(result, String(input)).toMatchObject({ ok: false, code: "date-invalid" });
      expect(!result.ok && result.message).toContain(shown);
    }
  });

  it("refuses what it cannot read", () => {
    for (const input of [
      "85.3.12",
      "1985",
      "1985-03/12",
      "12/03/1985",
      "三月十二日",
      "1985-03-12-01",
      "0985-03-12",
    ])
      expect(parseOfficeDate(input), input).toMatchObject({ ok: false });
    for (const input of ["85.3.12", "1985", "1985-03/12", "12/03/1985", "三月十二日"])
      expect(parseOfficeDate(input), input).toMatchObject({ code: "date-format" });
    for (const input of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, new Date("garbage")])
      expect(parseOfficeDate(input), String(input)).toMatchObject({ ok: false, code: "date-format" });
  });

  it("reports blanks apart", () => {
    for (const input of ["", " \u3000", null, undefined])
      expect(parseOfficeDate(input)).toMatchObject({ code: "empty" });
  });
});
