// Names: surnames by real frequency, given names in the fashion of the birth decade, the naming customs
// of Uyghur, Kazakh, Tibetan and Mongolian residents, foreign residents, and the odd rare character.
import {
  FOREIGN_FAMILY,
  FOREIGN_FEMALE,
  FOREIGN_MALE,
  GIVEN_BY_ERA,
  MONGOL_FEMALE,
  MONGOL_MALE,
  RARE_CHARACTERS,
  SURNAMES,
  TIBETAN_FEMALE,
  TIBETAN_FIRST,
  TIBETAN_MALE,
  TURKIC_FEMALE,
  TURKIC_MALE,
} from "./data/names.ts";
import { type Random, Weighted } from "./random.ts";

export interface Surname {
  text: string;
  pinyin: string;
}

const SURNAME_TABLE = new Weighted<Surname>(
  SURNAMES.map(([text, weight, pinyin]) => [{ text, pinyin }, weight]),
);
const SINGLE_SURNAMES = SURNAMES.filter(([text]) => text.length === 1).map(([text]) => text);
const ERAS = GIVEN_BY_ERA.map((era) => ({
  before: era.before,
  male: Array.from(era.male),
  female: Array.from(era.female),
  // One-character given names were most common for people born 1960–1990.
  single: era.before <= 1960 ? 0.25 : era.before <= 1990 ? 0.3 : 0.1,
}));

export const drawSurname = (random: Random): Surname => SURNAME_TABLE.draw(random);

function givenName(random: Random, male: boolean, birthYear: number): string {
  const era = ERAS.find((e) => birthYear < e.before)!;
  const pool = male ? era.male : era.female;
  let given = random.pick(pool);
  if (!random.chance(era.single)) given += random.pick(pool);
  // A few parents born after 2000 give the mother's surname as well: 张 + 王一诺.
  if (birthYear >= 2000 && random.chance(0.015)) given = random.pick(SINGLE_SURNAMES) + given;
  if (random.chance(1 / 3000)) given = given.slice(0, -1) + random.pick(RARE_CHARACTERS);
  return given;
}

export const hanName = (random: Random, surname: string, male: boolean, birthYear: number): string =>
  surname + givenName(random, male, birthYear);

/** A name in the custom of the person's people, or null where they use Han-style names. */
export function ethnicName(random: Random, ethnicity: string, male: boolean): string | null {
  switch (ethnicity) {
    case "维吾尔族":
    case "哈萨克族":
      return `${random.pick(male ? TURKIC_MALE : TURKIC_FEMALE)}·${random.pick(TURKIC_MALE)}`;
    case "藏族":
      return random.pick(TIBETAN_FIRST) + random.pick(male ? TIBETAN_MALE : TIBETAN_FEMALE);
    case "蒙古族":
      return random.chance(0.4) ? random.pick(male ? MONGOL_MALE : MONGOL_FEMALE) : null;
    default:
      return null;
  }
}

export const foreignName = (random: Random, male: boolean): string =>
  `${random.pick(male ? FOREIGN_MALE : FOREIGN_FEMALE)}·${random.pick(FOREIGN_FAMILY)}`;
