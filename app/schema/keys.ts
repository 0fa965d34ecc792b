// Stable keys for tables and fields made from their Chinese names (走访记录 → "zfjl"), so API users read
// something meaningful; a number is appended when the key is taken. Keys never change after creation.
import { pinyinKeys } from "../query/pinyin/keys.ts";

const KEY = /^[a-z][a-zA-Z0-9_]{0,63}$/;

export const isKey = (key: string): boolean => KEY.test(key);

export function keyFromName(name: string, taken: ReadonlySet<string>, fallback = "f"): string {
  let base = pinyinKeys(name)
    .initials.toLowerCase()
    .replace(/[^a-z0-9_]/g, "")
    .slice(0, 24);
  if (!/^[a-z]/.test(base)) base = fallback + base;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Letters for system IDs ("ZFJL" → ZFJL-000001), upper case, unique among tables. */
export function prefixFromName(name: string, taken: ReadonlySet<string>): string {
  const base =
    pinyinKeys(name)
      .initials.toUpperCase()
      .replace(/[^A-Z]/g, "")
      .slice(0, 4) || "T";
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, 3)}${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
