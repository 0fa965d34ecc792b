// Dictionary lookups shared by the choice and multichoice types.
import { BUILT_IN_DICTIONARIES, type Dictionary } from "../dictionaries/index.ts";
import { fail } from "./problems.ts";
import type { FieldConfig } from "./types.ts";

type Source = ((key: string) => Dictionary | undefined) | undefined;

/** The field's dictionary: as staff edited it when the caller knows, else the built-in one. */
export function dictionaryOf(field: FieldConfig, source: Source): Dictionary | undefined {
  const key = field.options?.dictionary;
  if (key === undefined) return undefined;
  const edited = source?.(key);
  if (edited) return edited;
  return Object.hasOwn(BUILT_IN_DICTIONARIES, key)
    ? BUILT_IN_DICTIONARIES[key as keyof typeof BUILT_IN_DICTIONARIES]
    : undefined;
}

export const missingDictionary = (field: FieldConfig) =>
  fail(
    field,
    "dictionary-missing",
    `引用的字典 ${field.options?.dictionary ?? "（未设置）"} 不存在，请检查字段设置`,
    `its dictionary ${field.options?.dictionary ?? "(none)"} does not exist; check the field's settings`,
  );

export const unknownOptions = (field: FieldConfig, dictionary: Dictionary, texts: string[]) =>
  fail(
    field,
    "choice-unknown",
    `${texts.map((t) => `“${t}”`).join("、")}不是字典「${dictionary.name}」中的选项`,
    `${texts.map((t) => `"${t}"`).join(", ")} ${texts.length > 1 ? "are not options" : "is not an option"} of ${dictionary.nameEn}`,
  );

/** The name users see for a stored code; the code itself when the option is gone. */
export function optionLabel(dictionary: Dictionary | undefined, code: string): string {
  const options = dictionary?.options;
  const option =
    options?.find((o) => o.code === code) ?? options?.find((o) => o.aliases?.includes(code) ?? false);
  return option?.label ?? code;
}

/** Multichoice separators: 、,，;；/ and line breaks. */
export const SEPARATORS = /[、,，;；/\r\n]+/;
