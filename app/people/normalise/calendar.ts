// Calendar arithmetic on "YYYY-MM-DD" strings. Dates here are civil dates without a time zone, so all
// arithmetic runs in UTC where no daylight-saving shift can move a day.

const DAY_MS = 86_400_000;

export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Days since 1970-01-01 → "YYYY-MM-DD". */
export function isoFromEpochDays(days: number): string {
  const d = new Date(days * DAY_MS);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** "YYYY-MM-DD" → days since 1970-01-01. */
export function epochDays(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y!, m! - 1, d!) / DAY_MS;
}

/** The date `days` later (earlier when negative). */
export const addDays = (iso: string, days: number): string => isoFromEpochDays(epochDays(iso) + days);

/** The same day `years` later (earlier when negative); 29 February becomes 28 February in a common year. */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const year = y! + years;
  return isoDate(year, m!, isRealDate(year, m!, d!) ? d! : d! - 1);
}

/** Today's date where the users are: street offices work on Beijing time whatever the server's zone. */
// "sv-SE" formats as "2026-05-01 14:03:22", the form Chinese offices read.
const chinaDateTime = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** "YYYY-MM-DD HH:mm:ss" in Beijing time. */
export function formatChinaDateTime(instant: Date | number): string {
  return chinaDateTime.format(instant);
}

export function todayInChina(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(now);
}

/**
 * Age in completed years (周岁) on a date. Someone born on 29 February becomes a year older on
 * 1 March in common years, because the birthday has not yet come on 28 February.
 */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
