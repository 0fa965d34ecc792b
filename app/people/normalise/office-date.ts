// Dates in every form offices type or Excel stores, to "YYYY-MM-DD".
import { isoDate, isoFromEpochDays, isRealDate } from "./calendar.ts";
import { empty, type Problem, problem } from "./problem.ts";
import { cleanText } from "./text.ts";
import { toHalfWidth } from "./width.ts";

/**
 * "month" when only a year and month were given (出生年月 columns often hold "1985.03"). The date is
 * then the first of that month — a real date a date field can store — and the precision tells callers
 * to compare only year and month (see identity/contradictions.ts) or to take the day from the ID number.
 */
export type DatePrecision = "day" | "month";
export type OfficeDateResult =
  | { ok: true; date: string; precision: DatePrecision }
  | Problem<"empty" | "date-format" | "date-invalid">;

export interface OfficeDateOptions {
  /** Workbooks saved with the 1904 date system (old Mac Excel) count serials from 1904-01-01. */
  date1904?: boolean;
}

const DAY_MS = 86_400_000;
// Day 0 of Excel's 1900 system is 1899-12-31 for serials before 60; from 61 on it is 1899-12-30,
// because Excel (copying Lotus 1-2-3) counts a 29 February 1900 that never existed as serial 60.
const EPOCH_BEFORE_BUG = Date.UTC(1899, 11, 31) / DAY_MS;
const EPOCH_AFTER_BUG = Date.UTC(1899, 11, 30) / DAY_MS;
const EPOCH_1904 = Date.UTC(1904, 0, 1) / DAY_MS;
// Serials from here on would be after the year 2173; such numbers are typed digits (198503, 19850312).
const FIRST_DIGITS_NUMBER = 100_000;

// A trailing time of day, as CSV exports of date-time cells write it ("1985/3/12 0:00").
const TIME_OF_DAY = /(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
const DAY_FORMS = [
  /^(\d{4})([-./])(\d{1,2})\2(\d{1,2})$/, // 1985-03-12, 1985.3.12, 1985/3/12
  /^(\d{4})()(\d{2})(\d{2})$/, // 19850312
  /^(\d{4})年()(\d{1,2})月(\d{1,2})[日号]?$/, // 1985年3月12日
];
const MONTH_FORMS = [
  /^(\d{4})[-./](\d{1,2})$/, // 1985.03, 1985-3
  /^(\d{4})(\d{2})$/, // 198503
  /^(\d{4})年(\d{1,2})月?$/, // 1985年3月
];

const badFormat = () =>
  problem(
    "date-format",
    "日期格式无法识别，请写成 1985-03-12 的形式",
    "Unrecognised date; write it like 1985-03-12",
  );
const notReal = (what: string) =>
  problem("date-invalid", `${what} 不是有效日期`, `${what} is not a real calendar date`);

function fromParts(year: string, month: string, day: string | null): OfficeDateResult {
  const [y, m, d] = [Number(year), Number(month), day === null ? 1 : Number(day)];
  const shown = day === null ? `${year}-${month.padStart(2, "0")}` : isoDate(y, m, d);
  if (y < 1000 || !isRealDate(y, m, d)) return notReal(shown);
  return { ok: true, date: isoDate(y, m, d), precision: day === null ? "month" : "day" };
}

function fromText(text: string): OfficeDateResult {
  const compact = text.replace(TIME_OF_DAY, "").replace(/\s+/g, "");
  for (const form of DAY_FORMS) {
    const m = form.exec(compact);
    if (m) return fromParts(m[1]!, m[3]!, m[4]!);
  }
  for (const form of MONTH_FORMS) {
    const m = form.exec(compact);
    if (m) return fromParts(m[1]!, m[2]!, null);
  }
  return badFormat();
}

function fromSerial(serial: number, date1904: boolean): OfficeDateResult {
  const whole = Math.floor(serial); // a fraction is the time of day
  if (date1904) return whole >= 0 ? day(EPOCH_1904 + whole) : badFormat();
  if (whole < 1) return badFormat();
  if (whole === 60) return notReal("1900-02-29");
  return day((whole < 60 ? EPOCH_BEFORE_BUG : EPOCH_AFTER_BUG) + whole);
}

const day = (epochDays: number): OfficeDateResult => ({
  ok: true,
  date: isoFromEpochDays(epochDays),
  precision: "day",
});

/**
 * Accepts a spreadsheet cell or typed text:
 * - a Date (a date cell as spreadsheet readers hand it over). Readers put the day at midnight UTC or at
 *   local midnight, sometimes a few seconds off, so the nearest UTC midnight is taken.
 * - a number: an Excel serial (1900 system with its leap-year bug, or 1904), except numbers of six or
 *   more digits, which are typed digits read like text (19850312, 198503).
 * - text: 1985-03-12, 1985.3.12, 1985/3/12, 1985年3月12日, 19850312 (full-width digits and a trailing
 *   time of day allowed), or year and month only: 1985.03, 1985-3, 198503, 1985年3月.
 * Two-digit years (85.3.12) are refused: the century cannot be told.
 */
export function parseOfficeDate(
  input: string | number | Date | null | undefined,
  options: OfficeDateOptions = {},
): OfficeDateResult {
  if (input === null || input === undefined) return empty("日期", "Date");
  if (input instanceof Date) {
    const ms = input.getTime();
    return Number.isNaN(ms) ? badFormat() : day(Math.round(ms / DAY_MS));
  }
  if (typeof input === "number") {
    if (!Number.isFinite(input) || input < 0) return badFormat();
    if (input >= FIRST_DIGITS_NUMBER && Number.isInteger(input)) return fromText(String(input));
    return fromSerial(input, options.date1904 ?? false);
  }
  const text = cleanText(toHalfWidth(input));
  return text === "" ? empty("日期", "Date") : fromText(text);
}
