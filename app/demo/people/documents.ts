// Document numbers: 居民身份证 numbers unique per person with the right birth date, sex and check
// character, and the documents of residents from Hong Kong, Macau, Taiwan and abroad.
import { idCheckCharacter } from "../../people/identity/check-digit.ts";
import { compactDay } from "./dates.ts";
import type { Random } from "./random.ts";

/**
 * Hands out sequence codes so no two people share a number. The 3-digit sequence leaves 499 codes per
 * sex for one (region, birth date); counters live in a fixed hash table, so memory does not grow with
 * the number of people. Keys sharing a slot share its counter, which keeps every key's codes distinct.
 */
export class IdNumbers {
  private readonly counters: Uint16Array;
  private readonly mask: number;

  constructor(people: number) {
    // Four slots a person, at most 2^24 (32 MB): shared slots only cost codes, and 499 go far.
    let size = 4096;
    while (size < people * 4 && size < 2 ** 24) size *= 2;
    this.counters = new Uint16Array(size);
    this.mask = size - 1;
  }

  /** An 18-character number in the GB 11643 layout (also used by the 港澳台居民居住证). */
  citizen(region: string, birth: number, male: boolean): string {
    let h =
      Math.imul(Number(region) ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(birth * 2 + (male ? 1 : 0), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    const slot = h & this.mask;
    const used = this.counters[slot]!;
    if (used >= 499) throw new Error(`more than 499 people share region ${region}, one birth date and sex`);
    this.counters[slot] = used + 1;
    // A step coprime with 499 spreads the codes instead of counting up from 001.
    const sequence = (((h >>> 20) + used * 37) % 499) + 1;
    const first17 = `${region}${compactDay(birth)}${String(sequence * 2 + (male ? 1 : 0)).padStart(3, "0")}`;
    return first17 + idCheckCharacter(first17);
  }
}

const digits = (random: Random, n: number): string => {
  let text = "";
  for (let i = 0; i < n; i++) text += random.int(10);
  return text;
};

/** 港澳居民来往内地通行证: H (Hong Kong) or M (Macau) and 8 digits. */
export const mainlandTravelPermit = (random: Random, macau: boolean): string =>
  (macau ? "M" : "H") + digits(random, 8);

/** 台湾居民来往大陆通行证: 8 digits. */
export const taiwanTravelPermit = (random: Random): string => digits(random, 8);

/**
 * 外国人永久居留身份证 (2023 layout): 9, the issuing province (11 北京), the ISO country code, birth date,
 * a sequence whose last digit is odd for men, and the MOD 11-2 check character.
 */
export function foreignPermanentResidence(
  random: Random,
  country: string,
  birth: number,
  male: boolean,
): string {
  const first17 = `911${country}${compactDay(birth)}${digits(random, 2)}${random.int(5) * 2 + (male ? 1 : 0)}`;
  return first17 + idCheckCharacter(first17);
}

/** A foreign passport number: a letter and 8 digits, the most common layout. */
export const passport = (random: Random): string =>
  random.pick(["E", "G", "P", "K", "X"]) + digits(random, 8);
