// Test data for identity rules: valid ID numbers built from their parts, and fast-check arbitraries.
// Tests build their own numbers; no real person's number appears anywhere.
import fc from "fast-check";
import { epochDays, isoFromEpochDays } from "../normalise/calendar.ts";
import type { Sex } from "../normalise/sex.ts";
import { idCheckCharacter } from "./check-digit.ts";
import { PROVINCES } from "./provinces.ts";

/** The fixed "today" of identity tests, so they do not change meaning as time passes. */
export const TODAY = "2026-06-30";

export const withCheck = (first17: string): string => first17 + idCheckCharacter(first17);

export interface GeneratedId {
  number: string;
  birthDate: string;
  sex: Sex;
}

/** An 18-character number from its parts; `sequence` is three digits, its last odd for men. */
export function buildId(region: string, birthDate: string, sequence: string): GeneratedId {
  const number = withCheck(region + birthDate.replaceAll("-", "") + sequence);
  return { number, birthDate, sex: Number(sequence[2]) % 2 === 1 ? "male" : "female" };
}

const digits = (length: number) =>
  fc.integer({ min: 0, max: 10 ** length - 1 }).map((n) => String(n).padStart(length, "0"));

export const regionArb = fc
  .tuple(fc.constantFrom(...Object.keys(PROVINCES)), digits(4))
  .map(([province, county]) => province + county);

export const dateArb = (from: string, to: string) =>
  fc.integer({ min: epochDays(from), max: epochDays(to) }).map(isoFromEpochDays);

export const idArb = fc
  .tuple(regionArb, dateArb("1880-01-01", TODAY), digits(3))
  .map(([region, date, sequence]) => buildId(region, date, sequence));

/** A first-generation number (born 1900–1999) with the 18-character number it upgrades to. */
export const fifteenArb = fc
  .tuple(regionArb, dateArb("1900-01-01", "1999-12-31"), digits(3))
  .map(([region, date, sequence]) => ({
    fifteen: region + date.slice(2).replaceAll("-", "") + sequence,
    ...buildId(region, date, sequence),
  }));
