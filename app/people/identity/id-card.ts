// 居民身份证 numbers (GB 11643-1999): checked, upgraded from the first generation, and read for the
// birth date, sex and province they carry.
import { todayInChina } from "../normalise/calendar.ts";
import { empty, type Problem, problem } from "../normalise/problem.ts";
import type { Sex } from "../normalise/sex.ts";
import { idCheckCharacter } from "./check-digit.ts";
import { birthReason, checkBirth, checkGb11643, compactNumber, sexOf } from "./gb11643.ts";
import { PROVINCES } from "./provinces.ts";

export interface Region {
  /** The six-digit address code of the issuing county, as written in the number. */
  code: string;
  province: string;
}

export interface IdCard {
  ok: true;
  /** 18 characters, upper-case X. */
  number: string;
  /** The 15-digit first-generation number this one was upgraded from. */
  upgradedFrom?: string;
  birthDate: string;
  sex: Sex;
  region: Region;
}

export type IdCardCode = "empty" | "id-format" | "id-checksum" | "id-birthdate" | "id-region";
export type IdCardResult = IdCard | Problem<IdCardCode>;

export interface IdCardOptions {
  /** "YYYY-MM-DD"; birth dates after it are refused. Defaults to today in Beijing. */
  today?: string;
}

/**
 * First-generation numbers (issued from 1984 until GB 11643-1999) have 15 digits: the year without "19" and no check
 * character. The 18-digit form inserts "19" and appends the check character; everyone holding one was
 * born in the 1900s.
 */
export function upgradeFifteen(number15: string): string {
  const first17 = `${number15.slice(0, 6)}19${number15.slice(6)}`;
  return first17 + idCheckCharacter(first17);
}

const regionProblem = (two: string) =>
  problem(
    "id-region",
    `身份证号码前两位 ${two} 不是有效的省级行政区划代码`,
    `The first two digits of the ID number (${two}) are not a province code`,
  );

/**
 * Accepts what people type: spaces anywhere (half or full width), full-width digits and letters,
 * lower-case x. Messages name at most the birth date or province digits, never the whole number.
 */
export function parseIdCard(input: string, options: IdCardOptions = {}): IdCardResult {
  const today = options.today ?? todayInChina();
  const compact = compactNumber(input);
  if (compact === "") return empty("身份证号码", "ID number");

  if (/^\d{15}$/.test(compact)) {
    const birth = checkBirth(`19${compact.slice(6, 12)}`, today);
    if (!birth.ok) return problem("id-birthdate", ...idBirthReason(birth));
    const province = PROVINCES[compact.slice(0, 2)];
    if (!province) return regionProblem(compact.slice(0, 2));
    return {
      ok: true,
      number: upgradeFifteen(compact),
      upgradedFrom: compact,
      birthDate: birth.birthDate,
      sex: sexOf(compact[14]!),
      region: { code: compact.slice(0, 6), province },
    };
  }

  if (!/^\d{17}[\dX]$/.test(compact))
    return problem(
      "id-format",
      `身份证号码应为 18 位（末位可为 X）或 15 位数字，现为 ${compact.length} 位`,
      `An ID number has 18 characters (the last may be X) or 15 digits; this has ${compact.length}`,
    );
  const check = checkGb11643(compact, today);
  if (!check.ok && check.reason === "checksum")
    return problem("id-checksum", "身份证号码校验位错误", "Wrong check digit in ID number");
  if (!check.ok) return problem("id-birthdate", ...idBirthReason(check));
  const province = PROVINCES[compact.slice(0, 2)];
  if (!province) return regionProblem(compact.slice(0, 2));
  return {
    ok: true,
    number: compact,
    birthDate: check.birthDate,
    sex: check.sex,
    region: { code: compact.slice(0, 6), province },
  };
}

function idBirthReason(check: Parameters<typeof birthReason>[0]): [string, string] {
  const [zh, en] = birthReason(check);
  return [`身份证号码中的${zh}`, `In the ID number, the ${en}`];
}
