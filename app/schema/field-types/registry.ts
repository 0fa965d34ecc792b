// The registry of field types (SPEC §A1). A new type is one file exporting a FieldTypeDefinition and
// one line here.
import { addressType } from "./address.ts";
import { attachmentsType } from "./attachments.ts";
import { autonumberType } from "./autonumber.ts";
import { booleanType } from "./boolean.ts";
import { choiceType } from "./choice.ts";
import { dateType } from "./date.ts";
import { datetimeType } from "./datetime.ts";
import { decimalType } from "./decimal.ts";
import { documentType } from "./document.ts";
import { emailType } from "./email.ts";
import { formulaType } from "./formula.ts";
import { integerType } from "./integer.ts";
import { linkType } from "./link.ts";
import { longtextType } from "./longtext.ts";
import { mobileType } from "./mobile.ts";
import { moneyType } from "./money.ts";
import { multichoiceType } from "./multichoice.ts";
import { photoType } from "./photo.ts";
import { textType } from "./text.ts";
import type { FieldTypeDefinition } from "./types.ts";

/** In the order the field editor offers them. */
export const FIELD_TYPES = {
  text: textType,
  longtext: longtextType,
  integer: integerType,
  decimal: decimalType,
  money: moneyType,
  date: dateType,
  datetime: datetimeType,
  boolean: booleanType,
  choice: choiceType,
  multichoice: multichoiceType,
  document: documentType,
  mobile: mobileType,
  email: emailType,
  address: addressType,
  photo: photoType,
  attachments: attachmentsType,
  link: linkType,
  formula: formulaType,
  autonumber: autonumberType,
} as const;

export type FieldTypeId = keyof typeof FIELD_TYPES;

/** The value type a field type's parse gives, e.g. FieldValue<"money"> is number (fen). */
export type FieldValue<T extends FieldTypeId> =
  (typeof FIELD_TYPES)[T] extends FieldTypeDefinition<infer V> ? V : never;

export const FIELD_TYPE_IDS = Object.keys(FIELD_TYPES) as FieldTypeId[];

export const isFieldTypeId = (id: string): id is FieldTypeId => Object.hasOwn(FIELD_TYPES, id);

/** The definition of a type id; throws on an id that is not registered (a stored config out of date). */
export function fieldType(id: string): FieldTypeDefinition<any> {
  if (!isFieldTypeId(id)) throw new Error(`Unknown field type "${id}"`);
  return FIELD_TYPES[id];
}
