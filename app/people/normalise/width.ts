// Full-width forms (what Chinese input methods type in "全角" mode) back to ASCII.
// Meant for codes, numbers and dates; prose keeps its Chinese punctuation, so don't run it over free text.

const FULL_WIDTH_FIRST = 0xff01; // ！ — the block U+FF01..U+FF5E mirrors ASCII U+0021..U+007E
const FULL_WIDTH_LAST = 0xff5e;
const OFFSET = 0xff01 - 0x21;

/** "１１０１０２　１９８５ｘ" → "110102 1985x": full-width ASCII and the ideographic space to half-width. */
export function toHalfWidth(input: string): string {
  let out = "";
  for (const ch of input) {
    const code = ch.codePointAt(0)!;
    if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) out += String.fromCharCode(code - OFFSET);
    else if (code === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}
