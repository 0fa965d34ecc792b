import { describe, expect, it } from "vitest";
import {
  addDays,
  addYears,
  ageOn,
  epochDays,
  isoFromEpochDays,
  isRealDate,
  todayInChina,
} from "./calendar.ts";

describe("calendar", () => {
  it("knows real dates, leap years included", () => {
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(1900, 2, 29)).toBe(false);
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(1985, 2, 30)).toBe(false);
    expect(isRealDate(1985, 4, 31)).toBe(false);
    expect(isRealDate(1985, 13, 1)).toBe(false);
    expect(isRealDate(1985, 0, 1)).toBe(false);
    expect(isRealDate(1985, 1, 0)).toBe(false);
  });

  it("converts between dates and day numbers, before 1970 too", () => {
    expect(epochDays("1970-01-01")).toBe(0);
    expect(isoFromEpochDays(epochDays("1880-02-29"))).toBe("1880-02-29");
    expect(isoFromEpochDays(-1)).toBe("1969-12-31");
  });

  it("counts today in Beijing whatever the server's zone", () => {
    expect(todayInChina(new Date("2025-12-31T16:00:00Z"))).toBe("2026-01-01");
    expect(todayInChina(new Date("2025-12-31T15:59:59Z"))).toBe("2025-12-31");
  });

  it("gives age in completed years; 29 February birthdays count from 1 March in common years", () => {
    expect(ageOn("1985-03-12", "2026-03-11")).toBe(40);
    expect(ageOn("1985-03-12", "2026-03-12")).toBe(41);
    expect(ageOn("2000-02-29", "2023-02-28")).toBe(22);
    expect(ageOn("2000-02-29", "2023-03-01")).toBe(23);
    expect(ageOn("2000-02-29", "2024-02-29")).toBe(24);
    expect(ageOn("2026-06-30", "2026-06-30")).toBe(0);
  });

  it("adds days across months and years, and years keeping the day (29 February → 28 in a common year)", () => {
    expect(addDays("2024-02-28", 2)).toBe("2024-03-01");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(addYears("2026-11-24", -70)).toBe("1956-11-24");
    expect(addYears("2028-02-29", -26)).toBe("2002-02-28");
    expect(addYears("2024-02-29", -4)).toBe("2020-02-29");
  });
});
