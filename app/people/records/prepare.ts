// Turns what a form, the API or an import gives into a record's next values: every value parsed by its
// field type, required fields present, and the Chinese ID intelligence of SPEC §A1 — birth date and sex
// filled from the document number, and a typed value that contradicts it refused naming both values.
// Pure: the same rules run in the browser as the user types and on the server when the record is saved.
import type { FieldErrors } from "../../core/errors.ts";
import type {
  DocumentValue,
  FieldOptions,
  ParseContext,
  ParseDetails,
} from "../../schema/field-types/index.ts";
import { isBlank } from "../../schema/field-types/problems.ts";
import { type FieldTypeId, fieldType } from "../../schema/field-types/registry.ts";
import { findContradictions } from "../identity/contradictions.ts";
import { validateDocument } from "../identity/documents.ts";
import type { Sex } from "../normalise/sex.ts";

export type Values = Record<string, unknown>;

/** The parts of a field definition the rules read (FieldDef fits). */
export interface PreparedField {
  key: string;
  label: string;
  type: FieldTypeId;
  required: boolean;
  options: FieldOptions;
}

/** Why a field was refused, for callers that report by code (the importer): a parse problem's code,
 * a contradiction with the ID number, "unknown-field" or "required". */
export type FieldCodes = Record<string, string>;

export type Prepared =
  | { ok: true; values: Values; changed: string[] }
  | { ok: false; errors: FieldErrors; codes: FieldCodes };

/** Sex dictionary codes (GB/T 2261.1) for what an ID number says. */
export const SEX_CODE: Record<Sex, string> = { male: "1", female: "2" };
const SEX_OF_CODE: Record<string, Sex> = { "1": "male", "2": "female" };

// The same field list is prepared against for every row of an import: its index is made once.
const indexes = new WeakMap<readonly PreparedField[], Map<string, PreparedField>>();
function fieldsByKey(fields: readonly PreparedField[]): Map<string, PreparedField> {
  let index = indexes.get(fields);
  if (!index) {
    index = new Map(fields.map((f) => [f.key, f]));
    indexes.set(fields, index);
  }
  return index;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * `input` holds the values to set (others stay as in `base`; a blank input clears); `base` is the record
 * as stored, or null for a new record.
 */
export function prepareValues(
  fields: readonly PreparedField[],
  input: Values,
  base: Values | null,
  ctx: ParseContext = {},
): Prepared {
  const errors: FieldErrors = {};
  const codes: FieldCodes = {};
  const byKey = fieldsByKey(fields);
  const next: Values = { ...(base ?? {}) };
  const typed = new Set<string>();
  const details = new Map<string, ParseDetails>();

  for (const [key, raw] of Object.entries(input)) {
    const field = byKey.get(key);
    if (!field) {
      errors[key] = `没有字段“${key}” / No field "${key}"`;
      codes[key] = "unknown-field";
      continue;
    }
    const definition = fieldType(field.type);
    if (definition.readOnly && isBlank(raw)) continue;
    const result = definition.parse(raw, field, ctx);
    if (!result.ok) {
      errors[key] = result.message;
      codes[key] = result.code;
      continue;
    }
    next[key] = result.value;
    if (result.value !== null) typed.add(key);
    if (result.details) details.set(key, result.details);
  }

  for (const field of fields) {
    if (field.type !== "document" || !field.options.fills) continue;
    applyIdentity(field, next, typed, details.get(field.key), errors, codes, ctx, byKey);
  }

  for (const field of fields) {
    if (field.required && isBlank(next[field.key]) && !errors[field.key]) {
      errors[field.key] = `「${field.label}」必须填写 / ${field.label}: required`;
      codes[field.key] = "required";
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, codes };

  for (const key of Object.keys(next)) if (next[key] === null) delete next[key];
  // A new record changes every field it has a value for; an edit, the fields whose value differs.
  const changed =
    base === null
      ? fields.filter((f) => next[f.key] !== undefined).map((f) => f.key)
      : fields.map((f) => f.key).filter((k) => !same(next[k], base[k]));
  return { ok: true, values: next, changed };
}

function applyIdentity(
  field: PreparedField,
  next: Values,
  typed: ReadonlySet<string>,
  parsedDetails: ParseDetails | undefined,
  errors: FieldErrors,
  codes: FieldCodes,
  ctx: ParseContext,
  byKey: ReadonlyMap<string, PreparedField>,
): void {
  const document = next[field.key] as DocumentValue | null | undefined;
  if (!document || errors[field.key]) return;
  const derived = parsedDetails ?? detailsOf(document, ctx);
  if (!derived) return;
  const { birthDate: birthKey, sex: sexKey } = field.options.fills ?? {};
  const birthField = birthKey ? byKey.get(birthKey) : undefined;
  const sexField = sexKey ? byKey.get(sexKey) : undefined;

  const typedBirth = birthField && typed.has(birthField.key) ? (next[birthField.key] as string) : null;
  const typedSex = sexField && typed.has(sexField.key) ? SEX_OF_CODE[next[sexField.key] as string] : null;
  const label = { zh: `${field.label}`, en: field.label };
  for (const problem of findContradictions(
    { birthDate: typedBirth, sex: typedSex ?? null },
    derived,
    label,
  )) {
    const target = problem.code === "birthdate-contradicts-id" ? birthField : sexField;
    if (target) {
      errors[target.key] = `「${target.label}」${problem.message}`;
      codes[target.key] = problem.code;
    }
  }
  // What the number says wins over what was stored before; typed values were checked above.
  if (birthField && derived.birthDate && !typedBirth) next[birthField.key] = derived.birthDate;
  if (sexField && derived.sex && !typedSex) next[sexField.key] = SEX_CODE[derived.sex];
}

function detailsOf(document: DocumentValue, ctx: ParseContext): ParseDetails | null {
  const found = validateDocument(document.type, document.number, { today: ctx.today });
  if (!found.ok) return null;
  return {
    ...(found.birthDate ? { birthDate: found.birthDate } : {}),
    ...(found.sex ? { sex: found.sex } : {}),
  };
}
