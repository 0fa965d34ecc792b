// The SQL of records: rows, system IDs, versions, blind indexes and links. Rules live in the callers.
import { type Kysely, sql, type Transaction } from "kysely";
import type { Dialect } from "../../../db/dialect.ts";
import type { DB, RecordTable, VersionKind } from "../../../db/types.ts";
import { notFound } from "../../core/errors.ts";
import type { FieldDef, TableDef } from "../../schema/tables.server.ts";
import { type Codec, lookupDigest, type Values } from "./codec.server.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export type RecordRow = Omit<RecordTable, "id"> & { id: number };

export async function fetchRecordRow(db: Executor, id: number): Promise<RecordRow> {
  if (!Number.isSafeInteger(id) || id < 1) throw notFound("记录不存在 / No such record");
  const row = await db.selectFrom("records").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("记录不存在 / No such record");
  return row;
}

export async function fetchBySystemId(db: Executor, systemId: string): Promise<RecordRow | undefined> {
  return db.selectFrom("records").selectAll().where("system_id", "=", systemId).executeTakeFirst();
}

/** The table's records whose `column` is one of `values` (deleted ones too: the caller decides). */
export async function recordsWhere(
  db: Executor,
  tableId: number,
  column: "id" | "system_id" | "unique_key",
  values: readonly (string | number)[],
): Promise<RecordRow[]> {
  if (values.length === 0) return [];
  const rows = await db
    .selectFrom("records")
    .selectAll()
    .where("table_id", "=", tableId)
    .where(column, "in", values as never)
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Record id → digest, for the records whose exact-lookup digest of a field is among `digests`. */
export async function recordsByLookup(
  db: Executor,
  fieldId: number,
  digests: readonly string[],
): Promise<Map<number, string>> {
  if (digests.length === 0) return new Map();
  const hits = await db
    .selectFrom("record_lookup")
    .select(["record_id", "digest"])
    .where("field_id", "=", fieldId)
    .where("digest", "in", digests)
    .execute();
  return new Map(hits.map((h) => [Number(h.record_id), h.digest]));
}

/** One field's stored (unsealed) value in every live record of the table, as JSON text. */
export function fieldValuesOf(db: Executor, dialect: Dialect, tableId: number, fieldKey: string) {
  return db
    .selectFrom("records")
    .select(["id", dialect.jsonText(sql.ref("data"), fieldKey).as("value")])
    .where("table_id", "=", tableId)
    .where("deleted_at", "is", null)
    .execute();
}

/** A record as an export reads it. */
export interface StoredRecord {
  id: number;
  system_id: string;
  version: number;
  data: string;
  parent_id: number | null;
  org_id: number;
}

/** Live records of the table among `ids`, inside `scopePath`. */
export async function liveRecordsIn(
  db: Executor,
  tableId: number,
  scopePath: string,
  ids: readonly number[],
): Promise<StoredRecord[]> {
  if (ids.length === 0) return [];
  return (await db
    .selectFrom("records")
    .select(["id", "system_id", "version", "data", "parent_id", "org_id"])
    .where("id", "in", [...ids])
    .where("table_id", "=", tableId)
    .where("deleted_at", "is", null)
    .where("org_path", "like", `${scopePath}%`)
    .execute()) as StoredRecord[];
}

/** Live rows of a sub-table under any of `parentIds`, with their parent's system ID (unordered). */
export async function liveChildrenOf(
  db: Executor,
  subTableId: number,
  parentIds: readonly number[],
): Promise<(StoredRecord & { parent_system_id: string })[]> {
  if (parentIds.length === 0) return [];
  return (await db
    .selectFrom("records as r")
    .innerJoin("records as p", "p.id", "r.parent_id")
    .select([
      "r.id",
      "r.system_id",
      "r.version",
      "r.data",
      "r.parent_id",
      "r.org_id",
      "p.system_id as parent_system_id",
    ])
    .where("r.table_id", "=", subTableId)
    .where("r.parent_id", "in", [...parentIds])
    .where("r.deleted_at", "is", null)
    .execute()) as (StoredRecord & { parent_system_id: string })[];
}

export const formatSystemId = (prefix: string, n: number) => `${prefix}-${String(n).padStart(6, "0")}`;

/** Take `count` system IDs of the table: numbers never reused, even after a record is purged. */
export async function allocateSystemIds(
  trx: Transaction<DB>,
  dialect: Dialect,
  table: TableDef,
  count: number,
): Promise<string[]> {
  const row = await dialect
    .forUpdate(trx.selectFrom("data_tables").select("next_number").where("id", "=", table.id))
    .executeTakeFirstOrThrow();
  const first = Number(row.next_number);
  await trx
    .updateTable("data_tables")
    .set({ next_number: first + count })
    .where("id", "=", table.id)
    .execute();
  return Array.from({ length: count }, (_, i) => formatSystemId(table.idPrefix, first + i));
}

export interface Change {
  field: string;
  old: unknown;
  new: unknown;
}

export async function insertVersion(
  trx: Transaction<DB>,
  entry: {
    recordId: number;
    tableId: number;
    version: number;
    kind: VersionKind;
    changes: Change[];
    userId: number | null;
    at: number;
  },
): Promise<void> {
  await trx
    .insertInto("record_versions")
    .values({
      record_id: entry.recordId,
      table_id: entry.tableId,
      version: entry.version,
      kind: entry.kind,
      changes: JSON.stringify(entry.changes),
      user_id: entry.userId,
      at: entry.at,
    })
    .execute();
}

/** The per-field changes between two value sets, sensitive ones sealed as in the document. */
export function diff(
  codec: Codec,
  fields: readonly FieldDef[],
  keys: readonly string[],
  before: Values,
  after: Values,
): Change[] {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  return keys.map((key) => {
    const field = byKey.get(key)!;
    return {
      field: key,
      old: codec.seal(field, before[key] ?? null),
      new: codec.seal(field, after[key] ?? null),
    };
  });
}

/** The blind index a record is unique by: its document field marked unique. */
export function uniqueKeyOf(blindKey: Buffer, table: TableDef, values: Values): string | null {
  const field = table.fields.find((f) => f.type === "document" && f.options.unique);
  return field ? lookupDigest(blindKey, table, field, values[field.key]) : null;
}

/** The exact-lookup digests of a record's sensitive values. */
export function lookupRows(blindKey: Buffer, table: TableDef, recordId: number, values: Values) {
  return table.fields
    .filter((f) => f.sensitive)
    .map((f) => ({ field: f, digest: lookupDigest(blindKey, table, f, values[f.key]) }))
    .filter((r): r is { field: FieldDef; digest: string } => r.digest !== null)
    .map((r) => ({ record_id: recordId, field_id: r.field.id, digest: r.digest }));
}

/** Rewrite the exact-lookup digests of the record's sensitive values. */
export async function writeLookups(
  trx: Transaction<DB>,
  blindKey: Buffer,
  table: TableDef,
  recordId: number,
  values: Values,
): Promise<void> {
  await trx.deleteFrom("record_lookup").where("record_id", "=", recordId).execute();
  const rows = lookupRows(blindKey, table, recordId, values);
  if (rows.length > 0) await trx.insertInto("record_lookup").values(rows).execute();
}

/** Rewrite the record's outgoing links of the fields in `targets` (field id → linked record ids). */
export async function writeLinks(
  trx: Transaction<DB>,
  recordId: number,
  targets: ReadonlyMap<number, number[]>,
): Promise<void> {
  if (targets.size === 0) return;
  await trx
    .deleteFrom("record_links")
    .where("from_id", "=", recordId)
    .where("field_id", "in", [...targets.keys()])
    .execute();
  const rows = [...targets].flatMap(([fieldId, ids]) =>
    ids.map((to) => ({ from_id: recordId, field_id: fieldId, to_id: to })),
  );
  if (rows.length > 0) await trx.insertInto("record_links").values(rows).execute();
}

/** Live records linking to any of `ids`, with the field through which they link. */
export async function incomingLinks(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("record_links")
    .innerJoin("records", "records.id", "record_links.from_id")
    .innerJoin("data_fields", "data_fields.id", "record_links.field_id")
    .innerJoin("records as target", "target.id", "record_links.to_id")
    .select([
      "records.id as fromId",
      "records.system_id as fromSystemId",
      "records.org_path as fromOrgPath",
      "data_fields.label as fieldLabel",
      "target.id as toId",
      "target.system_id as toSystemId",
    ])
    .where("record_links.to_id", "in", ids)
    .where("records.deleted_at", "is", null)
    .where("record_links.from_id", "not in", ids)
    .execute();
}
