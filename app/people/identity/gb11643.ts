// The GB 11643 layout shared by the 居民身份证 and the 港澳台居民居住证: six-digit address code,
// YYYYMMDD birth date, three-digit sequence whose last digit is odd for men, MOD 11-2 check character.
import { isoDate, isRealDate, todayInChina } from "../normalise/calendar.ts";
import type { Sex } from "../normalise/sex.ts";
import { toHalfWidth } from "../normalise/width.ts";
import { idCheckCharacter } from "./check-digit.ts";

/** Births before this year are typing errors, not the elderly residents offices do register. */
export const EARLIEST_BIRTH_YEAR = 1880;

export type Gb11643Check =
  | { ok: true; birthDate: string; sex: Sex }
  | { ok: false; reason: "checksum" }
  | { ok: false; reason: "birthdate"; shown: string; why: "unreal" | "future" | "too-early" };

/** Spaces (half or full width) removed, full-width digits and letters half-width, x upper-case. */
export function compactNumber(input: string): string {
  return toHalfWidth(input).replace(/\s+/g, "").toUpperCase();
}

export const hasValidCheck = (number18: string): boolean =>
  idCheckCharacter(number18.slice(0, 17)) === number18[17];

/** Sex from the sequence code: odd for men, even for women. */
export const sexOf = (sequenceDigit: string): Sex => (Number(sequenceDigit) % 2 === 1 ? "male" : "female");

/** The birth date of "YYYYMMDD" checked: a real date, not after today, not before 1880. */
export function checkBirth(
  yyyymmdd: string,
  today: string,
): { ok: true; birthDate: string } | Extract<Gb11643Check, { reason: "birthdate" }> {
  const [y, m, d] = [yyyymmdd.slice(0, 4), yyyymmdd.slice(4, 6), yyyymmdd.slice(6, 8)].map(Number);
  const shown = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  if (!isRealDate(y!, m!, d!)) return { ok: false, reason: "birthdate", shown, why: "unreal" };
  const birthDate = isoDate(y!, m!, d!);
  if (birthDate > today) return { ok: false, reason: "birthdate", shown, why: "future" };
  if (y! < EARLIEST_BIRTH_YEAR) return { ok: false, reason: "birthdate", shown, why: "too-early" };
  return { ok: true, birthDate };
}

/** Checks an 18-character number already known to be 17 digits and a check character. */
export function checkGb11643(number18: string, today: string = todayInChina()): Gb11643Check {
  if (!hasValidCheck(number18)) return { ok: false, reason: "checksum" };
  const birth = checkBirth(number18.slice(6, 14), today);
  if (!birth.ok) return birth;
  return { ok: true, birthDate: birth.birthDate, sex: sexOf(number18[16]!) };
}

/** Chinese then English reason for a birth-date failure, naming the date (never the whole number). */
export function birthReason(check: Extract<Gb11643Check, { reason: "birthdate" }>): [string, string] {
  if (check.why === "future")
    return [`出生日期 ${check.shown} 晚于今天`, `birth date ${check.shown} is after today`];
  if (check.why === "too-early")
    return [
      `出生日期 ${check.shown} 早于 ${EARLIEST_BIRTH_YEAR} 年`,
      `birth date ${check.shown} is before ${EARLIEST_BIRTH_YEAR}`,
    ];
  return [`出生日期 ${check.shown} 不是有效日期`, `birth date ${check.shown} is not a real date`];
}
