// Dates as whole days since 1970-01-01 (UTC), converted without Date objects: a million people need a
// few million conversions, and day numbers never meet time zones.

/** Day number of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** [year, month, day] of a day number (H. Hinnant's civil_from_days). */
export function civil(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** "YYYY-MM-DD". */
export function isoDay(days: number): string {
  const [y, m, d] = civil(days);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** "YYYYMMDD", as in an ID number. */
export function compactDay(days: number): string {
  const [y, m, d] = civil(days);
  return `${y}${pad2(m)}${pad2(d)}`;
}

/** Day number of "YYYY-MM-DD". */
export function parseIsoDay(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new Error(`expected a date as YYYY-MM-DD, got "${text}"`);
  return dayNumber(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Completed years between a birth day and a later day, as offices count age. */
export function ageOn(birth: number, on: number): number {
  const [by, bm, bd] = civil(birth);
  const [y, m, d] = civil(on);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * A birth day that makes someone exactly `age` on `today`; `fraction` in [0, 1) picks the day within
 * that year of birth dates.
 */
export function birthForAge(age: number, today: number, fraction: number): number {
  const [y, m, d] = civil(today);
  const latest = dayNumber(y - age, m, d);
  let birth = latest - Math.floor(fraction * (latest - dayNumber(y - age - 1, m, d)));
  // 29 February has no twin in most years; step back into the range where the age is right.
  while (ageOn(birth, today) < age) birth--;
  while (ageOn(birth, today) > age) birth++;
  return birth;
}
