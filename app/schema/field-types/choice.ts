// 单选: one option of a dictionary, stored by its stable code, matched by label, code or synonym.
import { matchOption } from "../dictionaries/index.ts";
import { dictionaryOf, missingDictionary, optionLabel, SEPARATORS, unknownOptions } from "./dictionary.ts";
import { fail, isBlank, nothing, scalarText, wrongKind } from "./problems.ts";
import type { FieldTypeDefinition } from "./types.ts";

export const choiceType: FieldTypeDefinition<string> = {
  type: "choice",
  labelKey: "fieldTypes.choice",
  parse(raw, field, ctx = {}) {
    if (isBlank(raw)) return nothing();
    const dictionary = dictionaryOf(field, ctx.dictionary);
    if (!dictionary) return missingDictionary(field);
    const text = scalarText(raw);
    if (text === null) return wrongKind(field, "字典中的一个选项", "one option of the dictionary");
    const option = matchOption(dictionary, text);
    if (option) return { ok: true, value: option.code };
    const parts = text.split(SEPARATORS).filter((part) => part.trim() !== "");
    if (parts.length > 1 && parts.every((part) => matchOption(dictionary, part)))
      return fail(field, "choice-single", "只能选一项", "takes one option only");
    return unknownOptions(field, dictionary, [text.trim()]);
  },
  format: (value, field, { dictionary }) =>
    value === null ? "" : optionLabel(dictionaryOf(field, dictionary), value),
  operators: ["eq", "neq", "in", "not_in", "empty", "not_empty"],
  storage: "text",
  sortable: true,
  sensitiveByDefault: false,
  readOnly: false,
  editor: "select",
};
