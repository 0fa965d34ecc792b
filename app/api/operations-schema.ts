// Registry entries for the community database's design: tables, their fields, and dictionaries.
// Spread into OPERATIONS (app/api/operations.ts); request schemas are the domain's own, so what the
// document promises is exactly what the domain accepts.
import { z } from "zod";
import {
  addOptionSchema,
  createDictionarySchema,
  mergeOptionsSchema,
  updateOptionSchema,
} from "../schema/dictionaries.server.ts";
import { addFieldSchema, moveFieldSchema, updateFieldSchema } from "../schema/edit-fields.server.ts";
import { createTableSchema, renameTableSchema } from "../schema/edit-tables.server.ts";
import type { ApiOperation, Text } from "./operations.ts";
import {
  dictionaryListSchema,
  dictionarySchema,
  fieldSchema,
  tableListSchema,
  tableSchema,
} from "./presenters-data.ts";

const ok = (zh: string, en: string): Text => ({ zh, en });

/** PATCH /dictionaries/{id}/options: the option's code travels in the body (paths carry one id). */
export const updateOptionBodySchema = updateOptionSchema.extend({
  code: z
    .string({ error: "请指明选项代码 / Name the option's code" })
    .trim()
    .min(1, "请指明选项代码 / Name the option's code")
    .max(32)
    .describe("要修改的选项代码 / Code of the option to change"),
});

export const SCHEMA_OPERATIONS = [
  {
    operationId: "listTables",
    method: "GET",
    path: "/tables",
    tag: "tables",
    summary: ok("列出数据表", "List the tables"),
    access: "schema.read",
    success: { status: 200, description: ok("数据表列表", "The tables"), schema: tableListSchema },
    errors: [401, 403],
  },
  {
    operationId: "createTable",
    method: "POST",
    path: "/tables",
    tag: "tables",
    summary: ok("新建主表或附属表", "Create a main table or a sub-table"),
    access: "schema.write",
    body: { schema: createTableSchema, required: true, example: { name: "帮扶走访记录", parent: "people" } },
    success: { status: 201, description: ok("已新建", "Created"), schema: tableSchema },
    errors: [400, 401, 403, 404, 409],
  },
  {
    operationId: "getTable",
    method: "GET",
    path: "/tables/{id}",
    tag: "tables",
    summary: ok("查看数据表及其字段", "Get a table with its fields"),
    access: "schema.read",
    success: { status: 200, description: ok("数据表", "The table"), schema: tableSchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "renameTable",
    method: "PATCH",
    path: "/tables/{id}",
    tag: "tables",
    summary: ok("重命名数据表", "Rename a table"),
    access: "schema.write",
    body: { schema: renameTableSchema, required: true, example: { name: "入户走访记录" } },
    success: { status: 200, description: ok("修改后的数据表", "The renamed table"), schema: tableSchema },
    errors: [400, 401, 403, 404, 409],
  },
  {
    operationId: "addField",
    method: "POST",
    path: "/tables/{id}/fields",
    tag: "tables",
    summary: ok("添加字段", "Add a field"),
    access: "schema.write",
    body: {
      schema: addFieldSchema,
      required: true,
      example: { label: "低保证号", type: "text", maxLength: 30, required: false },
    },
    success: { status: 201, description: ok("新字段", "The new field"), schema: fieldSchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "updateField",
    method: "PATCH",
    path: "/fields/{id}",
    tag: "tables",
    summary: ok("修改字段（名称、必填、敏感、隐藏、设置）", "Edit a field (label, flags, settings)"),
    access: "schema.write",
    body: {
      schema: updateFieldSchema,
      required: true,
      example: { label: "联系电话", required: true, sensitive: true, hidden: false },
    },
    success: { status: 200, description: ok("修改后的字段", "The updated field"), schema: fieldSchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "moveField",
    method: "POST",
    path: "/fields/{id}/move",
    tag: "tables",
    summary: ok("上移或下移字段", "Move a field up or down"),
    access: "schema.write",
    body: { schema: moveFieldSchema, required: true, example: { direction: "up" } },
    success: { status: 200, description: ok("调整后的数据表", "The table, reordered"), schema: tableSchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "removeField",
    method: "DELETE",
    path: "/fields/{id}",
    tag: "tables",
    summary: ok("移除字段（可恢复，数据保留）", "Remove a field (restorable; data kept)"),
    access: "schema.write",
    success: { status: 200, description: ok("已移除的字段", "The removed field"), schema: fieldSchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "restoreField",
    method: "POST",
    path: "/fields/{id}/restore",
    tag: "tables",
    summary: ok("恢复已移除的字段", "Restore a removed field"),
    access: "schema.write",
    success: { status: 200, description: ok("恢复后的字段", "The restored field"), schema: fieldSchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "listDictionaries",
    method: "GET",
    path: "/dictionaries",
    tag: "dictionaries",
    summary: ok("列出字典及其选项", "List the dictionaries with their options"),
    access: "schema.read",
    success: { status: 200, description: ok("字典列表", "The dictionaries"), schema: dictionaryListSchema },
    errors: [401, 403],
  },
  {
    operationId: "createDictionary",
    method: "POST",
    path: "/dictionaries",
    tag: "dictionaries",
    summary: ok("新建字典", "Create a dictionary"),
    access: "schema.write",
    body: {
      schema: createDictionarySchema,
      required: true,
      example: { name: "帮扶类型", nameEn: "Kind of help", multiple: true },
    },
    success: { status: 201, description: ok("已新建", "Created"), schema: dictionarySchema },
    errors: [400, 401, 403, 409],
  },
  {
    operationId: "getDictionary",
    method: "GET",
    path: "/dictionaries/{id}",
    tag: "dictionaries",
    summary: ok("查看字典", "Get a dictionary"),
    access: "schema.read",
    success: { status: 200, description: ok("字典", "The dictionary"), schema: dictionarySchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "addDictionaryOption",
    method: "POST",
    path: "/dictionaries/{id}/options",
    tag: "dictionaries",
    summary: ok("添加选项", "Add an option"),
    access: "schema.write",
    body: { schema: addOptionSchema, required: true, example: { label: "医疗救助", colour: "#2563eb" } },
    success: {
      status: 201,
      description: ok("已添加，返回整个字典", "Added; the whole dictionary"),
      schema: dictionarySchema,
    },
    errors: [400, 401, 403, 404, 409],
  },
  {
    operationId: "updateDictionaryOption",
    method: "PATCH",
    path: "/dictionaries/{id}/options",
    tag: "dictionaries",
    summary: ok(
      "修改选项名称或颜色（旧名称保留为别称）",
      "Rename or recolour an option (the old name stays a synonym)",
    ),
    access: "schema.write",
    body: {
      schema: updateOptionBodySchema,
      required: true,
      example: { code: "3", label: "外省市户籍", colour: "" },
    },
    success: {
      status: 200,
      description: ok("修改后的字典", "The updated dictionary"),
      schema: dictionarySchema,
    },
    errors: [400, 401, 403, 404, 409],
  },
  {
    operationId: "mergeDictionaryOptions",
    method: "POST",
    path: "/dictionaries/{id}/merge",
    tag: "dictionaries",
    summary: ok(
      "合并重复选项（记录中的旧代码按新选项读取）",
      "Merge a duplicate option (records holding it read as the kept one)",
    ),
    access: "schema.write",
    body: { schema: mergeOptionsSchema, required: true, example: { from: "5", into: "2" } },
    success: {
      status: 200,
      description: ok("合并后的字典", "The dictionary after the merge"),
      schema: dictionarySchema,
    },
    errors: [400, 401, 403, 404],
  },
] as const satisfies readonly ApiOperation[];
