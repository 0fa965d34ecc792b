// Whitespace clean-up for values typed into forms or pasted from office spreadsheets.

// JS \s covers the ideographic space U+3000, NBSP and the BOM; zero-width characters come from web pastes.
const ZERO_WIDTH = /[\u200b-\u200d\u2060]/g;
const HAN = /\p{Script=Han}/u;
// Dot variants people type between the parts of Uyghur, Tibetan or transliterated names; the
// public-security standard writes U+00B7 "·".
const NAME_DOTS = /[\u00b7\u2022\u2027\u2219\u22c5\u30fb\uff0e\uff65]/g;

/** Trim (full-width space and NBSP included) and collapse runs of inner whitespace to one space. */
export function cleanText(input: string): string {
  return input.replace(ZERO_WIDTH, "").replace(/\s+/g, " ").trim();
}

/**
 * A person's name as offices mean it: "张　三" → "张三", "阿依古丽 · 买买提" → "阿依古丽·买买提",
 * "John  Smith" → "John Smith". A space is dropped when it touches a Chinese character or a name dot,
 * because Chinese names never contain spaces; between Latin words one space stays.
 */
export function cleanChineseName(input: string): string {
  const chars = [...cleanText(input).replace(NAME_DOTS, "·")];
  const joins = (ch: string | undefined) => ch !== undefined && (ch === "·" || HAN.test(ch));
  return chars.filter((ch, i) => ch !== " " || !(joins(chars[i - 1]) || joins(chars[i + 1]))).join("");
}
