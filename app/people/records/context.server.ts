// What saving a record needs besides its values: the dictionaries as staff edited them, the org it is
// placed in (inside the caller's scope), and the records its link fields point at (existing, visible).
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../../db/types.ts";
import { authorize } from "../../auth/access.server.ts";
import { invalid } from "../../core/errors.ts";
import type { Caller, Services } from "../../core/services.server.ts";
import { loadDictionaries } from "../../schema/dictionaries.server.ts";
import type { LinkValue, ParseContext } from "../../schema/field-types/index.ts";
import type { TableDef } from "../../schema/tables.server.ts";
import { todayInChina } from "../normalise/calendar.ts";
import type { Values } from "./codec.server.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export async function parseContext(db: Executor): Promise<ParseContext> {
  const dictionaries = await loadDictionaries(db);
  return { dictionary: (key) => dictionaries.get(key), source: "form", today: todayInChina() };
}

/** Org kinds a record can belong to: residents live in communities and grids, staff in their units. */
const RECORD_ORG_KINDS = ["community", "grid", "enterprise", "merchant"];

export interface Placement {
  orgId: number;
  orgPath: string;
}

/** Where a new record goes: the org asked for, else the caller's own; inside the caller's scope. */
export async function placeRecord(
  services: Services,
  caller: Caller,
  table: TableDef,
  orgId: number | undefined,
): Promise<Placement> {
  const id = orgId ?? caller.actor.orgId;
  const org = await services.db
    .selectFrom("orgs")
    .select(["id", "path", "kind"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!org || !RECORD_ORG_KINDS.includes(org.kind))
    throw invalid("请选择所属社区或网格 / Choose the community or grid the record belongs to", {
      orgId: "请选择社区、网格或单位 / Choose a community, grid or unit",
    });
  await authorize(services, caller, "record.write", { orgPath: org.path, type: table.key, id: "new" });
  return { orgId: Number(org.id), orgPath: org.path };
}

/**
 * The record ids the link fields of `values` point at, by field id (an emptied field maps to none). A
 * link to a record that does not exist, is in the recycle bin or lies outside the caller's scope is
 * refused alike, naming the field.
 */
export async function resolveLinks(
  db: Executor,
  caller: Caller,
  table: TableDef,
  values: Values,
  /** Only these fields (the ones a save changes); links it leaves alone are not checked again. */
  only?: readonly string[],
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  for (const field of table.fields.filter((f) => f.type === "link")) {
    if (only && !only.includes(field.key)) continue;
    const link = values[field.key] as LinkValue | undefined;
    out.set(field.id, []);
    if (!link) continue;
    const target = await db
      .selectFrom("records")
      .innerJoin("data_tables", "data_tables.id", "records.table_id")
      .select(["records.id", "records.org_path", "records.deleted_at"])
      .where("records.system_id", "=", link.id)
      .where("data_tables.key", "=", link.table)
      .executeTakeFirst();
    if (!target || target.deleted_at !== null || !target.org_path.startsWith(caller.actor.orgPath))
      throw invalid(
        `「${field.label}」找不到编号为 ${link.id} 的记录 / ${field.label}: no record ${link.id}`,
        {
          [field.key]: `找不到记录 ${link.id} / No record ${link.id}`,
        },
      );
    out.set(field.id, [Number(target.id)]);
  }
  return out;
}
