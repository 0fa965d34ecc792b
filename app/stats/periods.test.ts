// The calendar statistics are counted by: Beijing days whatever the server's zone, ISO weeks across
// year ends, months and years with their first and last days, and a bound on how many periods an axis has.
import { describe, expect, it } from "vitest";
import { isAppError } from "../core/errors.ts";
import { resolveMoment } from "./moment.ts";
import { chinaDay, endOfDay, isoWeek, periodOf, periodsBetween, startOfDay } from "./periods.ts";

describe("periods", () => {
  it("puts an instant on its Beijing day", () => {
    // 2025-12-31 16:30 UTC is already 1 January in Beijing.
    expect(chinaDay(Date.parse("2025-12-31T16:30:00Z"))).toBe("2026-01-01");
    expect(chinaDay(Date.parse("2025-12-31T15:59:59Z"))).toBe("2025-12-31");
    expect(endOfDay("2025-12-31") + 1).toBe(startOfDay("2026-01-01"));
    expect(new Date(startOfDay("2026-01-01")).toISOString()).toBe("2025-12-31T16:00:00.000Z");
  });

  it("numbers weeks the ISO way, across year ends", () => {
    expect(isoWeek("2021-01-03")).toEqual({ year: 2020, week: 53 });
    expect(isoWeek("2021-01-04")).toEqual({ year: 2021, week: 1 });
    expect(isoWeek("2024-12-30")).toEqual({ year: 2025, week: 1 });
    expect(isoWeek("2026-12-07")).toEqual({ year: 2026, week: 50 });
    expect(periodOf("2026-12-09", "week")).toEqual({
      key: "2026-W50",
      label: "2026年第50周",
      from: "2026-12-07",
      to: "2026-12-13",
    });
  });

  it("lists months, years and days with their first and last days", () => {
    expect(periodsBetween("2024-01-15", "2024-03-02", "month").map((p) => [p.key, p.from, p.to])).toEqual([
      ["2024-01", "2024-01-01", "2024-01-31"],
      ["2024-02", "2024-02-01", "2024-02-29"],
      ["2024-03", "2024-03-01", "2024-03-31"],
    ]);
    expect(periodsBetween("2025-06-01", "2026-01-01", "year").map((p) => p.label)).toEqual([
      "2025年",
      "2026年",
    ]);
    expect(periodsBetween("2026-12-30", "2027-01-02", "day").map((p) => p.key)).toEqual([
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
      "2027-01-02",
    ]);
  });

  it("refuses a range that ends before it starts or holds too many periods", () => {
    const refusal = (work: () => unknown) => {
      try {
        work();
      } catch (error) {
        if (isAppError(error)) return error.message;
      }
      return "accepted";
    };
    expect(refusal(() => periodsBetween("2026-02-01", "2026-01-01", "day"))).toContain(
      "开始日期晚于结束日期",
    );
    expect(refusal(() => periodsBetween("2000-01-01", "2026-01-01", "day"))).toContain("时间段太多");
  });
});

describe("moments", () => {
  const now = Date.parse("2026-12-07T04:00:00Z");
  it("reads a day as its end in Beijing, and today as now", () => {
    expect(resolveMoment("2025-12-31", now)).toEqual({
      at: endOfDay("2025-12-31"),
      day: "2025-12-31",
      live: false,
    });
    expect(resolveMoment("2026-12-07", now)).toEqual({ at: now, day: "2026-12-07", live: true });
    expect(resolveMoment(undefined, now).live).toBe(true);
  });
  it("refuses the future, impossible dates and dates before the records can begin", () => {
    expect(() => resolveMoment("2026-12-08", now)).toThrow(/不能晚于今天/);
    expect(() => resolveMoment("2025-02-29", now)).toThrow(/不是有效日期/);
    expect(() => resolveMoment("1900-01-01", now)).toThrow(/不能早于/);
  });
});
