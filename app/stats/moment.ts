// When a statistic is counted: live (now), or as of a past day (its end, Beijing time) or moment.
import { invalid } from "../core/errors.ts";
import { isRealDate } from "../people/normalise/calendar.ts";
import { chinaDay, endOfDay } from "./periods.ts";
import type { Moment } from "./results.ts";

/** Nothing is counted as of a day before this: no record of the platform can be older. */
const EARLIEST = "1949-10-01";

export function resolveMoment(asOf: string | undefined, now: number = Date.now()): Moment {
  if (!asOf) return { at: now, day: chinaDay(now), live: true };
  const at = /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? dayEnd(asOf) : Date.parse(asOf);
  if (!Number.isFinite(at)) throw badDate(asOf);
  if (at > now) {
    // Today's date means "now": the day is not over yet.
    if (asOf === chinaDay(now)) return { at: now, day: asOf, live: true };
    throw invalid("统计日期不能晚于今天 / The date cannot be in the future", {
      asOf: "晚于今天 / In the future",
    });
  }
  if (at < endOfDay(EARLIEST))
    throw invalid(`统计日期不能早于 ${EARLIEST} / The date cannot be before ${EARLIEST}`, {
      asOf: "太早 / Too early",
    });
  return { at, day: chinaDay(at), live: false };
}

function dayEnd(day: string): number {
  const [y, m, d] = day.split("-").map(Number);
  if (!isRealDate(y!, m!, d!)) throw badDate(day);
  return endOfDay(day);
}

const badDate = (text: string) =>
  invalid(`「${text}」不是有效日期 / "${text}" is not a valid date`, { asOf: "日期无效 / Invalid date" });
