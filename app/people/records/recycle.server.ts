// Delete into the recycle bin 回收站, restore, and delete permanently. A record other records link to
// cannot be deleted; permanent deletion names a reason, shows what goes with it and wants the count typed.
import type { Transaction } from "kysely";
import { z } from "zod";
import type { DB } from "../../../db/types.ts";
import { recordAudit } from "../../audit/log.server.ts";
import { authorize } from "../../auth/access.server.ts";
import { conflict, invalid, notFound } from "../../core/errors.ts";
import type { Caller, Services } from "../../core/services.server.ts";
import { parseInput } from "../../core/validate.ts";
import { loadTable, type TableDef } from "../../schema/tables.server.ts";
import type { RecordView } from "./present.server.ts";
import { presentRows } from "./read.server.ts";
import { incomingLinks, insertVersion, type RecordRow } from "./repository.server.ts";

const DAY = 24 * 60 * 60 * 1000;

const ids = z
  .array(z.coerce.number().int().positive(), { error: "请选择记录 / Choose records" })
  .min(1, "请至少选择一条记录 / Choose at least one record")
  .max(1000, "一次最多 1000 条 / At most 1000 at a time");

export const selectionSchema = z.object({ ids });
export const purgeSchema = z.object({
  ids,
  reason: z
    .string({ error: "请说明彻底删除的原因 / State why" })
    .trim()
    .min(2, "请说明彻底删除的原因 / State why")
    .max(200),
  confirm: z.coerce.number({ error: "请输入要删除的记录数 / Type the number of records" }).int(),
});

/** The selected records, all of one table and inside the caller's scope for `action`. */
async function selected(
  services: Services,
  caller: Caller,
  action: "record.delete" | "record.purge",
  list: number[],
): Promise<{ table: TableDef; rows: RecordRow[] }> {
  await authorize(services, caller, action);
  const rows = await services.db.selectFrom("records").selectAll().where("id", "in", list).execute();
  if (rows.length !== new Set(list).size) throw notFound("记录不存在 / No such record");
  const tableIds = new Set(rows.map((r) => Number(r.table_id)));
  if (tableIds.size !== 1)
    throw invalid("一次只能处理同一张表的记录 / Choose records of one table at a time");
  const table = await loadTable(services.db, [...tableIds][0]!);
  for (const row of rows)
    await authorize(services, caller, action, { orgPath: row.org_path, type: table.key, id: row.system_id });
  return { table, rows };
}

async function markAll(
  trx: Transaction<DB>,
  rows: RecordRow[],
  table: TableDef,
  kind: "delete" | "restore",
  caller: Caller,
): Promise<void> {
  const now = Date.now();
  for (const row of rows) {
    const version = Number(row.version) + 1;
    await trx
      .updateTable("records")
      .set({
        deleted_at: kind === "delete" ? now : null,
        deleted_by: kind === "delete" ? caller.actor.id : null,
        version,
        updated_at: now,
        updated_by: caller.actor.id,
      })
      .where("id", "=", row.id)
      .execute();
    await insertVersion(trx, {
      recordId: row.id,
      tableId: table.id,
      version,
      kind,
      changes: [],
      userId: caller.actor.id,
      at: now,
    });
  }
}

export async function deleteRecords(services: Services, caller: Caller, input: unknown): Promise<number> {
  const { ids: list } = parseInput(selectionSchema, input);
  const { table, rows } = await selected(services, caller, "record.delete", list);
  const live = rows.filter((r) => r.deleted_at === null);
  const links = await incomingLinks(
    services.db,
    live.map((r) => r.id),
  );
  if (links.length > 0) {
    const named = links
      .slice(0, 10)
      .map((l) => `${l.fromSystemId}「${l.fieldLabel}」→ ${l.toSystemId}`)
      .join("；");
    throw conflict(
      `有 ${links.length} 条记录关联着要删除的记录，请先解除关联：${named} / ` +
        `${links.length} records link to what you are deleting; remove those links first: ${named}`,
    );
  }
  if (live.length === 0) return 0;
  await services.db.transaction().execute(async (trx) => {
    await markAll(trx, live, table, "delete", caller);
    await recordAudit(trx, services.dialect, {
      event: "record.deleted",
      data: { table: table.key, systemIds: live.map((r) => r.system_id) },
      caller,
      target: { type: table.key, id: live[0]!.system_id },
      orgPath: commonPath(live),
    });
  });
  // One use of the function, however many records it moved to the recycle bin.
  services.usage.count("record.delete", caller.actor.orgPath);
  return live.length;
}

export async function restoreRecords(services: Services, caller: Caller, input: unknown): Promise<number> {
  const { ids: list } = parseInput(selectionSchema, input);
  const { table, rows } = await selected(services, caller, "record.delete", list);
  const binned = rows.filter((r) => r.deleted_at !== null);
  if (binned.length === 0) return 0;
  await services.db.transaction().execute(async (trx) => {
    await markAll(trx, binned, table, "restore", caller);
    await recordAudit(trx, services.dialect, {
      event: "record.restored",
      data: { table: table.key, systemIds: binned.map((r) => r.system_id) },
      caller,
      target: { type: table.key, id: binned[0]!.system_id },
      orgPath: commonPath(binned),
    });
  });
  return binned.length;
}

export interface PurgePreview {
  records: { id: number; systemId: string }[];
  /** Sub-table rows that go with them, by sub-table name. */
  subRows: { table: string; count: number }[];
  /** Links from other records that would break (their link field is emptied). */
  links: { from: string; field: string; to: string }[];
  /** What the user must type to confirm. */
  total: number;
}

export async function purgePreview(
  services: Services,
  caller: Caller,
  input: unknown,
): Promise<PurgePreview> {
  const { ids: list } = parseInput(selectionSchema, input);
  const { rows } = await selected(services, caller, "record.purge", list);
  if (rows.some((r) => r.deleted_at === null))
    throw invalid("只能彻底删除回收站中的记录 / Only records in the recycle bin can be deleted permanently");
  const subs = await subRowCounts(
    services,
    rows.map((r) => r.id),
  );
  const links = await incomingLinks(
    services.db,
    rows.map((r) => r.id),
  );
  return {
    records: rows.map((r) => ({ id: r.id, systemId: r.system_id })),
    subRows: subs,
    links: links.map((l) => ({ from: l.fromSystemId, field: l.fieldLabel, to: l.toSystemId })),
    total: rows.length + subs.reduce((n, s) => n + s.count, 0),
  };
}

async function subRowCounts(services: Services, parentIds: number[]) {
  const rows = await services.db
    .selectFrom("records")
    .innerJoin("data_tables", "data_tables.id", "records.table_id")
    .select(["data_tables.name", (eb) => eb.fn.countAll<number>().as("n")])
    .where("records.parent_id", "in", parentIds)
    .groupBy("data_tables.name")
    .execute();
  return rows.map((r) => ({ table: r.name, count: Number(r.n) }));
}

export async function purgeRecords(services: Services, caller: Caller, input: unknown): Promise<number> {
  const data = parseInput(purgeSchema, input);
  const preview = await purgePreview(services, caller, { ids: data.ids });
  if (data.confirm !== preview.total)
    throw invalid(
      `请输入要彻底删除的记录数 ${preview.total} 以确认 / Type ${preview.total}, the number of records, to confirm`,
      { confirm: `应为 ${preview.total} / Should be ${preview.total}` },
    );
  const { table, rows } = await selected(services, caller, "record.purge", data.ids);
  await services.db.transaction().execute(async (trx) => {
    await eraseRecords(
      trx,
      rows.map((r) => r.id),
    );
    await recordAudit(trx, services.dialect, {
      event: "record.purged",
      data: {
        table: table.key,
        systemIds: rows.map((r) => r.system_id),
        reason: data.reason,
        subRows: preview.total - rows.length,
      },
      caller,
      target: { type: table.key, id: rows[0]!.system_id },
      orgPath: commonPath(rows),
    });
  });
  return preview.total;
}

/** Remove records, their sub-table rows, versions, indexes and links for good. */
async function eraseRecords(trx: Transaction<DB>, ids: number[]): Promise<void> {
  const children = await trx.selectFrom("records").select("id").where("parent_id", "in", ids).execute();
  const all = [...ids, ...children.map((c) => Number(c.id))];
  for (let i = 0; i < all.length; i += 500) {
    const part = all.slice(i, i + 500);
    await trx
      .deleteFrom("record_links")
      .where((eb) => eb.or([eb("from_id", "in", part), eb("to_id", "in", part)]))
      .execute();
    await trx.deleteFrom("record_lookup").where("record_id", "in", part).execute();
    await trx.deleteFrom("record_versions").where("record_id", "in", part).execute();
    await trx.deleteFrom("record_marks").where("record_id", "in", part).execute();
  }
  if (children.length > 0) await trx.deleteFrom("records").where("parent_id", "in", ids).execute();
  await trx.deleteFrom("records").where("id", "in", ids).execute();
}

/** The recycle bin of a table in the caller's scope, with the day each record will be purged. */
export async function listRecycleBin(
  services: Services,
  caller: Caller,
  tableKey: string | number,
): Promise<{ table: TableDef; rows: (RecordView & { purgeAt: number })[]; retentionDays: number }> {
  await authorize(services, caller, "record.delete");
  const table = await loadTable(services.db, tableKey);
  const rows = await services.db
    .selectFrom("records")
    .selectAll()
    .where("table_id", "=", table.id)
    .where("deleted_at", "is not", null)
    .where("org_path", "like", `${caller.actor.orgPath}%`)
    .orderBy("deleted_at", "desc")
    .limit(500)
    .execute();
  const views = await presentRows(services, table, rows);
  const retentionDays = services.config.recycleDays;
  return {
    table,
    retentionDays,
    rows: views.map((v) => ({ ...v, purgeAt: (v.deletedAt ?? 0) + retentionDays * DAY })),
  };
}

/** Purge what has been in the recycle bin longer than the configured period; run at start and daily. */
export async function purgeExpired(services: Services, now = Date.now()): Promise<number> {
  const cutoff = now - services.config.recycleDays * DAY;
  const expired = await services.db
    .selectFrom("records")
    .innerJoin("data_tables", "data_tables.id", "records.table_id")
    .select(["records.id", "records.system_id", "records.org_path", "data_tables.key"])
    .where("records.deleted_at", "is not", null)
    .where("records.deleted_at", "<", cutoff)
    .limit(1000)
    .execute();
  if (expired.length === 0) return 0;
  const linked = new Set(
    (
      await incomingLinks(
        services.db,
        expired.map((r) => Number(r.id)),
      )
    ).map((l) => Number(l.toId)),
  );
  const purgeable = expired.filter((r) => !linked.has(Number(r.id)));
  for (const [table, group] of groupBy(purgeable, (r) => r.key)) {
    await services.db.transaction().execute(async (trx) => {
      await eraseRecords(
        trx,
        group.map((r) => Number(r.id)),
      );
      await recordAudit(trx, services.dialect, {
        event: "record.purged",
        data: {
          table,
          systemIds: group.map((r) => r.system_id),
          reason: `回收站保留期 ${services.config.recycleDays} 天已满 / Recycle-bin period ended`,
          subRows: 0,
          expired: true,
        },
        orgPath: "/",
      });
    });
  }
  return purgeable.length;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

/** The longest org path every row lies under, so scoped log readers see the event. */
function commonPath(rows: readonly { org_path: string }[]): string {
  let path = rows[0]!.org_path;
  for (const row of rows)
    while (!row.org_path.startsWith(path)) path = path.slice(0, path.lastIndexOf("/", path.length - 2) + 1);
  return path;
}
