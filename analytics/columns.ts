// How a record's values become columns of the in-memory replica: one column per field, typed by the
// field's storage kind, plus a lower-case search text holding every text value, the name's pinyin (full
// and initials) and the whole digits of ID and phone numbers — decrypted, in memory only.

import { pinyinKeys } from "../app/query/pinyin/keys.ts";
import type { DocumentValue } from "../app/schema/field-types/index.ts";
import { fieldType } from "../app/schema/field-types/registry.ts";
import type { FieldDef } from "../app/schema/tables.server.ts";

export type ColumnType = "VARCHAR" | "BIGINT" | "DOUBLE" | "BOOLEAN";

export interface ReplicaColumn {
  /** The DuckDB column name: the field key, quoted where used. */
  name: string;
  type: ColumnType;
  field: FieldDef;
}

const TYPE_OF: Record<string, ColumnType> = {
  integer: "BIGINT",
  decimal: "DOUBLE",
  boolean: "BOOLEAN",
};

export function replicaColumns(fields: readonly FieldDef[]): ReplicaColumn[] {
  return fields.map((field) => ({
    name: field.key,
    type: TYPE_OF[fieldType(field.type).storage] ?? "VARCHAR",
    field,
  }));
}

/** A value as its column holds it: numbers and yes/no as they are, everything else as text. */
export function columnValue(column: ReplicaColumn, value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (column.type === "BIGINT" || column.type === "DOUBLE") return typeof value === "number" ? value : null;
  if (column.type === "BOOLEAN") return typeof value === "boolean" ? value : null;
  if (column.field.type === "document") return (value as DocumentValue).number;
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** The text quick search looks in: lower case, parts separated by a space. */
export function searchText(columns: readonly ReplicaColumn[], values: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const column of columns) {
    const value = values[column.field.key];
    if (value === null || value === undefined || column.type !== "VARCHAR") continue;
    const type = column.field.type;
    if (type === "document") parts.push((value as DocumentValue).number.toLowerCase());
    else if (type === "text" || type === "mobile" || type === "email" || type === "longtext") {
      const text = String(value);
      parts.push(text.toLowerCase());
      if (column.field.options.personName) {
        const { full, initials } = pinyinKeys(text);
        parts.push(full, initials);
      }
    }
  }
  return parts.join(" ");
}
