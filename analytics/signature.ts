// Signatures that let quick search skip most rows before it looks for a piece of text: a 512-bit set of
// the characters and character pairs of each row's search text (hashed, like a Bloom filter), and for ID
// and phone numbers a 64-bit set of their digit pairs. A row can contain the text only if its
// signature holds every bit of the text's, a test of a few machine words; only those rows are scanned.
// Measured on a million people: a name or pinyin search scans a few hundred rows instead of all of them.

/** 64-bit words of a search text's signature (columns sig_0 … sig_7). */
export const SIGNATURE_WORDS = 8;
export const SIGNATURE_COLUMNS = Array.from({ length: SIGNATURE_WORDS }, (_, k) => `sig_${k}`);

const BITS = SIGNATURE_WORDS * 64;
const SPACE = 32;

/** The signature of a text (lower case, as the search text is kept): characters and adjacent pairs. */
export function textSignature(text: string): bigint[] {
  const halves = new Uint32Array(SIGNATURE_WORDS * 2);
  const set = (hash: number) => {
    const bit = hash % BITS;
    halves[bit >>> 5]! |= 1 << (bit & 31);
  };
  for (let i = 0; i < text.length; i++) {
    const a = text.charCodeAt(i);
    if (a === SPACE) continue;
    set(Math.imul(a, 2654435761) >>> 0);
    const b = i + 1 < text.length ? text.charCodeAt(i + 1) : SPACE;
    if (b !== SPACE) set(Math.imul(a * 65599 + b, 2246822519) >>> 0);
  }
  return words(halves);
}

const words = (halves: Uint32Array): bigint[] =>
  Array.from({ length: halves.length / 2 }, (_, k) =>
    BigInt.asIntN(64, (BigInt(halves[2 * k + 1]!) << 32n) | BigInt(halves[2 * k]!)),
  );

const DIGIT = "0123456789X";

/**
 * The digit pairs of a number (an ID number's X counts as a digit) hashed into 64 bits: one BIGINT, so
 * the test is a single machine-word AND. An 18-digit number sets at most 17 bits.
 */
export function digitSignature(number: string): bigint {
  let low = 0;
  let high = 0;
  for (let i = 0; i + 1 < number.length; i++) {
    const a = DIGIT.indexOf(number[i]!);
    const b = DIGIT.indexOf(number[i + 1]!);
    if (a < 0 || b < 0) continue;
    const bit = (Math.imul(a * 11 + b + 1, 2654435761) >>> 0) % 64;
    if (bit < 32) low |= 1 << bit;
    else high |= 1 << (bit - 32);
  }
  return BigInt.asIntN(64, (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0));
}

/**
 * SQL true for rows whose text may contain `needle`: each word of the needle's signature must be inside
 * the row's. The words are numbers derived from the needle, written as literals (never user text).
 */
export function textSignatureTest(needle: string): string | null {
  const tests = textSignature(needle).flatMap((word, k) =>
    word === 0n ? [] : [`(${SIGNATURE_COLUMNS[k]} & ${word}) = ${word}`],
  );
  return tests.length > 0 ? tests.join(" AND ") : null;
}

/** The same for a number column's digit signature (`column` quoted by the caller). */
export function digitSignatureTest(column: string, digits: string): string | null {
  const word = digitSignature(digits);
  return word === 0n ? null : `(${column} & ${word}) = ${word}`;
}
