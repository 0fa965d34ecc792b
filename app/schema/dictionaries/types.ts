// The shape of a built-in dictionary 字典: the options a single or multi choice field offers.

export interface DictionaryOption {
  /** Stable code stored in records; a national-standard code where one exists. Never shown to users. */
  code: string;
  /** The name staff see and pick. */
  label: string;
  /** Other spellings found in office spreadsheets, matched on import (汉 → 汉族, 大本 → 大学本科). */
  synonyms?: string[];
  /** A hex colour from PALETTE, only where it helps staff spot a row (special groups, risk). */
  colour?: string;
  /** Code of the option this one refines, for two-level dictionaries (人员类别 居民 → 常住居民). */
  parent?: string;
  /** Codes of options merged into this one; records still holding them read as this option. */
  aliases?: string[];
}

export interface Dictionary {
  /** Stable key used by fields and the API (e.g. "ethnicity"). */
  key: string;
  name: string;
  nameEn: string;
  /** The standard the codes follow, shown to staff so they know the codes are not ours to change. */
  standard?: string;
  /** True when a field usually holds several options at once (特殊人群). */
  multiple?: boolean;
  options: DictionaryOption[];
}

/** A small palette that reads on white and on the brand colour; colours stay few so they stay meaningful. */
export const PALETTE = {
  red: "#dc2626",
  orange: "#ea580c",
  amber: "#d97706",
  green: "#16a34a",
  teal: "#0d9488",
  blue: "#2563eb",
  purple: "#9333ea",
  grey: "#6b7280",
} as const;
