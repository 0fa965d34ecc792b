// Phone numbers and e-mail addresses.
import { EMAIL_DOMAINS, LANDLINE_PREFIXES, MOBILE_PREFIXES } from "./data/work.ts";
import { type Random, Weighted } from "./random.ts";

const PREFIXES = new Weighted(MOBILE_PREFIXES);
const DOMAINS = new Weighted(EMAIL_DOMAINS);

const digits = (random: Random, n: number): string => String(random.int(10 ** n)).padStart(n, "0");

/** An 11-digit mainland mobile number on a prefix in use. */
export const mobileNumber = (random: Random): string => PREFIXES.draw(random) + digits(random, 8);

/** A 西城 landline as offices write it: 010-6601xxxx. */
export const landlineNumber = (random: Random): string =>
  `010-${random.pick(LANDLINE_PREFIXES)}${digits(random, 6)}`;

/** A QQ-number address, or the surname's pinyin with a birth year or a few digits. */
export function emailAddress(random: Random, pinyin: string | null, birthYear: number): string {
  const domain = DOMAINS.draw(random);
  if (domain === "qq.com" || pinyin === null) return `${random.between(10000, 3999999999)}@${domain}`;
  const tail = random.chance(0.5) ? String(birthYear) : digits(random, random.between(2, 4));
  return `${pinyin}${random.chance(0.3) ? "_" : ""}${tail}@${domain}`;
}
