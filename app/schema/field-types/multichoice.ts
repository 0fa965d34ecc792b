// 多选: several options of a dictionary (特殊人群: 独居老人、低保户), stored as codes in dictionary order.
import { type Dictionary, matchOption } from "../dictionaries/index.ts";
import { dictionaryOf, missingDictionary, optionLabel, SEPARATORS, unknownOptions } from "./dictionary.ts";
import { isBlank, nothing, wrongKind } from "./problems.ts";
import type { FieldTypeDefinition } from "./types.ts";

/** The texts a value names: a list as forms send it, or one cell "独居老人、低保户". */
function textsOf(raw: unknown, dictionary: Dictionary): string[] | null {
  if (Array.isArray(raw)) return raw.every((item) => typeof item === "string") ? raw : null;
  if (typeof raw === "number") return [String(raw)];
  if (typeof raw !== "string") return null;
  // An option whose own name holds a separator is taken whole before the cell is split.
  return matchOption(dictionary, raw) ? [raw] : raw.split(SEPARATORS);
}

export const multichoiceType: FieldTypeDefinition<string[]> = {
  type: "multichoice",
  labelKey: "fieldTypes.multichoice",
  parse(raw, field, ctx = {}) {
    if (isBlank(raw)) return nothing();
    const dictionary = dictionaryOf(field, ctx.dictionary);
    if (!dictionary) return missingDictionary(field);
    const texts = textsOf(raw, dictionary)
      ?.map((text) => text.trim())
      .filter((text) => text !== "");
    if (!texts) return wrongKind(field, "字典中的选项", "options of the dictionary");
    if (texts.length === 0) return nothing();
    const codes = new Set<string>();
    const unknown: string[] = [];
    for (const text of texts) {
      const option = matchOption(dictionary, text);
      if (option) codes.add(option.code);
      else unknown.push(text);
    }
    if (unknown.length > 0) return unknownOptions(field, dictionary, unknown);
    const value = dictionary.options.map((option) => option.code).filter((code) => codes.has(code));
    return { ok: true, value };
  },
  format: (value, field, { dictionary }) =>
    value === null ? "" : value.map((code) => optionLabel(dictionaryOf(field, dictionary), code)).join("、"),
  operators: ["has_any", "has_all", "has_none", "empty", "not_empty"],
  storage: "json",
  sortable: false,
  sensitiveByDefault: false,
  readOnly: false,
  editor: "multiselect",
};
