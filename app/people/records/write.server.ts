// Create and edit records. Each save is one transaction: the document, its blind indexes and links,
// one version row (who, when, field, old → new) and one system-log entry, or nothing at all.
import type { Transaction } from "kysely";
import { z } from "zod";
import type { DB } from "../../../db/types.ts";
import { recordAudit } from "../../audit/log.server.ts";
import { authorize } from "../../auth/access.server.ts";
import { conflict, invalid } from "../../core/errors.ts";
import type { Caller, Services } from "../../core/services.server.ts";
import { uniqueTransaction } from "../../core/transaction.server.ts";
import { parseInput } from "../../core/validate.ts";
import { loadTable, type TableDef } from "../../schema/tables.server.ts";
import { reachRecord } from "./access.server.ts";
import { fieldChanges } from "./audit-changes.ts";
import { type Codec, decodeDocument, encodeDocument, recordCodec, type Values } from "./codec.server.ts";
import { type Placement, parseContext, placeRecord, resolveLinks } from "./context.server.ts";
import { prepareValues } from "./prepare.ts";
import type { RecordView } from "./present.server.ts";
import { getRecord } from "./read.server.ts";
import {
  allocateSystemIds,
  diff,
  fetchRecordRow,
  insertVersion,
  type RecordRow,
  uniqueKeyOf,
  writeLinks,
  writeLookups,
} from "./repository.server.ts";

const valuesShape = z.record(z.string(), z.unknown(), {
  error: "values 应为对象 / values must be an object",
});

export const createRecordSchema = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  parentId: z.coerce.number().int().positive().optional(),
  values: valuesShape,
});

export const updateRecordSchema = z.object({
  /** The version the editor started from; a save over someone else's newer change is refused. */
  version: z.coerce.number().int().positive().optional(),
  values: valuesShape,
});

function refuse(errors: Record<string, string>): never {
  const first = Object.values(errors)[0] ?? "";
  throw invalid(`请检查标出的字段：${first} / Check the marked fields`, errors);
}

export async function createRecord(
  services: Services,
  caller: Caller,
  tableKey: string | number,
  input: unknown,
): Promise<RecordView> {
  await authorize(services, caller, "record.write");
  const data = parseInput(createRecordSchema, input);
  const table = await loadTable(services.db, tableKey);
  const placement = await placementFor(services, caller, table, data);
  const prepared = prepareValues(table.fields, data.values, null, await parseContext(services.db));
  if (!prepared.ok) refuse(prepared.errors);
  const blindKey = services.keys.derive("blind-index");
  const uniqueKey = uniqueKeyOf(blindKey, table, prepared.values);
  await assertUnique(services, caller, table, uniqueKey, null);
  const links = await resolveLinks(services.db, caller, table, prepared.values);

  const id = await uniqueTransaction(services, JUST_REGISTERED, async (trx) => {
    const [systemId] = await allocateSystemIds(trx, services.dialect, table, 1);
    const codec = recordCodec(services.cipher, table, systemId!);
    const now = Date.now();
    const inserted = await trx
      .insertInto("records")
      .values({
        table_id: table.id,
        system_id: systemId!,
        parent_id: data.parentId ?? null,
        org_id: placement.orgId,
        org_path: placement.orgPath,
        data: JSON.stringify(encodeDocument(codec, table.fields, prepared.values)),
        unique_key: uniqueKey,
        version: 1,
        created_at: now,
        created_by: caller.actor.id,
        updated_at: now,
        updated_by: caller.actor.id,
        deleted_at: null,
        deleted_by: null,
      })
      .executeTakeFirstOrThrow();
    const recordId = Number(inserted.insertId);
    await writeLookups(trx, blindKey, table, recordId, prepared.values);
    await writeLinks(trx, recordId, links);
    await insertVersion(trx, {
      recordId,
      tableId: table.id,
      version: 1,
      kind: "create",
      changes: diff(codec, table.fields, prepared.changed, {}, prepared.values),
      userId: caller.actor.id,
      at: now,
    });
    await recordAudit(trx, services.dialect, {
      event: "record.created",
      data: { table: table.key, systemId: systemId!, fields: labels(table, prepared.changed) },
      caller,
      target: { type: table.key, id: systemId! },
      orgPath: placement.orgPath,
    });
    return recordId;
  });
  services.usage.count("record.create", caller.actor.orgPath);
  return getRecord(services, caller, id);
}

export async function updateRecord(
  services: Services,
  caller: Caller,
  id: number,
  input: unknown,
): Promise<RecordView> {
  await authorize(services, caller, "record.write");
  const data = parseInput(updateRecordSchema, input);
  const { row, table } = await reachRecord(services, caller, id, "record.write");
  if (row.deleted_at !== null)
    throw conflict("该记录在回收站中，请先恢复 / The record is in the recycle bin; restore it first");
  assertVersion(row, data.version);
  const update = await prepareUpdate(services, caller, table, row, data.values);
  if (update.changed.length === 0) return getRecord(services, caller, id);
  await uniqueTransaction(services, JUST_REGISTERED, (trx) => writeUpdate(trx, services, caller, update));
  services.usage.count("record.update", caller.actor.orgPath);
  return getRecord(services, caller, id);
}

/** An edit worked out against the record as read: what `writeUpdate` stores. */
export interface PreparedUpdate {
  table: TableDef;
  row: RecordRow;
  codec: Codec;
  /** The record's opened values as read. */
  base: Values;
  values: Values;
  /** Keys of the fields whose value changes; none: nothing to write. */
  changed: string[];
  blindKey: Buffer;
  uniqueKey: string | null;
  links: Map<number, number[]>;
}

/**
 * The save rules of an edit, before any write: values parsed and checked (400 naming the fields), the
 * person still unique (409), links resolvable in the caller's scope. Also used by an approved
 * self-service change (app/selfservice/), which writes in a transaction of its own.
 */
export async function prepareUpdate(
  services: Services,
  caller: Caller,
  table: TableDef,
  row: RecordRow,
  values: Values,
): Promise<PreparedUpdate> {
  const codec = recordCodec(services.cipher, table, row.system_id);
  const base = decodeDocument(codec, table.allFields, JSON.parse(row.data) as Values);
  const prepared = prepareValues(table.fields, values, base, await parseContext(services.db));
  if (!prepared.ok) refuse(prepared.errors);
  const blindKey = services.keys.derive("blind-index");
  const uniqueKey = uniqueKeyOf(blindKey, table, prepared.values);
  const update = {
    table,
    row,
    codec,
    base,
    values: prepared.values,
    changed: prepared.changed,
    blindKey,
    uniqueKey,
  };
  if (prepared.changed.length === 0) return { ...update, links: new Map() };
  await assertUnique(services, caller, table, uniqueKey, row.id);
  const links = await resolveLinks(services.db, caller, table, prepared.values, prepared.changed);
  return { ...update, links };
}

/**
 * Store a prepared edit inside `trx`: the document (only over the version read — a save that raced
 * another one writes nothing and is a 409), its blind indexes and links, one version row and
 * `record.updated`.
 */
export async function writeUpdate(
  trx: Transaction<DB>,
  services: Services,
  caller: Caller,
  update: PreparedUpdate,
): Promise<void> {
  const { table, row, codec } = update;
  const now = Date.now();
  const version = Number(row.version) + 1;
  const updated = await trx
    .updateTable("records")
    .set({
      data: JSON.stringify(encodeDocument(codec, table.allFields, update.values)),
      unique_key: update.uniqueKey,
      version,
      updated_at: now,
      updated_by: caller.actor.id,
    })
    .where("id", "=", row.id)
    .where("version", "=", row.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw staleVersion();
  await writeLookups(trx, update.blindKey, table, row.id, update.values);
  await writeLinks(trx, row.id, update.links);
  await insertVersion(trx, {
    recordId: row.id,
    tableId: table.id,
    version,
    kind: "update",
    changes: diff(codec, table.fields, update.changed, update.base, update.values),
    userId: caller.actor.id,
    at: now,
  });
  await recordAudit(trx, services.dialect, {
    event: "record.updated",
    data: {
      table: table.key,
      systemId: row.system_id,
      fields: labels(table, update.changed),
      changes: fieldChanges(table.fields, update.changed, update.base, update.values),
    },
    caller,
    target: { type: table.key, id: row.system_id },
    orgPath: row.org_path,
  });
}

// The uniqueness check above can race another save of the same person; the unique constraint decides.
const JUST_REGISTERED =
  "该证件号码刚刚已被登记，请刷新后查看 / This document number was just registered; reload to see it";

const labels = (table: TableDef, keys: readonly string[]) =>
  keys.map((k) => table.fields.find((f) => f.key === k)?.label ?? k);

const staleVersion = () =>
  conflict(
    "此记录刚被其他人修改过，请刷新后再保存 / Someone else changed this record; reload and save again",
  );

function assertVersion(row: RecordRow, version: number | undefined) {
  if (version !== undefined && version !== Number(row.version)) throw staleVersion();
}

async function placementFor(
  services: Services,
  caller: Caller,
  table: TableDef,
  data: z.output<typeof createRecordSchema>,
): Promise<Placement> {
  if (table.kind === "main") {
    if (data.parentId) throw invalid("主表记录没有上级记录 / A main-table record has no parent");
    return placeRecord(services, caller, table, data.orgId);
  }
  if (!data.parentId)
    throw invalid("附属表的行必须属于一条主记录 / A sub-table row belongs under a record", {
      parentId: "请指定主记录 / Name the parent record",
    });
  const parent = await fetchRecordRow(services.db, data.parentId);
  if (Number(parent.table_id) !== table.parentId || parent.deleted_at !== null)
    throw invalid("上级记录不属于这张表的主表 / The parent record is not in this table's main table", {
      parentId: "上级记录无效 / Not a valid parent",
    });
  await authorize(services, caller, "record.write", {
    orgPath: parent.org_path,
    type: table.key,
    id: parent.system_id,
  });
  return { orgId: Number(parent.org_id), orgPath: parent.org_path };
}

/** One person per (document type, number): name the existing record when the caller may see it. */
async function assertUnique(
  services: Services,
  caller: Caller,
  table: TableDef,
  uniqueKey: string | null,
  selfId: number | null,
): Promise<void> {
  if (uniqueKey === null) return;
  const existing = await services.db
    .selectFrom("records")
    .innerJoin("orgs", "orgs.id", "records.org_id")
    .select(["records.id", "records.system_id", "records.org_path", "records.deleted_at", "orgs.name"])
    .where("records.table_id", "=", table.id)
    .where("records.unique_key", "=", uniqueKey)
    .executeTakeFirst();
  if (!existing || Number(existing.id) === selfId) return;
  const field = table.fields.find((f) => f.type === "document" && f.options.unique)!;
  const where = existing.org_path.startsWith(caller.actor.orgPath)
    ? `${existing.system_id}（${existing.name}${existing.deleted_at !== null ? "，在回收站中" : ""}）`
    : "其他社区或单位";
  const whereEn = existing.org_path.startsWith(caller.actor.orgPath)
    ? `${existing.system_id}${existing.deleted_at !== null ? " (in the recycle bin)" : ""}`
    : "another community or unit";
  throw conflict(`该${field.label}已登记：${where} / This ${field.label} is already registered: ${whereEn}`, {
    [field.key]: `已有此人：${where} / Already registered: ${whereEn}`,
  });
}
