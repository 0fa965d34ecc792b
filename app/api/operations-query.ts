// Registry entries for the query engine (a window of grid rows, facet counts, statistics, footer totals),
// saved views and colour marks. Spread into OPERATIONS (app/api/operations.ts). Queries are POSTs: a
// filter may hold an ID or phone number, which must never travel in a URL.

import { z } from "zod";
import { setMarksSchema, undoMarksSchema } from "../query/marks.server.ts";
import { addColourSchema, updateColourSchema } from "../query/palette.server.ts";
import { facetsSchema, groupSchema, rowWindowSchema, viewQuerySchema } from "../query/view.ts";
import { createViewSchema, updateViewSchema } from "../query/views.server.ts";
import type { ApiOperation, Text } from "./operations.ts";
import {
  facetListSchema,
  groupResultSchema,
  markResultSchema,
  paletteColourSchema,
  paletteSchema,
  rowWindowOutSchema,
  savedViewSchema,
  totalsSchema,
  undoResultSchema,
  viewListSchema,
} from "./presenters-query.ts";

const ok = (zh: string, en: string): Text => ({ zh, en });

/** POST …/totals: the query in `query`, as the other query operations take it. */
export const totalsBodySchema = z.strictObject({ query: viewQuerySchema.default({}) });

const elderlyAlone = {
  kind: "group",
  join: "and",
  items: [
    { kind: "condition", field: "age", op: "gte", value: 70 },
    { kind: "condition", field: "specialGroups", op: "has_any", values: ["独居老人"] },
  ],
} as const;

export const QUERY_OPERATIONS = [
  {
    operationId: "queryRecords",
    method: "POST",
    path: "/tables/{id}/query",
    tag: "query",
    summary: ok(
      "按条件、排序取一段表格行（检索、多条件、层级、分类、颜色筛选）",
      "A window of grid rows under a query (search, conditions, tree, facets, colours) and its sort",
    ),
    access: "record.read",
    body: {
      schema: rowWindowSchema,
      required: true,
      example: {
        query: { search: "zhang", filter: elderlyAlone, sort: [{ field: "name", dir: "asc" }] },
        offset: 0,
        limit: 100,
      },
    },
    success: {
      status: 200,
      description: ok("符合条件的行及总数（敏感值已脱敏）", "The rows and how many match (masked)"),
      schema: rowWindowOutSchema,
    },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "countFacets",
    method: "POST",
    path: "/tables/{id}/facets",
    tag: "query",
    summary: ok(
      "分类筛选的计数：各字段每个取值有多少条",
      "Facet counts: how many records hold each value of each field",
    ),
    access: "record.read",
    body: {
      schema: facetsSchema,
      required: true,
      example: { query: { facets: { sex: ["2"] } }, fields: ["specialGroups", "ethnicity"] },
    },
    success: { status: 200, description: ok("每个字段的计数", "Counts per field"), schema: facetListSchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "groupRecords",
    method: "POST",
    path: "/tables/{id}/stats",
    tag: "query",
    summary: ok("统计：按一个或两个字段分组汇总", "Statistics: measures by one or two fields"),
    access: "record.read",
    body: {
      schema: groupSchema,
      required: true,
      example: {
        query: { filter: elderlyAlone },
        rows: "sex",
        columns: "category",
        measures: [{ fn: "count" }, { fn: "avg", field: "age" }],
      },
    },
    success: { status: 200, description: ok("统计表", "The statistics"), schema: groupResultSchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "totalRecords",
    method: "POST",
    path: "/tables/{id}/totals",
    tag: "query",
    summary: ok("页脚合计：条数及数字列的合计、平均", "Footer totals: the count and number column sums"),
    access: "record.read",
    body: { schema: totalsBodySchema, required: true, example: { query: { filter: elderlyAlone } } },
    success: { status: 200, description: ok("合计", "The totals"), schema: totalsSchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "listViews",
    method: "GET",
    path: "/tables/{id}/views",
    tag: "query",
    summary: ok("我的及共享给我的视图", "My saved views and those shared with me"),
    access: "record.read",
    success: { status: 200, description: ok("视图列表", "The views"), schema: viewListSchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "createView",
    method: "POST",
    path: "/tables/{id}/views",
    tag: "query",
    summary: ok(
      "保存查询为视图（共享给角色或组织需要 view.share）",
      "Save a query as a view (sharing with a role or an org needs view.share)",
    ),
    access: "record.read",
    body: {
      schema: createViewSchema,
      required: true,
      example: {
        name: "独居老人",
        share: "role",
        role: "community_admin",
        definition: {
          filter: elderlyAlone,
          sort: [{ field: "age", dir: "desc" }],
          columns: [{ key: "name", width: 120, frozen: true }, { key: "age" }, { key: "mobile" }],
        },
      },
    },
    success: { status: 201, description: ok("已保存", "Saved"), schema: savedViewSchema },
    errors: [400, 401, 403, 404, 409],
  },
  {
    operationId: "getView",
    method: "GET",
    path: "/views/{id}",
    tag: "query",
    summary: ok("查看视图", "Get a view"),
    access: "record.read",
    success: { status: 200, description: ok("视图", "The view"), schema: savedViewSchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "updateView",
    method: "PATCH",
    path: "/views/{id}",
    tag: "query",
    summary: ok(
      "修改视图（创建者或街道管理员；只改给出的部分）",
      "Change a view (its owner or a street admin; only what is given changes)",
    ),
    access: "record.read",
    body: { schema: updateViewSchema, required: true, example: { name: "独居老人（70 岁以上）" } },
    success: { status: 200, description: ok("修改后的视图", "The changed view"), schema: savedViewSchema },
    errors: [400, 401, 403, 404, 409],
  },
  {
    operationId: "deleteView",
    method: "DELETE",
    path: "/views/{id}",
    tag: "query",
    summary: ok("删除视图（创建者或街道管理员）", "Delete a view (its owner or a street admin)"),
    access: "record.read",
    success: { status: 204, description: ok("已删除", "Deleted") },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "listColours",
    method: "GET",
    path: "/tables/{id}/colours",
    tag: "query",
    summary: ok("表的颜色标记色板（颜色及其含义）", "A table's palette: colours and what they mean"),
    access: "record.read",
    success: { status: 200, description: ok("色板", "The palette"), schema: paletteSchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "addColour",
    method: "POST",
    path: "/tables/{id}/colours",
    tag: "query",
    summary: ok("在色板中新增颜色", "Add a colour to the palette"),
    access: "schema.write",
    body: {
      schema: addColourSchema,
      required: true,
      example: { colour: "#a855f7", meaning: "重点帮扶对象" },
    },
    success: { status: 201, description: ok("已新增", "Added"), schema: paletteColourSchema },
    errors: [400, 401, 403, 404, 409],
  },
  {
    operationId: "updateColour",
    method: "PATCH",
    path: "/colours/{id}",
    tag: "query",
    summary: ok(
      "修改颜色的含义或位置（有记录标着此色时不能换色）",
      "Change a colour's meaning or place (not its colour while records carry it)",
    ),
    access: "schema.write",
    body: { schema: updateColourSchema, required: true, example: { meaning: "重点关注（每周走访）" } },
    success: {
      status: 200,
      description: ok("修改后的颜色", "The changed colour"),
      schema: paletteColourSchema,
    },
    errors: [400, 401, 403, 404, 409],
  },
  {
    operationId: "deleteColour",
    method: "DELETE",
    path: "/colours/{id}",
    tag: "query",
    summary: ok("从色板删除颜色（须无记录标着此色）", "Remove a colour (no record may carry it)"),
    access: "schema.write",
    success: { status: 204, description: ok("已删除", "Removed") },
    errors: [400, 401, 403, 404, 409],
  },
  {
    operationId: "setMarks",
    method: "POST",
    path: "/tables/{id}/marks",
    tag: "query",
    summary: ok(
      "给记录标颜色或清除（一次最多 10000 条，须都在管理范围内）",
      "Mark records with a colour or clear it (up to 10 000, all inside your scope)",
    ),
    access: "record.write",
    body: { schema: setMarksSchema, required: true, example: { ids: [1024, 1025, 1031], colour: "#f97316" } },
    success: {
      status: 200,
      description: ok("改动的条数及撤销凭据", "How many changed, and the undo handle"),
      schema: markResultSchema,
    },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "undoMarks",
    method: "POST",
    path: "/tables/{id}/marks/undo",
    tag: "query",
    summary: ok(
      "撤销自己的一次标记，恢复每条记录原来的颜色",
      "Undo one of your markings: each record gets its previous colour back",
    ),
    access: "record.write",
    body: { schema: undoMarksSchema, required: true, example: { from: 5120, to: 5122 } },
    success: {
      status: 200,
      description: ok("恢复的条数；undo 可重做", "Records restored; its undo redoes"),
      schema: undoResultSchema,
    },
    errors: [400, 401, 403, 404],
  },
] as const satisfies readonly ApiOperation[];
