// The one registry of JSON API operations under /api/v1. Routes dispatch through it (405 and the Allow
// header come from here), the OpenAPI document and the docs page are generated from it, and a test checks
// it against app/routes.ts, so the three cannot drift apart.
import { z } from "zod";
import { auditFilterSchema } from "../audit/query.server.ts";
import { createAccountSchema, listAccountsSchema, updateAccountSchema } from "../auth/accounts.server.ts";
import type { Action } from "../auth/permissions.ts";
import { createTokenSchema } from "../auth/tokens.server.ts";
import { createOrgSchema, updateOrgSchema } from "../org/tree.server.ts";
import { BACKUP_OPERATIONS } from "./operations-backups.ts";
import { NOTICE_OPERATIONS } from "./operations-notices.ts";
import { PRINT_OPERATIONS } from "./operations-print.ts";
import { QUERY_OPERATIONS } from "./operations-query.ts";
import { RECORD_OPERATIONS } from "./operations-records.ts";
import { SCHEMA_OPERATIONS } from "./operations-schema.ts";
import { SELF_SERVICE_OPERATIONS } from "./operations-selfservice.ts";
import { STATS_OPERATIONS } from "./operations-stats.ts";
import { TRANSFER_OPERATIONS } from "./operations-transfer.ts";
import { USAGE_OPERATIONS } from "./operations-usage.ts";
import {
  accountListSchema,
  accountSchema,
  auditPageSchema,
  meSchema,
  newTokenSchema,
  orgListSchema,
  orgSchema,
  passwordResultSchema,
  tokenListSchema,
} from "./presenters.ts";

export const API_BASE = "/api/v1";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";
export type ErrorStatus = 400 | 401 | 403 | 404 | 409;

export const TAGS = {
  me: { zh: "当前用户", en: "Current user" },
  orgs: { zh: "组织架构", en: "Org tree" },
  accounts: { zh: "账号管理", en: "Accounts" },
  tokens: { zh: "API 令牌", en: "API tokens" },
  audit: { zh: "系统日志", en: "System log" },
  tables: { zh: "数据表与字段", en: "Tables and fields" },
  dictionaries: { zh: "字典", en: "Dictionaries" },
  records: { zh: "数据记录", en: "Records" },
  query: { zh: "查询、视图与颜色标记", en: "Queries, views and colour marks" },
  transfer: { zh: "导入与导出", en: "Import and export" },
  stats: { zh: "统计", en: "Statistics" },
  selfservice: { zh: "居民信息自助修改与审核", en: "Self-service updates and reviews" },
  inbox: { zh: "站内信", en: "In-site messages" },
  backups: { zh: "数据备份", en: "Backups" },
  notices: { zh: "群发通知", en: "Mass notices" },
  print: { zh: "模板打印", en: "Template printing" },
  docs: { zh: "接口说明", en: "API description" },
} as const;
export type Tag = keyof typeof TAGS;

export interface Text {
  readonly zh: string;
  readonly en: string;
}

export interface ApiOperation {
  readonly operationId: string;
  readonly method: HttpMethod;
  /** Relative to API_BASE, OpenAPI style: "/orgs/{id}". */
  readonly path: string;
  readonly tag: Tag;
  readonly summary: Text;
  /** The role → action matrix entry the caller needs; "signed-in": any account; "public": no sign-in. */
  readonly access: Action | "signed-in" | "public";
  readonly query?: z.ZodObject;
  /** What each query parameter means (a test checks the keys match the query schema). */
  readonly queryHelp?: Readonly<Record<string, Text>>;
  readonly body?: { readonly schema: z.ZodType; readonly required: boolean; readonly example: object };
  /** The body is a file's raw bytes (not JSON); what to send. */
  readonly upload?: Text;
  readonly success: {
    readonly status: 200 | 201 | 204;
    readonly description: Text;
    readonly schema?: z.ZodType;
    /** JSON unless said; a download names its file type. */
    readonly contentType?: string;
  };
  readonly errors: readonly ErrorStatus[];
}

export const resetPasswordBodySchema = z.object({
  password: z
    .string()
    .optional()
    .describe("新密码；不填则生成一个 / New password; omit to have one generated"),
});

const ok = (zh: string, en: string): Text => ({ zh, en });

export const OPERATIONS = [
  {
    operationId: "getMe",
    method: "GET",
    path: "/me",
    tag: "me",
    summary: { zh: "当前调用者", en: "The caller" },
    access: "signed-in",
    success: {
      status: 200,
      description: ok("当前账号及其权限", "The account and what it may do"),
      schema: meSchema,
    },
    errors: [401],
  },
  {
    operationId: "listOrgs",
    method: "GET",
    path: "/orgs",
    tag: "orgs",
    summary: { zh: "列出管理范围内的组织", en: "List the orgs in your scope" },
    access: "org.read",
    success: { status: 200, description: ok("组织列表", "The orgs"), schema: orgListSchema },
    errors: [401, 403],
  },
  {
    operationId: "createOrg",
    method: "POST",
    path: "/orgs",
    tag: "orgs",
    summary: { zh: "新建社区、网格、企业或商家", en: "Add a community, grid, enterprise or merchant" },
    access: "org.write",
    body: {
      schema: createOrgSchema,
      required: true,
      example: { parentId: 2, kind: "grid", name: "第四网格" },
    },
    success: { status: 201, description: ok("已新建", "Created"), schema: orgSchema },
    errors: [400, 401, 403, 404, 409],
  },
  {
    operationId: "getOrg",
    method: "GET",
    path: "/orgs/{id}",
    tag: "orgs",
    summary: { zh: "查看组织", en: "Get an org" },
    access: "org.read",
    success: { status: 200, description: ok("组织", "The org"), schema: orgSchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "updateOrg",
    method: "PATCH",
    path: "/orgs/{id}",
    tag: "orgs",
    summary: { zh: "重命名或移动组织", en: "Rename or move an org" },
    access: "org.write",
    body: { schema: updateOrgSchema, required: true, example: { name: "第一网格（东）" } },
    success: { status: 200, description: ok("修改后的组织", "The updated org"), schema: orgSchema },
    errors: [400, 401, 403, 404, 409],
  },
  {
    operationId: "listAccounts",
    method: "GET",
    path: "/accounts",
    tag: "accounts",
    summary: { zh: "查找账号", en: "Find accounts" },
    access: "account.read",
    query: listAccountsSchema,
    queryHelp: {
      q: ok("用户名、姓名或手机号中包含的文字", "Text in the username, name or mobile"),
      role: ok("只看这个角色", "Only this role"),
      status: ok("只看启用或停用的账号", "Only active or disabled accounts"),
    },
    success: {
      status: 200,
      description: ok("账号列表（最多 1000 个）", "Accounts (at most 1000)"),
      schema: accountListSchema,
    },
    errors: [400, 401, 403],
  },
  {
    operationId: "createAccount",
    method: "POST",
    path: "/accounts",
    tag: "accounts",
    summary: { zh: "新建账号", en: "Create an account" },
    access: "account.write",
    body: {
      schema: createAccountSchema,
      required: true,
      example: {
        username: "wangfang",
        displayName: "王芳",
        mobile: "13800138000",
        role: "community_admin",
        orgId: 5,
        password: "Qiao-Ling-2026",
      },
    },
    success: { status: 201, description: ok("已新建", "Created"), schema: accountSchema },
    errors: [400, 401, 403, 409],
  },
  {
    operationId: "getAccount",
    method: "GET",
    path: "/accounts/{id}",
    tag: "accounts",
    summary: { zh: "查看账号", en: "Get an account" },
    access: "account.read",
    success: { status: 200, description: ok("账号", "The account"), schema: accountSchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "updateAccount",
    method: "PATCH",
    path: "/accounts/{id}",
    tag: "accounts",
    summary: {
      zh: "修改账号（姓名、手机、角色、范围、停用）",
      en: "Edit an account (name, mobile, role, scope, status)",
    },
    access: "account.write",
    body: { schema: updateAccountSchema, required: true, example: { status: "disabled" } },
    success: { status: 200, description: ok("修改后的账号", "The updated account"), schema: accountSchema },
    errors: [400, 401, 403, 404, 409],
  },
  {
    operationId: "resetPassword",
    method: "POST",
    path: "/accounts/{id}/reset-password",
    tag: "accounts",
    summary: { zh: "重置密码（并使其登录失效）", en: "Reset the password (and end its sessions)" },
    access: "account.write",
    body: { schema: resetPasswordBodySchema, required: false, example: {} },
    success: {
      status: 200,
      description: ok("新密码，仅返回一次", "The new password, shown once"),
      schema: passwordResultSchema,
    },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "listTokens",
    method: "GET",
    path: "/tokens",
    tag: "tokens",
    summary: { zh: "我的 API 令牌", en: "My API tokens" },
    access: "token.manage",
    success: {
      status: 200,
      description: ok("令牌列表（不含密钥）", "Tokens (without secrets)"),
      schema: tokenListSchema,
    },
    errors: [401, 403],
  },
  {
    operationId: "createToken",
    method: "POST",
    path: "/tokens",
    tag: "tokens",
    summary: { zh: "新建 API 令牌", en: "Create an API token" },
    access: "token.manage",
    body: { schema: createTokenSchema, required: true, example: { name: "数据同步脚本" } },
    success: {
      status: 201,
      description: ok("令牌密钥，仅返回一次", "The secret, shown once"),
      schema: newTokenSchema,
    },
    errors: [400, 401, 403],
  },
  {
    operationId: "revokeToken",
    method: "DELETE",
    path: "/tokens/{id}",
    tag: "tokens",
    summary: { zh: "吊销 API 令牌", en: "Revoke an API token" },
    access: "token.manage",
    success: { status: 204, description: ok("已吊销", "Revoked") },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "searchAudit",
    method: "GET",
    path: "/audit",
    tag: "audit",
    summary: { zh: "检索系统日志", en: "Search the system log" },
    access: "audit.read",
    query: auditFilterSchema,
    queryHelp: {
      event: ok(
        "事件类型，如 record.updated；以点结尾为一组，如 record.",
        "An event type, e.g. record.updated; ending in a dot, a group, e.g. record.",
      ),
      actor: ok("操作人用户名", "Username of who acted"),
      person: ok(
        "涉及的人员：系统编号（RY-000123）或姓名（不接受证件号码、手机号码）",
        "The person concerned: a system ID (RY-000123) or a name (never an ID or phone number)",
      ),
      org: ok("只看这个社区或单位（及其下级）的日志", "Only events of this community or unit (and below)"),
      from: ok("起始日期（含，北京时间）YYYY-MM-DD", "First day (inclusive, Beijing time) YYYY-MM-DD"),
      to: ok("截止日期（含）YYYY-MM-DD", "Last day (inclusive) YYYY-MM-DD"),
      page: ok("页码，从 1 开始", "Page number, from 1"),
    },
    success: {
      status: 200,
      description: ok("一页日志（每页 50 条）", "One page of entries (50 a page)"),
      schema: auditPageSchema,
    },
    errors: [400, 401, 403],
  },
  // The community database: table design and dictionaries, then records (app/api/operations-*.ts).
  ...SCHEMA_OPERATIONS,
  ...RECORD_OPERATIONS,
  ...QUERY_OPERATIONS,
  ...TRANSFER_OPERATIONS,
  ...STATS_OPERATIONS,
  ...USAGE_OPERATIONS,
  ...SELF_SERVICE_OPERATIONS,
  ...BACKUP_OPERATIONS,
  ...NOTICE_OPERATIONS,
  ...PRINT_OPERATIONS,
  {
    operationId: "getOpenApi",
    method: "GET",
    path: "/openapi.json",
    tag: "docs",
    summary: { zh: "OpenAPI 3.1 描述", en: "OpenAPI 3.1 description" },
    access: "public",
    success: { status: 200, description: ok("本文档", "This document") },
    errors: [],
  },
  {
    operationId: "getDocs",
    method: "GET",
    path: "/docs",
    tag: "docs",
    summary: { zh: "接口说明页面", en: "Readable API docs" },
    access: "public",
    success: { status: 200, description: ok("HTML 页面", "An HTML page"), contentType: "text/html" },
    errors: [],
  },
] as const satisfies readonly ApiOperation[];

export type OperationId = (typeof OPERATIONS)[number]["operationId"];

/**
 * POSTs that change nothing: queries and statistics, whose bodies may hold an ID number that must not sit
 * in a URL. Every other POST, PATCH and DELETE changes state and writes the system log; a test walks the
 * registry and fails for an operation that does not (app/api/audit-coverage.test.ts).
 */
export const READ_ONLY_OPERATIONS = [
  "searchRecords",
  "previewPurge",
  "queryRecords",
  "countFacets",
  "groupRecords",
  "totalRecords",
  "runChart",
  "runDashboard",
  "runReportPreview",
  "runSavedDashboard",
  "runSavedReport",
  "previewCampaign",
  "previewPrint",
] as const satisfies readonly OperationId[];
export type ApiPath = (typeof OPERATIONS)[number]["path"];

export function operation(id: OperationId): ApiOperation {
  return OPERATIONS.find((op) => op.operationId === id)!;
}

/** The methods a path answers, for the Allow header of a 405. */
export function allowedMethods(path: ApiPath): HttpMethod[] {
  return OPERATIONS.filter((op) => op.path === path).map((op) => op.method);
}
