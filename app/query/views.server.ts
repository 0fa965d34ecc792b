// Saved views 保存的查询: a table's query and grid columns kept under a name. A view is private to its
// owner, or shared with a role, or with an org:
//   - role: everyone holding that role whose scope lies on one line with the owner's community (the
//     community the owner's scope sits in; the street for a street admin) — at or below it, or above it.
//     A community admin of 丰盛 sharing with community_admin reaches the other admins of 丰盛 and its
//     grids, never 二龙路's; a street admin sharing with community_admin reaches every community admin of
//     the street.
//   - org: everyone whose scope lies on one line with that org — at or below it, or above it.
// A street admin also sees every shared view inside its street, so it can tidy them. Only the owner or a
// street admin may change or delete a view; sharing one (view.share) is for managers; a private view
// needs no more than record.read. Others' private views are never shown, not even to a street admin.
import { z } from "zod";
import type { SavedViewTable } from "../../db/types.ts";
import type { ViewShare } from "../audit/events.ts";
import { recordAudit } from "../audit/log.server.ts";
import { authorize } from "../auth/access.server.ts";
import type { Role } from "../auth/permissions.ts";
import { conflict, forbidden, notFound } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { uniqueTransaction } from "../core/transaction.server.ts";
import { parseInput } from "../core/validate.ts";
import { loadTable, type TableDef } from "../schema/tables.server.ts";
import {
  SHARE_KINDS,
  SHARE_ROLES,
  type ShareKind,
  type ViewDefinition,
  viewDefinitionSchema,
} from "./view.ts";
import { checkDefinition } from "./view-definition.server.ts";
import { onOneLine, resolveSharing } from "./view-sharing.server.ts";

const name = z
  .string({ error: "请填写视图名称 / Name the view" })
  .trim()
  .min(1, "请填写视图名称 / Name the view")
  .max(60, "视图名称最多 60 个字 / At most 60 characters");
const share = z
  .enum(SHARE_KINDS, {
    error: "共享方式只能是 private、role 或 org / Share must be private, role or org",
  })
  .describe("private：仅自己；role：共享给某个角色；org：共享给某个组织 / Just me, a role, or an org");
const role = z
  .enum(SHARE_ROLES, { error: "只能共享给可查看数据的角色 / Share with a role that reads records" })
  .describe("share 为 role 时：共享给哪个角色 / With share=role: the role shared with");
const orgId = z
  .number({ error: "组织编号应为数字 / The org id must be a number" })
  .int()
  .positive()
  .describe("share 为 org 时：共享给哪个组织 / With share=org: the org shared with");

export const createViewSchema = z.object({
  name,
  share: share.default("private"),
  role: role.optional(),
  orgId: orgId.optional(),
  definition: viewDefinitionSchema,
});

export const updateViewSchema = z.object({
  name: name.optional(),
  share: share.optional(),
  role: role.optional(),
  orgId: orgId.optional(),
  definition: viewDefinitionSchema.optional(),
});

export interface SavedView {
  id: number;
  table: { id: number; key: string; name: string };
  name: string;
  owner: { id: number; username: string; displayName: string };
  /** The reader owns it. */
  mine: boolean;
  /** The reader may change or delete it (the owner, or a street admin). */
  canEdit: boolean;
  share: ShareKind;
  shareRole: Role | null;
  shareOrg: { id: number; name: string } | null;
  definition: ViewDefinition;
  createdAt: number;
  updatedAt: number;
}

type ViewRow = Omit<SavedViewTable, "id"> & {
  id: number;
  owner_username: string;
  owner_name: string;
  owner_org_path: string;
  share_org_name: string | null;
};

/** The anchor a view's sharing is measured from: the share org, or the owner's community. */
const anchorOf = (row: ViewRow) => row.share_org_path ?? row.owner_org_path;

function visibleTo(row: ViewRow, caller: Caller): boolean {
  const { actor } = caller;
  if (Number(row.owner_id) === actor.id) return true;
  if (row.share === "private") return false;
  if (actor.role === "street_admin" && anchorOf(row).startsWith(actor.orgPath)) return true;
  if (row.share === "role") return row.share_role === actor.role && onOneLine(actor.orgPath, anchorOf(row));
  return onOneLine(actor.orgPath, anchorOf(row));
}

function editableBy(row: ViewRow, caller: Caller): boolean {
  const { actor } = caller;
  if (Number(row.owner_id) === actor.id) return true;
  return actor.role === "street_admin" && row.share !== "private" && anchorOf(row).startsWith(actor.orgPath);
}

function viewsQuery(services: Services) {
  return services.db
    .selectFrom("saved_views as v")
    .innerJoin("users as u", "u.id", "v.owner_id")
    .innerJoin("orgs as uo", "uo.id", "u.org_id")
    .leftJoin("orgs as so", "so.id", "v.share_org_id")
    .selectAll("v")
    .select([
      "u.username as owner_username",
      "u.display_name as owner_name",
      "uo.path as owner_org_path",
      "so.name as share_org_name",
    ]);
}

function present(row: ViewRow, table: TableDef, caller: Caller): SavedView {
  return {
    id: Number(row.id),
    table: { id: table.id, key: table.key, name: table.name },
    name: row.name,
    owner: { id: Number(row.owner_id), username: row.owner_username, displayName: row.owner_name },
    mine: Number(row.owner_id) === caller.actor.id,
    canEdit: editableBy(row, caller),
    share: row.share,
    shareRole: row.share === "role" ? (row.share_role as Role) : null,
    shareOrg:
      row.share === "org" && row.share_org_id !== null
        ? { id: Number(row.share_org_id), name: row.share_org_name ?? "" }
        : null,
    definition: JSON.parse(row.definition) as ViewDefinition,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

/** The caller's own views of a table and those shared with them, own ones first, then by name. */
export async function listViews(
  services: Services,
  caller: Caller,
  tableKey: string | number,
): Promise<SavedView[]> {
  await authorize(services, caller, "record.read");
  const table = await loadTable(services.db, tableKey);
  const rows = (await viewsQuery(services)
    .where("v.table_id", "=", table.id)
    .where((eb) => eb.or([eb("v.owner_id", "=", caller.actor.id), eb("v.share", "!=", "private")]))
    .orderBy("v.name")
    .orderBy("v.id")
    .execute()) as ViewRow[];
  const views = rows.filter((r) => visibleTo(r, caller)).map((r) => present(r, table, caller));
  return [...views.filter((v) => v.mine), ...views.filter((v) => !v.mine)];
}

/** One view the caller may see; 404 for views that do not exist or are not shared with the caller. */
export async function getView(services: Services, caller: Caller, id: number): Promise<SavedView> {
  await authorize(services, caller, "record.read");
  const { row, table } = await reachView(services, caller, id);
  return present(row, table, caller);
}

async function reachView(services: Services, caller: Caller, id: number) {
  const row = (await viewsQuery(services).where("v.id", "=", id).executeTakeFirst()) as ViewRow | undefined;
  if (!row || !visibleTo(row, caller)) throw notFound("没有这个视图 / No such view");
  const table = await loadTable(services.db, Number(row.table_id));
  return { row, table };
}

/** A view the caller may change: the owner's, or a shared one inside a street admin's street. */
async function reachEditable(services: Services, caller: Caller, id: number) {
  await authorize(services, caller, "record.read");
  const reached = await reachView(services, caller, id);
  if (!editableBy(reached.row, caller)) {
    await recordAudit(services.db, services.dialect, {
      event: "access.denied",
      data: { action: "view.edit", target: `view:${id}` },
      caller,
      target: { type: "view", id },
    });
    throw forbidden(
      "只有视图的创建者或街道管理员可以修改或删除它 / Only the view's owner or a street admin may change or delete it",
    );
  }
  return reached;
}

export async function createView(
  services: Services,
  caller: Caller,
  tableKey: string | number,
  input: unknown,
): Promise<SavedView> {
  await authorize(services, caller, "record.read");
  const data = parseInput(createViewSchema, input);
  const table = await loadTable(services.db, tableKey);
  checkDefinition(table, data.definition);
  const sharing = await resolveSharing(services, caller, caller.actor.orgPath, data);
  const now = Date.now();
  const id = await uniqueTransaction(services, nameTaken(data.name), async (trx) => {
    await ensureNameFree(trx, table.id, caller.actor.id, data.name, 0);
    const result = await trx
      .insertInto("saved_views")
      .values({
        table_id: table.id,
        name: data.name,
        owner_id: caller.actor.id,
        share: sharing.share,
        share_role: sharing.role,
        share_org_id: sharing.orgId,
        share_org_path: sharing.path,
        definition: JSON.stringify(data.definition),
        created_at: now,
        updated_at: now,
      })
      .executeTakeFirstOrThrow();
    const id = Number(result.insertId);
    const target = { type: "view", id };
    await recordAudit(trx, services.dialect, {
      event: "view.created",
      data: { table: table.key, view: data.name, share: sharing.snapshot },
      caller,
      target,
    });
    if (sharing.share !== "private")
      await recordAudit(trx, services.dialect, {
        event: "view.shared",
        data: {
          table: table.key,
          view: data.name,
          owner: caller.actor.username,
          before: { share: "private" },
          after: sharing.snapshot,
        },
        caller,
        target,
        orgPath: sharing.path,
      });
    return id;
  });
  return getView(services, caller, id);
}

export async function updateView(
  services: Services,
  caller: Caller,
  id: number,
  input: unknown,
): Promise<SavedView> {
  const data = parseInput(updateViewSchema, input);
  const { row, table } = await reachEditable(services, caller, id);
  if (data.definition) checkDefinition(table, data.definition);
  const sharingAsked = data.share !== undefined || data.role !== undefined || data.orgId !== undefined;
  const before = snapshotOf(row);
  const sharing = sharingAsked
    ? await resolveSharing(services, caller, row.owner_org_path, {
        share: data.share ?? row.share,
        role: data.role ?? row.share_role ?? undefined,
        orgId: data.orgId ?? (row.share_org_id === null ? undefined : Number(row.share_org_id)),
      })
    : null;
  const newName = data.name ?? row.name;
  const changes = [
    ...(data.name !== undefined && data.name !== row.name ? ["name"] : []),
    ...(data.definition && JSON.stringify(data.definition) !== row.definition ? ["definition"] : []),
  ];
  const shareChanged = sharing !== null && JSON.stringify(sharing.snapshot) !== JSON.stringify(before);
  if (changes.length === 0 && !shareChanged) return present(row, table, caller);
  const ownerId = Number(row.owner_id);
  await uniqueTransaction(services, nameTaken(newName), async (trx) => {
    if (changes.includes("name")) await ensureNameFree(trx, table.id, ownerId, newName, id);
    await trx
      .updateTable("saved_views")
      .set({
        name: newName,
        ...(data.definition ? { definition: JSON.stringify(data.definition) } : {}),
        ...(sharing
          ? {
              share: sharing.share,
              share_role: sharing.role,
              share_org_id: sharing.orgId,
              share_org_path: sharing.path,
            }
          : {}),
        updated_at: Date.now(),
      })
      .where("id", "=", id)
      .execute();
    const target = { type: "view", id };
    if (changes.length > 0)
      await recordAudit(trx, services.dialect, {
        event: "view.updated",
        data: { table: table.key, view: newName, owner: row.owner_username, changes },
        caller,
        target,
        orgPath: row.owner_org_path,
      });
    if (shareChanged)
      await recordAudit(trx, services.dialect, {
        event: "view.shared",
        data: { table: table.key, view: newName, owner: row.owner_username, before, after: sharing.snapshot },
        caller,
        target,
        orgPath: sharing.path ?? row.owner_org_path,
      });
  });
  return getView(services, caller, id);
}

export async function deleteView(services: Services, caller: Caller, id: number): Promise<void> {
  const { row, table } = await reachEditable(services, caller, id);
  await services.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("saved_views").where("id", "=", id).execute();
    await recordAudit(trx, services.dialect, {
      event: "view.deleted",
      data: { table: table.key, view: row.name, owner: row.owner_username },
      caller,
      target: { type: "view", id },
      orgPath: row.owner_org_path,
    });
  });
}

// ── Names ──────────────────────────────────────────────────────────────────────────────────────────

const nameTaken = (viewName: string) =>
  `已有名为“${viewName}”的视图 / A view named "${viewName}" exists already`;

async function ensureNameFree(
  trx: Services["db"],
  tableId: number,
  ownerId: number,
  viewName: string,
  exceptId: number,
): Promise<void> {
  const clash = await trx
    .selectFrom("saved_views")
    .select("id")
    .where("table_id", "=", tableId)
    .where("owner_id", "=", ownerId)
    .where("name", "=", viewName)
    .where("id", "!=", exceptId)
    .executeTakeFirst();
  if (clash)
    throw conflict(nameTaken(viewName), {
      name: "此名称已被使用，请换一个 / Name taken; choose another",
    });
}

// ── Sharing ────────────────────────────────────────────────────────────────────────────────────────

function snapshotOf(row: ViewRow): ViewShare {
  if (row.share === "role") return { share: "role", role: row.share_role ?? "" };
  if (row.share === "org") return { share: "org", org: row.share_org_name ?? "" };
  return { share: "private" };
}
