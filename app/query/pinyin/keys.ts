// Pinyin keys for Chinese names and text: the full spelling and the initials used by quick search, and a
// sort key that orders Chinese text by pinyin. Pure and isomorphic; the replica loader calls pinyinKeys
// once per person (a million times), so it is built to be cheap per call.
import { pinyin } from "pinyin-pro";

export interface PinyinKeys {
  /** Full spelling, no tones, no separators, lower case: 张三丰 → "zhangsanfeng". */
  full: string;
  /** First letter of every syllable (other characters as they are): 张三丰 → "zsf". */
  initials: string;
}

/** Between syllables in a sort key; below every letter and digit so that a shorter spelling sorts first. */
const SYLLABLE_SEPARATOR = " ";
/** Between the spelling and the original text in a sort key; below the syllable separator. */
const TIE_SEPARATOR = "\u0001";

// Whitespace and punctuation (including the middle dot of ethnic and foreign names, 阿依古丽·买买提)
// carry no sound: they are dropped so that a typed query matches across them.
const SILENT = /^[\p{White_Space}\p{P}\p{S}]+$/u;
const LATIN_OR_DIGIT = /^[A-Za-z0-9]+$/;

// Reading a name through pinyin-pro costs several microseconds; most name characters have one toneless
// reading whatever their context, so those are remembered per character and a name made only of them is
// spelled from the cache. Any character with several readings (单 dan/shan, 长 chang/zhang, 尉 wei/yu)
// sends the whole text through pinyin-pro, which reads it in context and with surname rules.
const readings = new Map<string, string | null>();
/** Bounds the cache for arbitrary input; names use a few thousand distinct characters. */
const MAX_CACHED = 65_536;

/** A character's only sound: a syllable, a lower-cased letter or digit, itself, or "" for a silent one. */
function sound(item: string): string {
  if (item === "" || SILENT.test(item)) return "";
  return LATIN_OR_DIGIT.test(item) ? item.toLowerCase() : item;
}

/** The only reading of one character, or null when it has several. */
function reading(char: string): string | null {
  let found = readings.get(char);
  if (found === undefined) {
    const all = pinyin(char, { toneType: "none", type: "array", multiple: true, v: true });
    found = all.length === 1 ? sound(all[0]!) : null;
    if (readings.size < MAX_CACHED) readings.set(char, found);
  }
  return found;
}

/** The text read in context, surnames at the start read as surnames. */
function readInContext(text: string): string[] {
  const items = pinyin(text, { toneType: "none", type: "array", surname: "head", v: true });
  return items.map(sound).filter((item) => item !== "");
}

/**
 * The reading of every sounding character of `text`, one entry per character: a toneless lower-case
 * syllable for a Chinese character (surnames at the start read as surnames: 单 shan, 曾 zeng, 仇 qiu,
 * 解 xie, 区 ou, and compound surnames such as 欧阳, 尉迟, 万俟), a lower-cased letter or digit, or the
 * character itself when pinyin-pro has no reading for it (such as a rare character outside the BMP).
 */
function syllables(text: string): string[] {
  const out: string[] = [];
  for (const char of text) {
    const found = reading(char);
    if (found === null) return readInContext(text);
    if (found !== "") out.push(found);
  }
  return out;
}

/** Full pinyin spelling and initials of a name or any text. */
export function pinyinKeys(text: string): PinyinKeys {
  return keysOf(syllables(text));
}

function keysOf(list: readonly string[]): PinyinKeys {
  let full = "";
  let initials = "";
  for (const syllable of list) {
    full += syllable;
    // A letter, digit or syllable contributes its first letter; an unknown character contributes itself
    // whole (a character outside the BMP is two UTF-16 units, so take the code point, not [0]).
    initials += String.fromCodePoint(syllable.codePointAt(0)!);
  }
  return { full, initials };
}

/**
 * A key whose plain (code point) order is the pinyin order of the texts, syllable by syllable (阿 < 白 < 陈,
 * 西安 "xi an" < 先 "xian"), with the text itself breaking ties between characters that read alike.
 * Meant for a VARCHAR column used in ORDER BY with the default binary collation.
 */
export function pinyinSortKey(text: string): string {
  return sortKeyOf(text, syllables(text));
}

function sortKeyOf(text: string, list: readonly string[]): string {
  return text === "" ? "" : list.join(SYLLABLE_SEPARATOR) + TIE_SEPARATOR + text;
}

/** pinyinKeys and pinyinSortKey together for the cost of one (for the replica loader). */
export function pinyinFields(text: string): PinyinKeys & { sortKey: string } {
  const list = syllables(text);
  return { ...keysOf(list), sortKey: sortKeyOf(text, list) };
}

/**
 * The letters of a typed pinyin query, or null when it is not one: lower case, with spaces and the
 * syllable apostrophe (xi'an) removed and ü typed as v, as pinyin input methods do.
 */
export function pinyinQuery(query: string): string | null {
  const letters = query
    .toLowerCase()
    .replace(/[\s']+/g, "")
    .replace(/ü/g, "v");
  return /^[a-z]+$/.test(letters) ? letters : null;
}

/** Whether a typed query finds a text by its pinyin keys: "zsf", "zhangsan" and "sanfeng" all find 张三丰. */
export function matchesPinyin(query: string, keys: PinyinKeys): boolean {
  const letters = pinyinQuery(query);
  if (letters === null) return false;
  return keys.full.includes(letters) || keys.initials.includes(letters);
}
