// Registry entries for records: a table's pages, one record, its history, revealing a masked value,
// and the recycle bin (delete, restore, preview and purge). Spread into OPERATIONS (app/api/operations.ts).
import { z } from "zod";
import { listRecordsSchema } from "../people/records/read.server.ts";
import { purgeSchema, selectionSchema } from "../people/records/recycle.server.ts";
import { createRecordSchema, updateRecordSchema } from "../people/records/write.server.ts";
import type { ApiOperation, Text } from "./operations.ts";
import {
  countSchema,
  historySchema,
  purgePreviewSchema,
  recordPageSchema,
  recordSchema,
  recycleBinSchema,
  revealSchema,
} from "./presenters-data.ts";

const ok = (zh: string, en: string): Text => ({ zh, en });

export const revealBodySchema = z.object({
  field: z
    .string({ error: "请指明字段 / Name the field" })
    .trim()
    .min(1, "请指明字段 / Name the field")
    .max(64)
    .describe("敏感字段的 key / Key of the sensitive field"),
});

export const RECORD_OPERATIONS = [
  {
    operationId: "listRecords",
    method: "GET",
    path: "/tables/{id}/records",
    tag: "records",
    summary: ok("分页列出表中的记录", "List a table's records, a page at a time"),
    access: "record.read",
    query: listRecordsSchema,
    queryHelp: {
      q: ok(
        "姓名中的文字或系统编号（完整的证件号码、手机号码请用 POST …/records/search）",
        "Part of a name or a system id (a whole ID or mobile number: POST …/records/search)",
      ),
      orgId: ok("只看这个组织（及其下级）的记录", "Only records of this org (and below)"),
      page: ok("页码，从 1 开始", "Page number, from 1"),
      pageSize: ok("每页条数，最多 200，默认 50", "Records a page, at most 200, default 50"),
    },
    success: { status: 200, description: ok("一页记录", "One page of records"), schema: recordPageSchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "searchRecords",
    method: "POST",
    path: "/tables/{id}/records/search",
    tag: "records",
    summary: ok(
      "按完整证件号码或手机号码查找（号码放在请求体中，不进网址）",
      "Find by a whole ID or mobile number (in the body, never in a URL)",
    ),
    access: "record.read",
    body: { schema: listRecordsSchema, required: true, example: { q: "13800138000", pageSize: 20 } },
    success: { status: 200, description: ok("一页记录", "One page of records"), schema: recordPageSchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "createRecord",
    method: "POST",
    path: "/tables/{id}/records",
    tag: "records",
    summary: ok(
      "新建记录（出生日期、性别由身份证号自动填写）",
      "Create a record (birth date and sex filled from the ID number)",
    ),
    access: "record.write",
    body: {
      schema: createRecordSchema,
      required: true,
      example: {
        values: { name: "赵小兰", document: "11010519491231002X", ethnicity: "汉族", nativePlace: "北京" },
      },
    },
    success: {
      status: 201,
      description: ok("已新建（敏感值已脱敏）", "Created (sensitive values masked)"),
      schema: recordSchema,
    },
    errors: [400, 401, 403, 404, 409],
  },
  {
    operationId: "getRecord",
    method: "GET",
    path: "/records/{id}",
    tag: "records",
    summary: ok("查看记录（敏感值已脱敏）", "Get a record (sensitive values masked)"),
    access: "record.read",
    success: { status: 200, description: ok("记录", "The record"), schema: recordSchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "updateRecord",
    method: "PATCH",
    path: "/records/{id}",
    tag: "records",
    summary: ok(
      "修改记录（只改给出的字段；空值清除）",
      "Edit a record (only the given fields change; a blank clears)",
    ),
    access: "record.write",
    body: {
      schema: updateRecordSchema,
      required: true,
      example: { version: 2, values: { nativePlace: "河北保定", mobile: "13912345678" } },
    },
    success: { status: 200, description: ok("修改后的记录", "The updated record"), schema: recordSchema },
    errors: [400, 401, 403, 404, 409],
  },
  {
    operationId: "deleteRecord",
    method: "DELETE",
    path: "/records/{id}",
    tag: "records",
    summary: ok("删除记录（移入回收站）", "Delete a record (into the recycle bin)"),
    access: "record.delete",
    success: {
      status: 200,
      description: ok("移入回收站的条数（已在其中则为 0）", "Records moved (0 when already there)"),
      schema: countSchema,
    },
    errors: [400, 401, 403, 404, 409],
  },
  {
    operationId: "getRecordHistory",
    method: "GET",
    path: "/records/{id}/history",
    tag: "records",
    summary: ok("修改历史（谁、何时、改了什么）", "Change history (who, when, what)"),
    access: "record.read",
    success: {
      status: 200,
      description: ok("历史，最新的在前", "History, newest first"),
      schema: historySchema,
    },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "revealRecordValue",
    method: "POST",
    path: "/records/{id}/reveal",
    tag: "records",
    summary: ok("查看敏感字段原文（记入系统日志）", "Reveal a masked value (logged)"),
    access: "record.reveal",
    body: { schema: revealBodySchema, required: true, example: { field: "document" } },
    success: { status: 200, description: ok("完整值", "The full value"), schema: revealSchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "listRecycleBin",
    method: "GET",
    path: "/tables/{id}/recycle-bin",
    tag: "records",
    summary: ok("回收站中的记录", "Records in the recycle bin"),
    access: "record.delete",
    success: { status: 200, description: ok("回收站", "The recycle bin"), schema: recycleBinSchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "restoreRecords",
    method: "POST",
    path: "/records/restore",
    tag: "records",
    summary: ok("从回收站恢复记录", "Restore records from the recycle bin"),
    access: "record.delete",
    body: { schema: selectionSchema, required: true, example: { ids: [1024, 1025] } },
    success: { status: 200, description: ok("恢复的条数", "Records restored"), schema: countSchema },
    errors: [400, 401, 403],
  },
  {
    operationId: "previewPurge",
    method: "POST",
    path: "/records/purge-preview",
    tag: "records",
    summary: ok("彻底删除前预览将删除的内容", "Preview what a permanent deletion removes"),
    access: "record.purge",
    body: { schema: selectionSchema, required: true, example: { ids: [1024, 1025] } },
    success: { status: 200, description: ok("预览", "The preview"), schema: purgePreviewSchema },
    errors: [400, 401, 403],
  },
  {
    operationId: "purgeRecords",
    method: "POST",
    path: "/records/purge",
    tag: "records",
    summary: ok(
      "彻底删除回收站中的记录（confirm 须等于预览的 total）",
      "Delete records in the recycle bin for good (confirm must equal the preview's total)",
    ),
    access: "record.purge",
    body: {
      schema: purgeSchema,
      required: true,
      example: { ids: [1024, 1025], reason: "重复登记，已核实", confirm: 2 },
    },
    success: {
      status: 200,
      description: ok("彻底删除的条数", "Records deleted for good"),
      schema: countSchema,
    },
    errors: [400, 401, 403],
  },
] as const satisfies readonly ApiOperation[];
