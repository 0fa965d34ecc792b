// How a group or facet key reads: a dictionary option's name (merged codes read as the kept option),
// 是 / 否 for yes/no, （空） for no value, the value itself otherwise. Keys are ordered as people expect:
// dictionary order, numbers and dates ascending, other text by pinyin, the empty key last.
import { optionOf } from "../../app/components/records/options.ts";
import type { StoredDictionary } from "../../app/schema/dictionaries.server.ts";
import type { ResolvedField } from "./fields.ts";

export const EMPTY_LABEL = "（空）";

const pinyinOrder = new Intl.Collator("zh-CN");

export interface Labeller {
  label(code: string | null): string;
  colour(code: string | null): string | undefined;
  compare(a: string | null, b: string | null): number;
}

export function labeller(
  field: ResolvedField,
  dictionaries: ReadonlyMap<string, StoredDictionary>,
): Labeller {
  const options = field.field?.options.dictionary
    ? (dictionaries.get(field.field.options.dictionary)?.options ?? [])
    : [];
  const position = (code: string) => {
    const option = optionOf(options, code);
    return option ? options.indexOf(option) : options.length;
  };
  const numeric = field.kind === "number" || field.kind === "money" || field.kind === "date";
  return {
    label(code) {
      if (code === null || code === "") return EMPTY_LABEL;
      if (field.kind === "boolean") return code === "true" ? "是" : "否";
      return optionOf(options, code)?.label ?? code;
    },
    colour: (code) => (code === null ? undefined : optionOf(options, code)?.colour),
    compare(a, b) {
      if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
      if (options.length > 0) return position(a) - position(b) || pinyinOrder.compare(a, b);
      if (numeric && field.kind !== "date") return Number(a) - Number(b);
      return field.kind === "date" ? (a < b ? -1 : a > b ? 1 : 0) : pinyinOrder.compare(a, b);
    },
  };
}

/** A DuckDB key as text (null stays null): numbers, dates and booleans as they read. */
export function keyText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}
