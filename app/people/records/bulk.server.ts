// Many records at once (the demo, the benchmark's million, later the importer): the same rules and the
// same storage as one save — values parsed by their field types, sensitive ones sealed, blind indexes
// and links written — but in batches, one transaction and one system-log entry per batch.
import type { Transaction } from "kysely";
import type { DB } from "../../../db/types.ts";
import type { FieldErrors } from "../../core/errors.ts";
import type { Services } from "../../core/services.server.ts";
import type { ParseContext } from "../../schema/field-types/index.ts";
import type { TableDef } from "../../schema/tables.server.ts";
import { encodeDocument, recordCodec, type Values } from "./codec.server.ts";
import { prepareValues } from "./prepare.ts";
import { allocateSystemIds, lookupRows, uniqueKeyOf } from "./repository.server.ts";

export interface BulkRow {
  orgId: number;
  orgPath: string;
  values: Values;
  /** When the record came into the register (the demo's 登记日期); default now. */
  createdAt?: number;
}

export interface BulkResult {
  inserted: number;
  /** Rows whose document number is already registered (or repeated within the input). */
  duplicates: number;
  /** Rows refused by a field rule, with the first problems (row index in the input → field errors). */
  invalid: { row: number; errors: FieldErrors }[];
  /** System IDs given, in input order (null for rows not inserted). */
  systemIds: (string | null)[];
}

/** A record ready to store: values prepared, its unique key computed. */
export interface NewRecord {
  orgId: number;
  orgPath: string;
  values: Values;
  uniqueKey: string | null;
  /** When the record came into the register (epoch ms, not in the future); default now. */
  createdAt?: number;
}

interface Prepared extends NewRecord {
  index: number;
}

/** Insert `rows` into `table` in batches of `batchSize`; `userId` is who the versions name (null: system). */
export async function insertRecordsBulk(
  services: Services,
  table: TableDef,
  rows: Iterable<BulkRow>,
  options: {
    ctx: ParseContext;
    userId: number | null;
    batchSize?: number;
    onProgress?: (done: number) => void;
  },
): Promise<BulkResult> {
  const result: BulkResult = { inserted: 0, duplicates: 0, invalid: [], systemIds: [] };
  const blindKey = services.keys.derive("blind-index");
  const batchSize = options.batchSize ?? 1000;
  const seen = new Set<string>();
  let batch: Prepared[] = [];
  let index = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const fresh = await dropRegistered(services, table, batch);
    result.duplicates += batch.length - fresh.length;
    const ids = await services.db
      .transaction()
      .execute((trx) => writeNewRecords(services, trx, table, fresh, blindKey, options.userId));
    fresh.forEach((p, i) => {
      result.systemIds[p.index] = ids[i]!;
    });
    result.inserted += fresh.length;
    options.onProgress?.(result.inserted);
    batch = [];
  };
  for (const row of rows) {
    const prepared = prepareValues(table.fields, row.values, null, options.ctx);
    result.systemIds[index] = null;
    if (!prepared.ok) {
      if (result.invalid.length < 100) result.invalid.push({ row: index, errors: prepared.errors });
    } else {
      const uniqueKey = uniqueKeyOf(blindKey, table, prepared.values);
      if (uniqueKey !== null && seen.has(uniqueKey)) result.duplicates++;
      else {
        if (uniqueKey !== null) seen.add(uniqueKey);
        batch.push({
          index,
          orgId: row.orgId,
          orgPath: row.orgPath,
          values: prepared.values,
          uniqueKey,
          ...(row.createdAt === undefined ? {} : { createdAt: row.createdAt }),
        });
      }
    }
    index++;
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return result;
}

/** Leave out people already registered, so a repeated load adds only the new ones. */
async function dropRegistered(services: Services, table: TableDef, batch: Prepared[]): Promise<Prepared[]> {
  const keys = batch.map((p) => p.uniqueKey).filter((k): k is string => k !== null);
  if (keys.length === 0) return batch;
  const taken = await services.db
    .selectFrom("records")
    .select("unique_key")
    .where("table_id", "=", table.id)
    .where("unique_key", "in", keys)
    .execute();
  const registered = new Set(taken.map((t) => t.unique_key));
  return batch.filter((p) => p.uniqueKey === null || !registered.has(p.uniqueKey));
}

/** Insert prepared records in one transaction: documents, blind indexes, first versions; their system IDs. */
export async function writeNewRecords(
  services: Services,
  trx: Transaction<DB>,
  table: TableDef,
  batch: readonly NewRecord[],
  blindKey: Buffer,
  userId: number | null,
): Promise<string[]> {
  if (batch.length === 0) return [];
  const systemIds = await allocateSystemIds(trx, services.dialect, table, batch.length);
  const now = Date.now();
  const createdAt = (p: NewRecord) => Math.min(p.createdAt ?? now, now);
  const rows = batch.map((p, i) => ({
    table_id: table.id,
    system_id: systemIds[i]!,
    parent_id: null,
    org_id: p.orgId,
    org_path: p.orgPath,
    data: JSON.stringify(
      encodeDocument(recordCodec(services.cipher, table, systemIds[i]!), table.fields, p.values),
    ),
    unique_key: p.uniqueKey,
    version: 1,
    created_at: createdAt(p),
    created_by: userId,
    updated_at: createdAt(p),
    updated_by: userId,
    deleted_at: null,
    deleted_by: null,
  }));
  // Multi-row inserts, kept well under both databases' limits on bound parameters.
  for (let i = 0; i < rows.length; i += 200)
    await trx
      .insertInto("records")
      .values(rows.slice(i, i + 200))
      .execute();
  const inserted = await trx
    .selectFrom("records")
    .select(["id", "system_id"])
    .where("system_id", "in", systemIds)
    .execute();
  const idOf = new Map(inserted.map((r) => [r.system_id, Number(r.id)]));
  const ids = systemIds.map((s) => idOf.get(s)!);
  const lookups = batch.flatMap((p, i) => lookupRows(blindKey, table, ids[i]!, p.values));
  // A bulk-created record's first version names no field changes: its document is the created state.
  const versions = ids.map((id, i) => ({
    record_id: id,
    table_id: table.id,
    version: 1,
    kind: "create" as const,
    changes: "[]",
    user_id: userId,
    at: createdAt(batch[i]!),
  }));
  for (let i = 0; i < lookups.length; i += 300)
    await trx
      .insertInto("record_lookup")
      .values(lookups.slice(i, i + 300))
      .execute();
  for (let i = 0; i < versions.length; i += 200)
    await trx
      .insertInto("record_versions")
      .values(versions.slice(i, i + 200))
      .execute();
  return systemIds;
}
