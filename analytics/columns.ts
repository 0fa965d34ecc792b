// How a record's values become columns of the in-memory replica. Each field gives one main column named
// by its key, typed by the field's storage kind, and some fields give derived columns beside it:
// `<key>$py` (the pinyin sort key of a person's name), `<key>$type` (a document's type) and
// `<key>$estate` / `$building` / `$unit` (the levels the address tree filters by). Formula fields have
// no column: the query compiler computes them. The search text holds every non-sensitive text value
// and the pinyin of names; sensitive values stay in their own columns (decrypted, in memory only), so a
// snapshot of the search text holds nothing sensitive.
import { type DuckDBAppender, dateValue, LIST, listValue, VARCHAR } from "@duckdb/node-api";
import { pinyinFields } from "../app/query/pinyin/keys.ts";
import type { AddressValue, DocumentValue } from "../app/schema/field-types/index.ts";
import { fieldType } from "../app/schema/field-types/registry.ts";
import type { FieldDef } from "../app/schema/tables.server.ts";
import { digitSignature } from "./signature.ts";

export type ColumnType = "VARCHAR" | "BIGINT" | "DOUBLE" | "BOOLEAN" | "DATE" | "VARCHAR[]";

type Cell = string | number | boolean | string[] | bigint | null;

export interface ReplicaColumn {
  /** The DuckDB column name; quote it with `quoteIdent` wherever it is used. */
  name: string;
  type: ColumnType;
  field: FieldDef;
  /** Which part of the field the column holds: the value itself or a derived key. */
  part: "value" | "py" | "type" | "estate" | "building" | "unit" | "sig";
  /** The column's cell from a record's decoded values. */
  read(values: Record<string, unknown>): Cell;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export { quoteIdent };

const TYPE_OF: Record<string, ColumnType> = {
  integer: "BIGINT",
  decimal: "DOUBLE",
  boolean: "BOOLEAN",
  date: "DATE",
};

const text = (value: unknown): string | null =>
  value === null || value === undefined || value === ""
    ? null
    : typeof value === "string"
      ? value
      : JSON.stringify(value);

function mainColumn(field: FieldDef): ReplicaColumn {
  const storage = fieldType(field.type).storage;
  const base = { name: field.key, field, part: "value" as const };
  const get = (values: Record<string, unknown>) => values[field.key];
  if (field.type === "multichoice")
    return {
      ...base,
      type: "VARCHAR[]",
      read: (v) => (Array.isArray(get(v)) ? (get(v) as unknown[]).map(String) : null),
    };
  if (field.type === "document")
    return { ...base, type: "VARCHAR", read: (v) => (get(v) as DocumentValue | null)?.number ?? null };
  if (field.type === "address")
    return { ...base, type: "VARCHAR", read: (v) => addressText(get(v) as AddressValue | null) };
  const type = TYPE_OF[storage] ?? "VARCHAR";
  if (type === "BIGINT" || type === "DOUBLE")
    return { ...base, type, read: (v) => (typeof get(v) === "number" ? (get(v) as number) : null) };
  if (type === "BOOLEAN")
    return { ...base, type, read: (v) => (typeof get(v) === "boolean" ? (get(v) as boolean) : null) };
  return { ...base, type, read: (v) => text(get(v)) };
}

function addressText(value: AddressValue | null | undefined): string | null {
  if (!value) return null;
  const parts = [value.community, value.estate, value.building, value.unit, value.room, value.text];
  return parts.filter(Boolean).join("") || null;
}

// A name's pinyin is read twice per record (its sort key column and the search text): remember the last.
let lastName = "";
let lastPinyin = pinyinFields("");
function pinyinOf(name: string) {
  if (name !== lastName) {
    lastPinyin = pinyinFields(name);
    lastName = name;
  }
  return lastPinyin;
}

function derivedColumns(field: FieldDef): ReplicaColumn[] {
  const derived = (
    part: ReplicaColumn["part"],
    read: ReplicaColumn["read"],
    type: ColumnType = "VARCHAR",
  ): ReplicaColumn => ({ name: `${field.key}$${part}`, type, field, part, read });
  // The digit pairs of an ID or phone number, so quick search skips rows that cannot hold a piece of it.
  const digits = (number: string | null | undefined) => (number ? digitSignature(number) : null);
  if (field.type === "document")
    return [
      derived("type", (v) => (v[field.key] as DocumentValue | null)?.type ?? null),
      derived("sig", (v) => digits((v[field.key] as DocumentValue | null)?.number), "BIGINT"),
    ];
  if (field.type === "mobile")
    return [
      derived(
        "sig",
        (v) => digits(typeof v[field.key] === "string" ? (v[field.key] as string) : null),
        "BIGINT",
      ),
    ];
  if (field.type === "address")
    return (["estate", "building", "unit"] as const).map((part) =>
      derived(part, (v) => (v[field.key] as AddressValue | null)?.[part] || null),
    );
  if (field.options.personName)
    return [
      derived("py", (v) =>
        typeof v[field.key] === "string" ? pinyinOf(v[field.key] as string).sortKey : null,
      ),
    ];
  return [];
}

/** The physical columns of the given fields, in field order; formula fields have none. */
export function replicaColumns(fields: readonly FieldDef[]): ReplicaColumn[] {
  return fields
    .filter((field) => field.type !== "formula")
    .flatMap((field) => [mainColumn(field), ...derivedColumns(field)]);
}

/** The column holding a field's value (undefined for formula fields). */
export const valueColumn = (columns: readonly ReplicaColumn[], key: string) =>
  columns.find((c) => c.field.key === key && c.part === "value");

const SEARCHED = new Set(["text", "longtext", "email", "mobile", "autonumber", "address"]);

/**
 * The text quick search looks in: lower case, parts separated by a space. Sensitive fields are left out
 * (quick search reads their own columns), so the text can be written to a snapshot as it is.
 */
export function searchText(columns: readonly ReplicaColumn[], values: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const column of columns) {
    if (column.part !== "value" || column.field.sensitive || !SEARCHED.has(column.field.type)) continue;
    const value = column.read(values);
    if (typeof value !== "string") continue;
    parts.push(value.toLowerCase());
    if (column.field.options.personName) {
      const { full, initials } = pinyinOf(value);
      parts.push(full, initials);
    }
  }
  return parts.join(" ");
}

/** Sensitive text columns quick search also looks in (ID and phone numbers: any part of them). */
export const sensitiveSearchColumns = (columns: readonly ReplicaColumn[]) =>
  columns.filter((c) => c.part === "value" && c.field.sensitive && c.type === "VARCHAR");

const DAY_MS = 86_400_000;
const LIST_OF_TEXT = LIST(VARCHAR);

/** Append one cell of a column to the row the appender is building. */
export function appendCell(appender: DuckDBAppender, column: ReplicaColumn, value: Cell): void {
  if (value === null) appender.appendNull();
  else if (column.type === "BIGINT")
    appender.appendBigInt(typeof value === "bigint" ? value : BigInt(Math.trunc(value as number)));
  else if (column.type === "DOUBLE") appender.appendDouble(value as number);
  else if (column.type === "BOOLEAN") appender.appendBoolean(value as boolean);
  else if (column.type === "VARCHAR[]") appender.appendList(listValue(value as string[]), LIST_OF_TEXT);
  else if (column.type === "DATE") {
    const days = Date.parse(`${String(value).slice(0, 10)}T00:00:00Z`) / DAY_MS;
    if (Number.isFinite(days)) appender.appendDate(dateValue(days));
    else appender.appendNull();
  } else appender.appendVarchar(String(value));
}
