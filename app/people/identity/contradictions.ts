// Typed birth date and sex checked against what the document number says. Offices re-type these
// columns by hand, so a disagreement means one of the two is wrong and a person must decide which.
import type { DatePrecision } from "../normalise/office-date.ts";
import { type Problem, problem } from "../normalise/problem.ts";
import type { Sex } from "../normalise/sex.ts";

export type ContradictionCode = "birthdate-contradicts-id" | "sex-contradicts-id";

export interface TypedValues {
  birthDate?: string | null;
  /** "month" when only year and month were typed (出生年月); then only those are compared. */
  birthPrecision?: DatePrecision;
  sex?: Sex | null;
}

export interface DerivedValues {
  birthDate?: string;
  sex?: Sex;
}

/** What the number is called in messages; the 居民身份证 unless told otherwise. */
export interface NumberLabel {
  zh: string;
  en: string;
}

const ID_NUMBER: NumberLabel = { zh: "身份证号码", en: "the ID number" };
const SEX_NAMES: Record<Sex, [string, string]> = { male: ["男", "male"], female: ["女", "female"] };

/** Every contradiction, each message naming both values; an empty list when they agree. */
export function findContradictions(
  typed: TypedValues,
  derived: DerivedValues,
  label: NumberLabel = ID_NUMBER,
): Problem<ContradictionCode>[] {
  const problems: Problem<ContradictionCode>[] = [];
  if (typed.birthDate && derived.birthDate) {
    const byMonth = typed.birthPrecision === "month";
    const mine = byMonth ? typed.birthDate.slice(0, 7) : typed.birthDate;
    if (mine !== derived.birthDate.slice(0, mine.length)) {
      const [zh, en] = byMonth ? ["出生年月", "Birth month"] : ["出生日期", "Birth date"];
      problems.push(
        problem(
          "birthdate-contradicts-id",
          `${zh} ${mine} 与${label.zh}中的 ${derived.birthDate} 不一致`,
          `${en} ${mine} contradicts ${derived.birthDate} in ${label.en}`,
        ),
      );
    }
  }
  if (typed.sex && derived.sex && typed.sex !== derived.sex) {
    const [mineZh, mineEn] = SEX_NAMES[typed.sex];
    const [idZh, idEn] = SEX_NAMES[derived.sex];
    problems.push(
      problem(
        "sex-contradicts-id",
        `性别 ${mineZh} 与${label.zh}中的 ${idZh} 不一致`,
        `Sex ${mineEn} contradicts ${idEn} in ${label.en}`,
      ),
    );
  }
  return problems;
}
