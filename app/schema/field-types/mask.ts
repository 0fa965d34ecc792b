// Masking of sensitive values for readers who may not reveal them (SPEC §A2: 110102********1234).

/** Keeps the ends people recognise a number by: 6 + 4 characters of an ID number, fewer of shorter ones. */
export function maskNumber(number: string): string {
  const chars = [...number];
  const [head, tail] = chars.length >= 15 ? [6, 4] : chars.length >= 8 ? [2, 2] : [1, 1];
  if (chars.length <= head + tail) return "*".repeat(chars.length);
  return chars.slice(0, head).join("") + "*".repeat(chars.length - head - tail) + chars.slice(-tail).join("");
}
