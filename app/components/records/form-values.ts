// Record forms ↔ the values object the domain takes. Inputs are named `v.<fieldKey>` (plus
// `v.<key>.type` / `v.<key>.number` for documents, `v.<key>.<part>` for addresses, `v.<key>.was` for
// check boxes); multi-valued fields repeat `v.<key>`. Pure, so the same rules hold in tests and browsers.
import type { AddressValue, DocumentValue, LinkValue } from "../../schema/field-types/index.ts";
import { type FieldTypeId, fieldType } from "../../schema/field-types/registry.ts";
import type { FieldOptions } from "../../schema/field-types/types.ts";

/** The parts of a field definition a form needs (FieldDef fits). */
export interface FormField {
  key: string;
  label: string;
  type: FieldTypeId;
  required: boolean;
  sensitive: boolean;
  hidden: boolean;
  options: FieldOptions;
}

export type Values = Record<string, unknown>;
/** Input name → the values sent under it (one for most inputs, several for check-box groups). */
export type FormInput = Record<string, string[]>;

export const ADDRESS_PARTS = ["community", "estate", "building", "unit", "room", "text"] as const;

export const inputName = (key: string, part?: string) => (part ? `v.${key}.${part}` : `v.${key}`);

/** The fields a form shows: in use, not hidden, and not computed by the system. */
export function editableFields<F extends FormField>(fields: readonly F[]): F[] {
  return fields.filter((f) => !f.hidden && !fieldType(f.type).readOnly);
}

/** The `v.*` entries of a form, kept to fill the form in again after a refusal (pages without JS). */
export function formInput(entries: Iterable<[string, FormDataEntryValue]>): FormInput {
  const out: FormInput = {};
  for (const [name, value] of entries) {
    if (!name.startsWith("v.") || typeof value !== "string") continue;
    out[name] = [...(out[name] ?? []), value];
  }
  return out;
}

const blank = (s: string | undefined) => s === undefined || s.trim() === "";

/**
 * The values object for createRecord / updateRecord. On create, blank inputs are left out. On update a
 * blank input clears the field, except a sensitive one: its input starts empty (the value is masked),
 * so empty there means "unchanged".
 */
export function formValues(
  fields: readonly FormField[],
  input: FormInput,
  mode: "create" | "update",
): Values {
  const out: Values = {};
  const one = (name: string) => input[name]?.[0];
  for (const field of editableFields(fields)) {
    const key = field.key;
    const cleared = mode === "update" && !field.sensitive;
    switch (fieldType(field.type).editor) {
      case "checkbox": {
        // An unticked box sends nothing: it only means "否" when the box was ticked before.
        const checked = !blank(one(inputName(key)));
        if (checked) out[key] = true;
        else if (mode === "update" && one(inputName(key, "was")) === "1") out[key] = false;
        break;
      }
      case "photo": {
        // The hidden id input is gone when the photo was removed in the form.
        const id = (input[inputName(key)] ?? []).find((s) => !blank(s));
        if (id) out[key] = id.trim();
        else if (cleared) out[key] = "";
        break;
      }
      case "multiselect":
      case "files": {
        const list = (input[inputName(key)] ?? []).filter((s) => !blank(s));
        if (list.length > 0) out[key] = list;
        else if (cleared) out[key] = [];
        break;
      }
      case "document": {
        const number = one(inputName(key, "number"));
        const type = one(inputName(key, "type"));
        if (!blank(number))
          out[key] = { ...(blank(type) ? {} : { type: type!.trim() }), number: number!.trim() };
        else if (cleared) out[key] = "";
        break;
      }
      case "address": {
        const parts: Record<string, string> = {};
        for (const part of ADDRESS_PARTS) {
          const text = one(inputName(key, part));
          if (!blank(text)) parts[part] = text!.trim();
        }
        if (Object.keys(parts).length > 0) out[key] = parts;
        else if (cleared) out[key] = "";
        break;
      }
      default: {
        const text = one(inputName(key));
        if (text === undefined) break;
        if (!blank(text)) out[key] = text.trim();
        else if (cleared) out[key] = "";
      }
    }
  }
  return out;
}

/** "2026-05-01 14:30:00" → "2026-05-01T14:30", what <input type="datetime-local"> holds. */
const toLocalInput = (value: string) => value.replace(" ", "T").slice(0, 16);

/**
 * What an edit form starts with for a record's values. Masked (sensitive) values start empty: the page
 * shows the masked text as a placeholder, and an untouched input leaves the value as it is.
 */
export function formDefaults(
  fields: readonly FormField[],
  values: Values,
  masked: readonly string[] = [],
): FormInput {
  const out: FormInput = {};
  for (const field of editableFields(fields)) {
    const key = field.key;
    const value = values[key];
    const editor = fieldType(field.type).editor;
    if (editor === "checkbox")
      out[inputName(key, "was")] = [value === true ? "1" : value === false ? "0" : ""];
    if (value === null || value === undefined) continue;
    // A masked document still says which kind of document it is.
    if (editor === "document") out[inputName(key, "type")] = [(value as DocumentValue).type];
    if (masked.includes(key)) continue;
    switch (editor) {
      case "checkbox":
        if (value === true) out[inputName(key)] = ["on"];
        break;
      case "multiselect":
      case "files":
        out[inputName(key)] = (value as unknown[]).map(String);
        break;
      case "document": {
        out[inputName(key, "number")] = [(value as DocumentValue).number];
        break;
      }
      case "address":
        for (const part of ADDRESS_PARTS) {
          const text = (value as AddressValue)[part];
          if (text) out[inputName(key, part)] = [text];
        }
        break;
      case "link":
        out[inputName(key)] = [(value as LinkValue).id];
        break;
      case "datetime":
        out[inputName(key)] = [toLocalInput(String(value))];
        break;
      default:
        out[inputName(key)] = [
          field.type === "money"
            ? (Number(value) / 100).toFixed(2)
            : fieldType(field.type).format(value, field, { lang: "zh-CN", masked: false }),
        ];
    }
  }
  return out;
}
