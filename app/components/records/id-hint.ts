// The live hint beside a document number: what an 18-digit 居民身份证 (or a residence permit) number
// says — birth date, sex, age — or why it is wrong. The same pure rules the server applies on save.
import { validateDocument } from "../../people/identity/documents.ts";
import { ageOn, todayInChina } from "../../people/normalise/calendar.ts";
import type { Sex } from "../../people/normalise/sex.ts";

export type IdHint = { ok: true; birthDate: string; sex: Sex; age: number } | { ok: false; message: string };

/** Types whose number carries birth date and sex. */
const CARRIES_BIRTH = new Set(["resident_id", "hmt_residence_permit"]);

/**
 * Null while there is nothing to say yet: another document type, or a number still being typed (an
 * error shows from the 18th character on; a valid old 15-digit number still gets its hint).
 */
export function idHint(type: string, number: string, today = todayInChina()): IdHint | null {
  if (!CARRIES_BIRTH.has(type)) return null;
  const compact = number.replace(/[\s\u3000]/g, "");
  if (compact.length < 15) return null;
  const found = validateDocument(type, compact, { today });
  if (found.ok) {
    if (!found.birthDate || !found.sex) return null;
    return { ok: true, birthDate: found.birthDate, sex: found.sex, age: ageOn(found.birthDate, today) };
  }
  return compact.length >= 18 ? { ok: false, message: found.message } : null;
}
