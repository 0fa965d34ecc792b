// Years, months, ISO weeks and days on Beijing time, the calendar every statistic is counted by. Street
// offices work on Beijing time whatever the server's zone, and China keeps no daylight saving, so a day
// is always [00:00, 24:00) at UTC+8. Pure: the browser labels its axes with the same functions.
import { invalid } from "../core/errors.ts";
import { addDays, epochDays, isoFromEpochDays } from "../people/normalise/calendar.ts";
import type { PeriodKey } from "./results.ts";
import type { Period } from "./spec.ts";

const DAY_MS = 86_400_000;
/** Beijing time is UTC+8 all year. */
export const CHINA_OFFSET_MS = 8 * 3_600_000;
/** The most periods one axis may have (a year of days, ten years of weeks …). */
export const MAX_PERIODS = 400;

/** The day (YYYY-MM-DD, Beijing time) an instant falls on. */
export const chinaDay = (ms: number): string => isoFromEpochDays(Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS));

/** The first instant (epoch ms) of a Beijing day. */
export const startOfDay = (day: string): number => epochDays(day) * DAY_MS - CHINA_OFFSET_MS;

/** The last millisecond of a Beijing day: "as of 2025-12-31" counts everything saved that day. */
export const endOfDay = (day: string): number => startOfDay(day) + DAY_MS - 1;

/** ISO 8601 week of a day: the week-year and week number (weeks start on Monday; week 1 holds 4 January). */
export function isoWeek(day: string): { year: number; week: number } {
  const days = epochDays(day);
  const weekday = (((days + 3) % 7) + 7) % 7; // 0 = Monday (1970-01-01 was a Thursday)
  const thursday = days - weekday + 3;
  const year = Number(isoFromEpochDays(thursday).slice(0, 4));
  const firstThursday = epochDays(`${year}-01-04`);
  const firstWeekThursday = firstThursday - ((((firstThursday + 3) % 7) + 7) % 7) + 3;
  return { year, week: (thursday - firstWeekThursday) / 7 + 1 };
}

/** The period a day falls in. */
export function periodOf(day: string, period: Period): PeriodKey {
  if (period === "day") return { key: day, label: day, from: day, to: day };
  if (period === "month") {
    const from = `${day.slice(0, 7)}-01`;
    const next = nextMonth(from);
    return {
      key: day.slice(0, 7),
      label: `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月`,
      from,
      to: addDays(next, -1),
    };
  }
  if (period === "year") {
    const year = day.slice(0, 4);
    return { key: year, label: `${Number(year)}年`, from: `${year}-01-01`, to: `${year}-12-31` };
  }
  const { year, week } = isoWeek(day);
  const days = epochDays(day);
  const monday = isoFromEpochDays(days - ((((days + 3) % 7) + 7) % 7));
  return {
    key: `${year}-W${String(week).padStart(2, "0")}`,
    label: `${year}年第${week}周`,
    from: monday,
    to: addDays(monday, 6),
  };
}

function nextMonth(firstOfMonth: string): string {
  const year = Number(firstOfMonth.slice(0, 4));
  const month = Number(firstOfMonth.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
}

/** Every period from the one holding `from` to the one holding `to`, in order. */
export function periodsBetween(from: string, to: string, period: Period): PeriodKey[] {
  if (epochDays(from) > epochDays(to))
    throw invalid("开始日期晚于结束日期 / The start date is after the end date");
  const out: PeriodKey[] = [];
  let day = from;
  for (;;) {
    const key = periodOf(day, period);
    out.push(key);
    if (out.length > MAX_PERIODS)
      throw invalid(
        `时间段太多（最多 ${MAX_PERIODS} 个），请缩短时间范围或按更长的周期统计 / Too many periods (at most ${MAX_PERIODS}); shorten the range or use a longer period`,
      );
    if (epochDays(key.to) >= epochDays(to)) return out;
    day = addDays(key.to, 1);
  }
}
