// How a record's values are kept: one JSON document per record, sensitive values sealed as
// {"$c": envelope} with authenticated encryption bound to the record and field, plus keyed blind indexes
// for the exact lookups the database must still answer (one person per document; find by phone).
import type { DocumentValue } from "../../schema/field-types/index.ts";
import type { FieldDef, TableDef } from "../../schema/tables.server.ts";
import { blindIndex } from "../crypto/blind-index.server.ts";
import type { FieldCipher } from "../crypto/field-cipher.server.ts";
import { documentKey } from "../identity/documents.ts";

export type Values = Record<string, unknown>;

interface Sealed {
  $c: string;
}

const isSealed = (v: unknown): v is Sealed =>
  typeof v === "object" && v !== null && typeof (v as Sealed).$c === "string";

/** What the ciphertext of a record's value is bound to: moving it to another record or field breaks it. */
const aad = (table: TableDef, systemId: string, field: FieldDef) => ({
  record: `${table.key}/${systemId}`,
  field: field.key,
});

export interface Codec {
  seal(field: FieldDef, value: unknown): unknown;
  open(field: FieldDef, stored: unknown): unknown;
}

/** Seal and open the values of one record. */
export function recordCodec(cipher: FieldCipher, table: TableDef, systemId: string): Codec {
  return {
    seal(field, value) {
      if (value === null || value === undefined || !field.sensitive) return value ?? null;
      return { $c: cipher.encrypt(JSON.stringify(value), aad(table, systemId, field)) };
    },
    // Values written before a field was marked sensitive are still plain; they read as they are.
    open(field, stored) {
      if (!isSealed(stored)) return stored ?? null;
      return JSON.parse(cipher.decrypt(stored.$c, aad(table, systemId, field)));
    },
  };
}

export function encodeDocument(codec: Codec, fields: readonly FieldDef[], values: Values): Values {
  const doc: Values = {};
  for (const field of fields) {
    const value = values[field.key];
    if (value !== undefined && value !== null) doc[field.key] = codec.seal(field, value);
  }
  return doc;
}

/** Open every value of a stored document, keeping values of fields this table no longer lists. */
export function decodeDocument(codec: Codec, allFields: readonly FieldDef[], doc: Values): Values {
  const byKey = new Map(allFields.map((f) => [f.key, f]));
  const out: Values = {};
  for (const [key, stored] of Object.entries(doc)) {
    const field = byKey.get(key);
    out[key] = field ? codec.open(field, stored) : stored;
  }
  return out;
}

/** The text a sensitive value is looked up by: the normalised document key, or the value itself. */
export function lookupText(field: FieldDef, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (field.type === "document") {
    const doc = value as DocumentValue;
    return documentKey(doc.type, doc.number);
  }
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function lookupDigest(key: Buffer, table: TableDef, field: FieldDef, value: unknown): string | null {
  const text = lookupText(field, value);
  return text === null ? null : blindIndex(key, `${table.key}.${field.key}`, text);
}
