// Saved dashboards and reports (tables `dashboards`, `reports`): a name, a definition, private to the
// owner or shared. A shared one is seen by staff whose scope lies on one line with the owner's (the
// street sees its communities' shared ones; a community sees the street's and its own, never another
// community's). Only the owner changes or deletes one. The numbers are never stored: whoever opens a
// dashboard counts in their own scope. Every save and delete is in the system log.
import type { z } from "zod";
import { recordAudit } from "../audit/log.server.ts";
import { authorize } from "../auth/access.server.ts";
import { forbidden, notFound } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";
import { onOneLine } from "../query/view-sharing.server.ts";

export type SavedKind = "dashboard" | "report";
const TABLE = { dashboard: "dashboards", report: "reports" } as const;
const NAMES = { dashboard: "看板 / dashboard", report: "报表 / report" } as const;

export interface Saved<D> {
  id: number;
  name: string;
  shared: boolean;
  ownerName: string;
  /** The reader owns it (and may change or delete it). */
  mine: boolean;
  definition: D;
  updatedAt: number;
}

interface Row {
  id: number;
  owner_id: number;
  anchor_path: string;
  shared: number;
  name: string;
  definition: string;
  updated_at: number;
  display_name: string | null;
}

export interface SavedStore<D> {
  list(services: Services, caller: Caller): Promise<Saved<D>[]>;
  get(services: Services, caller: Caller, id: number): Promise<Saved<D>>;
  create(services: Services, caller: Caller, input: unknown): Promise<Saved<D>>;
  update(services: Services, caller: Caller, id: number, input: unknown): Promise<Saved<D>>;
  remove(services: Services, caller: Caller, id: number): Promise<void>;
}

export function savedStore<D>(
  kind: SavedKind,
  schemas: {
    create: z.ZodType<{ name: string; shared: boolean; definition: D }>;
    update: z.ZodType<Partial<{ name: string; shared: boolean; definition: D }>>;
  },
): SavedStore<D> {
  const table = TABLE[kind];
  const select = (services: Services) =>
    services.db
      .selectFrom(table)
      .leftJoin("users", "users.id", `${table}.owner_id`)
      .select([
        `${table}.id`,
        `${table}.owner_id`,
        `${table}.anchor_path`,
        `${table}.shared`,
        `${table}.name`,
        `${table}.definition`,
        `${table}.updated_at`,
        "users.display_name",
      ]);
  const visible = (row: Row, caller: Caller) =>
    Number(row.owner_id) === caller.actor.id ||
    (Number(row.shared) === 1 && onOneLine(row.anchor_path, caller.actor.orgPath));
  const present = (row: Row, caller: Caller): Saved<D> => ({
    id: Number(row.id),
    name: row.name,
    shared: Number(row.shared) === 1,
    ownerName: row.display_name ?? "",
    mine: Number(row.owner_id) === caller.actor.id,
    definition: JSON.parse(row.definition) as D,
    updatedAt: Number(row.updated_at),
  });
  const reach = async (services: Services, caller: Caller, id: number): Promise<Row> => {
    await authorize(services, caller, "stats.read");
    const row = (await select(services).where(`${table}.id`, "=", id).executeTakeFirst()) as Row | undefined;
    if (!row || !visible(row, caller)) throw notFound(`没有这个${NAMES[kind]} / No such ${kind}`);
    return row;
  };
  const reachOwn = async (services: Services, caller: Caller, id: number): Promise<Row> => {
    const row = await reach(services, caller, id);
    if (Number(row.owner_id) !== caller.actor.id)
      throw forbidden(
        `只有创建者可以修改或删除这个${NAMES[kind]} / Only its owner may change or delete this ${kind}`,
      );
    return row;
  };
  const shareAllowed = async (services: Services, caller: Caller, shared: boolean | undefined) => {
    if (shared) await authorize(services, caller, "view.share");
  };

  return {
    async list(services, caller) {
      await authorize(services, caller, "stats.read");
      const rows = (await select(services).orderBy(`${table}.id`).execute()) as Row[];
      return rows.filter((r) => visible(r, caller)).map((r) => present(r, caller));
    },
    async get(services, caller, id) {
      return present(await reach(services, caller, id), caller);
    },
    async create(services, caller, input) {
      await authorize(services, caller, "stats.read");
      const data = parseInput(schemas.create, input);
      await shareAllowed(services, caller, data.shared);
      const now = Date.now();
      const id = await services.db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto(table)
          .values({
            owner_id: caller.actor.id,
            anchor_path: caller.actor.orgPath,
            shared: data.shared ? 1 : 0,
            name: data.name,
            definition: JSON.stringify(data.definition),
            created_at: now,
            updated_at: now,
          })
          .executeTakeFirstOrThrow();
        const newId = Number(inserted.insertId);
        await recordAudit(trx, services.dialect, {
          event: "stats.saved",
          data: { kind, id: newId, name: data.name, shared: data.shared, created: true },
          caller,
          target: { type: kind, id: newId },
        });
        return newId;
      });
      return this.get(services, caller, id);
    },
    async update(services, caller, id, input) {
      const row = await reachOwn(services, caller, id);
      const data = parseInput(schemas.update, input);
      await shareAllowed(services, caller, data.shared);
      const name = data.name ?? row.name;
      const shared = data.shared ?? Number(row.shared) === 1;
      await services.db.transaction().execute(async (trx) => {
        await trx
          .updateTable(table)
          .set({
            name,
            shared: shared ? 1 : 0,
            ...(data.definition ? { definition: JSON.stringify(data.definition) } : {}),
            updated_at: Date.now(),
          })
          .where("id", "=", id)
          .execute();
        await recordAudit(trx, services.dialect, {
          event: "stats.saved",
          data: { kind, id, name, shared, created: false },
          caller,
          target: { type: kind, id },
        });
      });
      return this.get(services, caller, id);
    },
    async remove(services, caller, id) {
      const row = await reachOwn(services, caller, id);
      await services.db.transaction().execute(async (trx) => {
        await trx.deleteFrom(table).where("id", "=", id).execute();
        await recordAudit(trx, services.dialect, {
          event: "stats.deleted",
          data: { kind, id, name: row.name },
          caller,
          target: { type: kind, id },
        });
      });
    },
  };
}
