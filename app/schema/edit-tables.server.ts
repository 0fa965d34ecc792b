// Tables: list them, create a main table or a sub-table (1:N rows under a record), rename one.
import { z } from "zod";
import { recordAudit } from "../audit/log.server.ts";
import { authorize } from "../auth/access.server.ts";
import { conflict, invalid } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { uniqueTransaction } from "../core/transaction.server.ts";
import { parseInput } from "../core/validate.ts";
import { keyFromName, prefixFromName } from "./keys.ts";
import { listTableSummaries, loadTable, type TableDef, type TableSummary } from "./tables.server.ts";

const name = z
  .string({ error: "请填写表名 / Name the table" })
  .trim()
  .min(1, "请填写表名 / Name the table")
  .max(50, "表名最多 50 个字 / At most 50 characters");

export const createTableSchema = z.object({
  name,
  /** The main table a sub-table's rows hang under; absent for a main table. */
  parent: z.string().trim().min(1, "请选择主表 / Choose a main table").max(64).optional(),
});

export const renameTableSchema = z.object({ name });

export async function listTables(services: Services, caller: Caller): Promise<TableSummary[]> {
  await authorize(services, caller, "schema.read");
  return listTableSummaries(services.db);
}

export async function getTable(
  services: Services,
  caller: Caller,
  keyOrId: string | number,
): Promise<TableDef> {
  await authorize(services, caller, "schema.read");
  return loadTable(services.db, keyOrId);
}

export async function createTable(services: Services, caller: Caller, input: unknown): Promise<TableDef> {
  await authorize(services, caller, "schema.write");
  const data = parseInput(createTableSchema, input);
  const parent = data.parent ? await loadTable(services.db, data.parent) : null;
  if (parent && parent.kind !== "main")
    throw invalid("附属表只能建在主表下 / A sub-table hangs under a main table", {
      parent: "请选择主表 / Choose a main table",
    });
  const taken =
    "刚刚有人新建了同名的表，请刷新后再试 / A table of that name was just created; reload and try again";
  const id = await uniqueTransaction(services, taken, async (trx) => {
    const existing = await trx.selectFrom("data_tables").select(["key", "name", "id_prefix"]).execute();
    if (existing.some((t) => t.name === data.name))
      throw conflict(`已有名为“${data.name}”的表 / A table named "${data.name}" exists`, {
        name: "表名已被使用 / Name taken",
      });
    const key = keyFromName(data.name, new Set(existing.map((t) => t.key)), "t");
    const idPrefix = prefixFromName(data.name, new Set(existing.map((t) => t.id_prefix)));
    const now = Date.now();
    const row = await trx
      .insertInto("data_tables")
      .values({
        key,
        name: data.name,
        kind: parent ? "sub" : "main",
        parent_id: parent?.id ?? null,
        id_prefix: idPrefix,
        next_number: 1,
        builtin: 0,
        sort: existing.length,
        created_at: now,
        updated_at: now,
      })
      .executeTakeFirstOrThrow();
    await recordAudit(trx, services.dialect, {
      event: "schema.table_created",
      data: {
        table: key,
        name: data.name,
        kind: parent ? "sub" : "main",
        ...(parent ? { parent: parent.key } : {}),
      },
      caller,
      target: { type: "table", id: key },
    });
    return Number(row.insertId);
  });
  return loadTable(services.db, id);
}

export async function renameTable(
  services: Services,
  caller: Caller,
  keyOrId: string | number,
  input: unknown,
): Promise<TableDef> {
  await authorize(services, caller, "schema.write");
  const data = parseInput(renameTableSchema, input);
  const table = await loadTable(services.db, keyOrId);
  if (table.name === data.name) return table;
  await services.db.transaction().execute(async (trx) => {
    const clash = await trx
      .selectFrom("data_tables")
      .select("id")
      .where("name", "=", data.name)
      .executeTakeFirst();
    if (clash) throw conflict(`已有名为“${data.name}”的表 / A table named "${data.name}" exists`);
    await trx
      .updateTable("data_tables")
      .set({ name: data.name, updated_at: Date.now() })
      .where("id", "=", table.id)
      .execute();
    await recordAudit(trx, services.dialect, {
      event: "schema.table_renamed",
      data: { table: table.key, before: table.name, after: data.name },
      caller,
      target: { type: "table", id: table.key },
    });
  });
  return loadTable(services.db, table.id);
}
