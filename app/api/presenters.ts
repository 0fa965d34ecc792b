// What leaves the server through the JSON API: one zod schema per resource (which the OpenAPI document
// is generated from) and the function that shapes a domain object into it. Times are ISO 8601 strings.
import { z } from "zod";
import type { AuditEntryView } from "../audit/query.server.ts";
import type { Account } from "../auth/accounts.server.ts";
import { ACTIONS, type Action, can, ROLES } from "../auth/permissions.ts";
import type { ApiToken } from "../auth/tokens.server.ts";
import type { Caller } from "../core/services.server.ts";
import { ORG_KINDS } from "../org/kinds.ts";
import type { OrgNode } from "../org/tree.server.ts";

const time = z.iso.datetime().describe("ISO 8601 时间 / ISO 8601 time");
const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export const errorSchema = z
  .object({
    error: z.object({
      code: z
        .enum([
          "invalid",
          "unauthenticated",
          "forbidden",
          "not_found",
          "conflict",
          "too_many_requests",
          "csrf",
          "method_not_allowed",
        ])
        .describe("机器可读的错误类型 / Machine-readable error kind"),
      message: z.string().describe("中文说明 / English after the slash"),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .describe("逐字段的错误说明 / Message per invalid field"),
    }),
  })
  .meta({ id: "Error", description: "错误 / Error" });

export const orgSchema = z
  .object({
    id: z.number().int(),
    parentId: z.number().int().nullable().describe("上级组织 / Parent org (null for the root)"),
    kind: z.enum(ORG_KINDS).describe("街道 / 社区 / 网格 / 企业 / 商家"),
    name: z.string(),
  })
  .meta({ id: "Org", description: "组织节点 / Org tree node" });

export const orgListSchema = z.object({
  items: z.array(orgSchema).describe("上级排在下级之前 / Parents come before their children"),
});

export function orgOut(node: OrgNode): z.output<typeof orgSchema> {
  return { id: node.id, parentId: node.parentId, kind: node.kind, name: node.name };
}

export const accountSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    mobile: z.string().nullable(),
    role: z.enum(ROLES),
    orgId: z.number().int().describe("管理范围所在的组织 / Org the account's scope is anchored at"),
    orgName: z.string(),
    status: z.enum(["active", "disabled"]),
    lastLoginAt: time.nullable(),
    createdAt: time,
  })
  .meta({ id: "Account", description: "账号 / Account" });

export const accountListSchema = z.object({ items: z.array(accountSchema) });

export function accountOut(a: Account): z.output<typeof accountSchema> {
  return {
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    mobile: a.mobile,
    role: a.role,
    orgId: a.orgId,
    orgName: a.orgName,
    status: a.status,
    lastLoginAt: isoOrNull(a.lastLoginAt),
    createdAt: iso(a.createdAt),
  };
}

export const passwordResultSchema = z.object({
  password: z.string().describe("新密码，仅此一次返回 / The new password, returned only this once"),
});

export const tokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string().describe("令牌开头几位，用于辨认 / First characters, to recognise it"),
    createdAt: time,
    lastUsedAt: time.nullable(),
    revokedAt: time.nullable(),
  })
  .meta({ id: "ApiToken", description: "API 令牌（不含密钥）/ API token (without its secret)" });

export const tokenListSchema = z.object({ items: z.array(tokenSchema) });

export function tokenOut(t: ApiToken): z.output<typeof tokenSchema> {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: iso(t.createdAt),
    lastUsedAt: isoOrNull(t.lastUsedAt),
    revokedAt: isoOrNull(t.revokedAt),
  };
}

export const newTokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  token: z.string().describe("令牌密钥 lnl_…，仅此一次返回 / The secret lnl_…, returned only this once"),
});

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: time,
    event: z.string().describe("事件类型，如 org.updated / Event type, e.g. org.updated"),
    actorName: z.string().nullable(),
    actorRole: z.string().nullable(),
    ip: z.string().nullable(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    data: z.unknown().describe("事件内容（含修改前后）/ Event payload (with before → after)"),
  })
  .meta({ id: "AuditEntry", description: "系统日志条目 / System log entry" });

export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema).describe("最新的在前 / Newest first"),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export function auditEntryOut(e: AuditEntryView): z.output<typeof auditEntrySchema> {
  return { ...e, at: iso(e.at) };
}

export const meSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  org: z.object({ id: z.number().int(), name: z.string(), kind: z.enum(ORG_KINDS) }),
  actions: z.array(z.enum(ACTIONS)).describe("本角色可执行的操作 / Actions this role may perform"),
  via: z.enum(["session", "token", "cli", "system"]).describe("认证方式 / How the call was authenticated"),
});

export function meOut(caller: Caller): z.output<typeof meSchema> {
  const { actor } = caller;
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    org: { id: actor.orgId, name: actor.orgName, kind: actor.orgKind as (typeof ORG_KINDS)[number] },
    actions: ACTIONS.filter((a: Action) => can(actor.role, a)),
    via: caller.via,
  };
}
