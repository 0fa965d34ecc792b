// 是/否: yes-no answers as offices write them, including the ticks and crosses of paper forms.
import { cleanText } from "../../people/normalise/text.ts";
import { toHalfWidth } from "../../people/normalise/width.ts";
import { fail, isBlank, nothing } from "./problems.ts";
import type { FieldTypeDefinition } from "./types.ts";

const WORDS: Record<string, boolean> = {
  是: true,
  有: true,
  对: true,
  y: true,
  yes: true,
  true: true,
  "1": true,
  "√": true,
  "✓": true,
  "✔": true,
  否: false,
  无: false,
  不是: false,
  n: false,
  no: false,
  false: false,
  "0": false,
  "×": false,
  "✗": false,
  "✘": false,
  x: false,
};

export const booleanType: FieldTypeDefinition<boolean> = {
  type: "boolean",
  labelKey: "fieldTypes.boolean",
  parse(raw, field) {
    if (isBlank(raw)) return nothing();
    if (typeof raw === "boolean") return { ok: true, value: raw };
    const word = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw : null;
    const key = word === null ? "" : cleanText(toHalfWidth(word)).toLowerCase();
    if (Object.hasOwn(WORDS, key)) return { ok: true, value: WORDS[key]! };
    return fail(field, "boolean-invalid", "应填“是”或“否”", 'must be "是" (yes) or "否" (no)');
  },
  format: (value, _field, { lang }) =>
    value === null ? "" : lang === "en" ? (value ? "Yes" : "No") : value ? "是" : "否",
  operators: ["eq", "empty", "not_empty"],
  storage: "boolean",
  sortable: true,
  sensitiveByDefault: false,
  readOnly: false,
  editor: "checkbox",
};
