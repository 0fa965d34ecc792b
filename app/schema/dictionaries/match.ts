// Finds the dictionary option a spreadsheet cell means: by label, code or synonym, after the clean-up
// every office cell needs (stray spaces, full-width letters and digits, upper/lower case).
import type { Dictionary, DictionaryOption } from "./types.ts";

/** The form texts are compared in: NFKC folds full-width to half-width, spaces go, Latin is lower-cased. */
export function normaliseOptionText(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

// One lookup table per dictionary object, built on first use: an import matches millions of cells
// against the same few dictionaries. Dictionaries are treated as immutable; an edited dictionary is a
// new object and gets a new table.
const indexes = new WeakMap<Dictionary, Map<string, DictionaryOption>>();

function indexOf(dictionary: Dictionary): Map<string, DictionaryOption> {
  let index = indexes.get(dictionary);
  if (index) return index;
  index = new Map();
  // Later writes win, so a label beats a code and a code beats a synonym should two ever coincide.
  for (const option of dictionary.options)
    for (const synonym of [...(option.synonyms ?? []), ...(option.aliases ?? [])])
      index.set(normaliseOptionText(synonym), option);
  for (const option of dictionary.options) index.set(normaliseOptionText(option.code), option);
  for (const option of dictionary.options) index.set(normaliseOptionText(option.label), option);
  indexes.set(dictionary, index);
  return index;
}

/** The option `text` names in `dictionary`, or undefined when it names none. */
export function matchOption(dictionary: Dictionary, text: string): DictionaryOption | undefined {
  const key = normaliseOptionText(text);
  if (key === "") return undefined;
  return indexOf(dictionary).get(key);
}
