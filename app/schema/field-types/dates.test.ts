import { describe, expect, it } from "vitest";
import { FIELD_TYPES } from "./registry.ts";
import { expectProblem, field, parse, parsed } from "./test-support.ts";

describe("date", () => {
  it("reads every form offices type and Excel date cells", () => {
    for (const raw of ["1985-03-12", "1985.3.12", "1985/3/12", "1985年3月12日", "19850312", 31118])
      expect(parsed("date", raw), String(raw)).toBe("1985-03-12");
    expect(parsed("date", new Date(Date.UTC(1985, 2, 12)))).toBe("1985-03-12");
    expect(parsed("date", 29656, undefined, { date1904: true })).toBe("1985-03-12");
  });

  it("reports a year-and-month date as such", () => {
    expect(parse("date", "1985.03")).toEqual({
      ok: true,
      value: "1985-03-01",
      details: { precision: "month" },
    });
  });

  it("refuses unreadable and impossible dates, naming the field", () => {
    expectProblem("date", "85.3.12", "date-format");
    expectProblem("date", "1985-02-30", "date-invalid");
    expectProblem("date", true, "value-type");
    const result = FIELD_TYPES.date.parse("1985-02-30", field("date", undefined, "出生日期"));
    expect(!result.ok && result.message).toMatch(/^「出生日期」1985-02-30 不是有效日期 \/ 出生日期: /);
  });
});

describe("datetime", () => {
  it("reads typed date-times as Beijing wall-clock time", () => {
    expect(parsed("datetime", "2026-05-01 14:30")).toBe("2026-05-01 14:30:00");
    expect(parsed("datetime", "2026/5/1 9:05:07")).toBe("2026-05-01 09:05:07");
    expect(parsed("datetime", "2026年5月1日 14：30")).toBe("2026-05-01 14:30:00");
    expect(parsed("datetime", "2026-05-01")).toBe("2026-05-01 00:00:00");
    expect(parsed("datetime", "2026-05-01T06:30:00Z")).toBe("2026-05-01 14:30:00");
  });

  it("reads Excel serials and Dates by where they come from", () => {
    expect(parsed("datetime", 46143.6041666667)).toBe("2026-05-01 14:30:00");
    const instant = new Date(Date.UTC(2026, 4, 1, 6, 30));
    expect(parsed("datetime", instant)).toBe("2026-05-01 14:30:00");
    expect(parsed("datetime", instant, undefined, { source: "spreadsheet" })).toBe("2026-05-01 06:30:00");
  });

  it("shows minutes, and seconds only when there are some", () => {
    const f = field("datetime");
    expect(FIELD_TYPES.datetime.format("2026-05-01 14:30:00", f, { lang: "zh-CN" })).toBe("2026-05-01 14:30");
    expect(FIELD_TYPES.datetime.format("2026-05-01 14:30:05", f, { lang: "zh-CN" })).toBe(
      "2026-05-01 14:30:05",
    );
  });

  it("refuses impossible times and dates without a day", () => {
    expectProblem("datetime", "2026-05-01 25:00", "time-invalid");
    expectProblem("datetime", "2026-02-30 10:00", "date-invalid");
    expectProblem("datetime", "2026.05", "date-format");
    expectProblem("datetime", "明天下午", "date-format");
    expectProblem("datetime", "2026-13-01T00:00Z", "date-invalid");
    expectProblem("datetime", {}, "value-type");
  });
});

describe("boolean", () => {
  it("reads the words and marks of office forms", () => {
    for (const yes of ["是", "Y", "yes", "TRUE", "1", "√", "✓", true, 1])
      expect(parsed("boolean", yes)).toBe(true);
    for (const no of ["否", "n", "No", "false", "0", "×", "✗", false, 0])
      expect(parsed("boolean", no)).toBe(false);
  });

  it("shows 是/否 or Yes/No and refuses other words", () => {
    const f = field("boolean");
    expect(FIELD_TYPES.boolean.format(true, f, { lang: "zh-CN" })).toBe("是");
    expect(FIELD_TYPES.boolean.format(false, f, { lang: "en" })).toBe("No");
    expectProblem("boolean", "也许", "boolean-invalid");
    expectProblem("boolean", "constructor", "boolean-invalid");
  });
});
