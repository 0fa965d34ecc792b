// 单行文本: names, short notes. Whitespace is tidied the way office cells need (full-width spaces,
// runs of spaces); a person's name also loses the spaces people put between its characters.
import { cleanChineseName, cleanText } from "../../people/normalise/text.ts";
import { fail, isBlank, nothing, scalarText, wrongKind } from "./problems.ts";
import type { FieldConfig, FieldTypeDefinition } from "./types.ts";

/** The field's maxLength check, counted in characters as people count them (not UTF-16 units). */
export function tooLong(field: FieldConfig, text: string) {
  const max = field.options?.maxLength;
  const length = [...text].length;
  if (max === undefined || length <= max) return null;
  return fail(
    field,
    "text-too-long",
    `最多 ${max} 个字，现为 ${length} 个`,
    `takes at most ${max} characters, this has ${length}`,
  );
}

export const textType: FieldTypeDefinition<string> = {
  type: "text",
  labelKey: "fieldTypes.text",
  parse(raw, field) {
    if (isBlank(raw)) return nothing();
    const text = scalarText(raw);
    if (text === null) return wrongKind(field, "文本", "text");
    const value = field.options?.personName ? cleanChineseName(text) : cleanText(text);
    return tooLong(field, value) ?? { ok: true, value };
  },
  format: (value) => value ?? "",
  operators: [
    "eq",
    "neq",
    "contains",
    "not_contains",
    "starts_with",
    "ends_with",
    "in",
    "not_in",
    "empty",
    "not_empty",
  ],
  storage: "text",
  sortable: true,
  sensitiveByDefault: false,
  readOnly: false,
  editor: "text",
};
