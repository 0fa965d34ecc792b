// The org tree 街道 → 社区 → 网格 (enterprises and merchants hang under a community).
// Every read is limited to the caller's subtree; every write is checked against it and logged.
import { z } from "zod";
import type { OrgKind } from "../../db/types.ts";
import type { OrgSnapshot } from "../audit/events.ts";
import { recordAudit } from "../audit/log.server.ts";
import { authorize } from "../auth/access.server.ts";
import { conflict, invalid, notFound } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";
import { CHILD_KINDS, ORG_KINDS, type OrgNode } from "./kinds.ts";

export type { OrgNode };

const orgName = z
  .string({ error: "必填 / Required" })
  .trim()
  .min(1, "名称不能为空 / Name is required")
  .max(50, "名称最多 50 个字 / At most 50 characters");

export const createOrgSchema = z.object({
  parentId: z.coerce
    .number({ error: "请选择上级 / Choose a parent" })
    .int()
    .positive("请选择上级 / Choose a parent"),
  kind: z.enum(ORG_KINDS, { error: "类型无效 / Unknown kind" }),
  name: orgName,
});

export const updateOrgSchema = z.object({
  name: orgName.optional(),
  parentId: z.coerce.number().int().positive().optional(),
});

function toNode(row: {
  id: number;
  parent_id: number | null;
  kind: string;
  name: string;
  path: string;
  sort: number;
}): OrgNode {
  return {
    id: Number(row.id),
    parentId: row.parent_id === null ? null : Number(row.parent_id),
    kind: row.kind as OrgKind,
    name: row.name,
    path: row.path,
    sort: Number(row.sort),
  };
}

const snapshot = (n: OrgNode): OrgSnapshot => ({
  name: n.name,
  kind: n.kind,
  parentId: n.parentId,
  path: n.path,
});

async function findOrg(services: Services, id: number): Promise<OrgNode> {
  if (!Number.isSafeInteger(id) || id < 1) throw notFound("组织不存在 / No such organisation");
  const row = await services.db.selectFrom("orgs").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("组织不存在 / No such organisation");
  return toNode(row);
}

/** The caller's subtree, ordered so that a parent comes before its children. */
export async function listOrgs(services: Services, caller: Caller): Promise<OrgNode[]> {
  await authorize(services, caller, "org.read");
  const rows = await services.db
    .selectFrom("orgs")
    .selectAll()
    .where("path", "like", `${caller.actor.orgPath}%`)
    .orderBy("path")
    .execute();
  return rows.map(toNode);
}

export async function getOrg(services: Services, caller: Caller, id: number): Promise<OrgNode> {
  const node = await findOrg(services, id);
  await authorize(services, caller, "org.read", { orgPath: node.path, type: "org", id });
  return node;
}

export async function createOrg(services: Services, caller: Caller, input: unknown): Promise<OrgNode> {
  const data = parseInput(createOrgSchema, input);
  const parent = await findOrg(services, data.parentId);
  await authorize(services, caller, "org.write", { orgPath: parent.path, type: "org", id: parent.id });
  if (!CHILD_KINDS[parent.kind].includes(data.kind)) {
    throw invalid("该上级下不能添加这种组织 / This kind cannot be added under that parent", {
      kind: "类型与上级不匹配 / Kind does not fit the parent",
    });
  }
  await assertUniqueName(services, parent.id, data.name);
  const now = Date.now();
  return services.db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom("orgs")
      .select((eb) => eb.fn.max("sort").as("sort"))
      .where("parent_id", "=", parent.id)
      .executeTakeFirst();
    const inserted = await trx
      .insertInto("orgs")
      .values({
        parent_id: parent.id,
        kind: data.kind,
        name: data.name,
        path: "",
        sort: Number(last?.sort ?? 0) + 1,
        created_at: now,
        updated_at: now,
      })
      .executeTakeFirstOrThrow();
    const id = Number(inserted.insertId);
    const path = `${parent.path}${id}/`;
    await trx.updateTable("orgs").set({ path }).where("id", "=", id).execute();
    const node: OrgNode = { id, parentId: parent.id, kind: data.kind, name: data.name, path, sort: 0 };
    await recordAudit(trx, services.dialect, {
      event: "org.created",
      data: { after: snapshot(node) },
      caller,
      target: { type: "org", id },
      orgPath: path,
    });
    return node;
  });
}

/** Rename and/or move a node. A move carries the whole subtree along. */
export async function updateOrg(
  services: Services,
  caller: Caller,
  id: number,
  input: unknown,
): Promise<OrgNode> {
  const data = parseInput(updateOrgSchema, input);
  const node = await findOrg(services, id);
  await authorize(services, caller, "org.write", { orgPath: node.path, type: "org", id });
  let parent: OrgNode | null = null;
  if (data.parentId !== undefined && data.parentId !== node.parentId) {
    if (node.path === caller.actor.orgPath || node.parentId === null) {
      throw invalid("不能移动您自己的管理范围根节点 / You cannot move the root of your own scope");
    }
    parent = await findOrg(services, data.parentId);
    await authorize(services, caller, "org.write", { orgPath: parent.path, type: "org", id: parent.id });
    if (parent.path.startsWith(node.path)) {
      throw invalid("不能移动到自身或下级之下 / Cannot move a node under itself", {
        parentId: "无效 / Invalid",
      });
    }
    if (!CHILD_KINDS[parent.kind].includes(node.kind)) {
      throw invalid("目标上级不能容纳这种组织 / The new parent cannot hold this kind", {
        parentId: "类型不匹配 / Kind mismatch",
      });
    }
  }
  const name = data.name ?? node.name;
  const parentId = parent?.id ?? node.parentId;
  if (parentId !== null && (name !== node.name || parent))
    await assertUniqueName(services, parentId, name, id);

  return services.db.transaction().execute(async (trx) => {
    const now = Date.now();
    const newPath = parent ? `${parent.path}${id}/` : node.path;
    await trx
      .updateTable("orgs")
      .set({ name, parent_id: parentId, updated_at: now })
      .where("id", "=", id)
      .execute();
    if (newPath !== node.path) {
      const { dialect } = services;
      await trx
        .updateTable("orgs")
        .set((eb) => ({
          path: dialect.concat(
            eb.val(newPath) as never,
            eb.fn("substr", ["path", eb.val(node.path.length + 1)]) as never,
          ),
        }))
        .where("path", "like", `${node.path}%`)
        .execute();
    }
    const after: OrgNode = { ...node, name, parentId, path: newPath };
    await recordAudit(trx, services.dialect, {
      event: "org.updated",
      data: { before: snapshot(node), after: snapshot(after) },
      caller,
      target: { type: "org", id },
      orgPath: newPath,
    });
    return after;
  });
}

async function assertUniqueName(services: Services, parentId: number, name: string, exceptId?: number) {
  let q = services.db
    .selectFrom("orgs")
    .select("id")
    .where("parent_id", "=", parentId)
    .where("name", "=", name);
  if (exceptId !== undefined) q = q.where("id", "!=", exceptId);
  if (await q.executeTakeFirst()) {
    throw conflict(`同一上级下已有「${name}」/ "${name}" already exists under this parent`, {
      name: "名称重复 / Duplicate name",
    });
  }
}
