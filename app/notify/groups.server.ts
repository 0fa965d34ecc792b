// Recipient groups 收件人分组: named lists of records staff keep for notices (a committee's volunteers,
// the households of one building), made from a grid selection. Seen and used inside the maker's scope.
import { z } from "zod";
import { recordAudit } from "../audit/log.server.ts";
import { authorize } from "../auth/access.server.ts";
import { notFound } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";
import { loadTable, type TableDef } from "../schema/tables.server.ts";

export const createGroupSchema = z.object({
  table: z.string().trim().min(1).max(80).default("people"),
  name: z.string().trim().min(1, "请填写分组名称 / Name the group").max(100),
  ids: z
    .array(z.number().int().positive())
    .min(1, "请至少选择一人 / Select at least one person")
    .max(100_000),
});

export interface NoticeGroup {
  id: number;
  name: string;
  table: string;
  members: number;
  createdAt: number;
}

export async function listGroups(services: Services, caller: Caller): Promise<NoticeGroup[]> {
  await authorize(services, caller, "notice.send");
  const rows = await services.db
    .selectFrom("notice_groups as g")
    .innerJoin("data_tables as t", "t.id", "g.table_id")
    .leftJoin("notice_group_members as m", "m.group_id", "g.id")
    .select(({ fn }) => ["g.id", "g.name", "g.created_at", "t.key", fn.count<number>("m.record_id").as("n")])
    .where("g.org_path", "like", `${caller.actor.orgPath}%`)
    .groupBy(["g.id", "g.name", "g.created_at", "t.key"])
    .orderBy("g.id", "desc")
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    table: r.key,
    members: Number(r.n),
    createdAt: Number(r.created_at),
  }));
}

export async function createGroup(services: Services, caller: Caller, input: unknown): Promise<NoticeGroup> {
  await authorize(services, caller, "notice.send");
  const request = parseInput(createGroupSchema, input);
  const table = await loadTable(services.db, request.table);
  const ids = [...new Set(request.ids)];
  return services.db.transaction().execute(async (trx) => {
    const inScope: number[] = [];
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await trx
        .selectFrom("records")
        .select("id")
        .where("id", "in", ids.slice(i, i + 1000))
        .where("table_id", "=", table.id)
        .where("deleted_at", "is", null)
        .where("org_path", "like", `${caller.actor.orgPath}%`)
        .execute();
      for (const r of rows) inScope.push(Number(r.id));
    }
    const now = Date.now();
    const { insertId } = await trx
      .insertInto("notice_groups")
      .values({
        table_id: table.id,
        name: request.name,
        org_id: caller.actor.orgId,
        org_path: caller.actor.orgPath,
        created_by: caller.actor.id,
        created_at: now,
      })
      .executeTakeFirstOrThrow();
    const id = Number(insertId);
    for (let i = 0; i < inScope.length; i += 500)
      await trx
        .insertInto("notice_group_members")
        .values(inScope.slice(i, i + 500).map((record_id) => ({ group_id: id, record_id })))
        .execute();
    await recordAudit(trx, services.dialect, {
      event: "notice.group_created",
      data: { group: id, name: request.name, members: inScope.length },
      caller,
    });
    return { id, name: request.name, table: table.key, members: inScope.length, createdAt: now };
  });
}

async function reachGroup(services: Services, caller: Caller, id: number) {
  const row = await services.db
    .selectFrom("notice_groups")
    .selectAll()
    .where("id", "=", id)
    .where("org_path", "like", `${caller.actor.orgPath}%`)
    .executeTakeFirst();
  if (!row) throw notFound("没有这个收件人分组 / No such recipient group");
  return row;
}

export async function deleteGroup(services: Services, caller: Caller, id: number): Promise<void> {
  await authorize(services, caller, "notice.send");
  const row = await reachGroup(services, caller, id);
  await services.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("notice_group_members").where("group_id", "=", id).execute();
    await trx.deleteFrom("notice_groups").where("id", "=", id).execute();
    await recordAudit(trx, services.dialect, {
      event: "notice.group_deleted",
      data: { group: id, name: row.name },
      caller,
    });
  });
}

/** The group's record ids (scope is checked again by the caller). */
export async function groupRecordIds(
  services: Services,
  caller: Caller,
  table: TableDef,
  id: number,
): Promise<number[]> {
  const group = await reachGroup(services, caller, id);
  if (Number(group.table_id) !== table.id) throw notFound("没有这个收件人分组 / No such recipient group");
  const rows = await services.db
    .selectFrom("notice_group_members")
    .select("record_id")
    .where("group_id", "=", id)
    .orderBy("record_id")
    .execute();
  return rows.map((r) => Number(r.record_id));
}
