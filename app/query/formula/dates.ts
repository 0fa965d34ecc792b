// Date helpers of the formula language. Dates are "YYYY-MM-DD" strings, so they compare as text.
import { epochDays, isRealDate } from "../../people/normalise/calendar.ts";

export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Whole months from a to b (a ≤ b), counting a month only once its day has come. */
function completedMonths(a: string, b: string): number {
  const months =
    (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
  return b.slice(8, 10) >= a.slice(8, 10) ? months : months - 1;
}

/**
 * b − a in days, or in completed months or years (so DATEDIFF('year', birth, today) is the age in
 * 周岁, as AGE gives). Negative when b is before a.
 */
export function dateDiff(unit: "day" | "month" | "year", a: string, b: string): number {
  if (unit === "day") return epochDays(b) - epochDays(a);
  const months = b >= a ? completedMonths(a, b) : -completedMonths(b, a);
  // "|| 0" turns -0 into 0.
  return (unit === "month" ? months : Math.trunc(months / 12)) || 0;
}
