// 多行文本: notes and visit records. Line breaks stay; each line is trimmed and blank runs collapse.
import { cleanText } from "../../people/normalise/text.ts";
import { isBlank, nothing, scalarText, wrongKind } from "./problems.ts";
import { tooLong } from "./text.ts";
import type { FieldTypeDefinition } from "./types.ts";

function tidyLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(cleanText)
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export const longtextType: FieldTypeDefinition<string> = {
  type: "longtext",
  labelKey: "fieldTypes.longtext",
  parse(raw, field) {
    if (isBlank(raw)) return nothing();
    const text = scalarText(raw);
    if (text === null) return wrongKind(field, "文本", "text");
    const value = tidyLines(text);
    return tooLong(field, value) ?? { ok: true, value };
  },
  format: (value) => value ?? "",
  operators: ["contains", "not_contains", "empty", "not_empty"],
  storage: "text",
  sortable: false,
  sensitiveByDefault: false,
  readOnly: false,
  editor: "textarea",
};
