// What a grid shows and how it is filtered: the shape every query mode of SPEC §A3 travels in, from the
// grid and the JSON API to the engine (analytics/query) and into saved views. Pure and isomorphic: the
// browser builds these objects and the server validates them with the same schemas.
import { z } from "zod";
import { OPERATORS, type OperatorId } from "../schema/field-types/operators.ts";

const fieldKey = z
  .string({ error: "请指明字段 / Name a field" })
  .trim()
  .min(1, "请指明字段 / Name a field")
  .max(80, "字段名太长 / Field name too long");

const operatorIds = Object.keys(OPERATORS) as [OperatorId, ...OperatorId[]];

/** One comparison: `{ field: "age", op: "gte", value: 70 }`; lists and ranges go in `values`. */
export const conditionSchema = z.object({
  kind: z.literal("condition"),
  field: fieldKey,
  op: z.enum(operatorIds, { error: "未知的比较方式 / Unknown operator" }),
  value: z
    .union([z.string().max(200), z.number(), z.boolean()])
    .nullable()
    .optional(),
  values: z
    .array(z.union([z.string().max(200), z.number(), z.boolean()]).nullable())
    .max(1000, "列表最多 1000 项 / At most 1000 values")
    .optional(),
});
export type Condition = z.infer<typeof conditionSchema>;

export interface FilterGroup {
  kind: "group";
  join: "and" | "or";
  items: FilterNode[];
}
export type FilterNode = Condition | FilterGroup;

/** Nested AND/OR groups, at most 6 deep and 200 conditions in all (checked by the compiler). */
export const filterGroupSchema: z.ZodType<FilterGroup> = z.lazy(() =>
  z.object({
    kind: z.literal("group"),
    join: z.enum(["and", "or"], { error: "组合方式只能是 and 或 or / Join must be and or or" }),
    items: z.array(z.union([conditionSchema, filterGroupSchema])).max(200),
  }),
);

export const sortSchema = z.object({
  field: fieldKey,
  dir: z.enum(["asc", "desc"]).default("asc"),
});
export type SortKey = z.infer<typeof sortSchema>;

/** A column computed by a formula just for this view (table formula fields are columns already). */
export const computedSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(
      /^calc_[a-z0-9_]{1,40}$/,
      "计算列的 key 以 calc_ 开头 / A computed column's key starts with calc_",
    ),
  label: z.string().trim().min(1).max(40),
  formula: z.string().trim().min(1, "请填写公式 / Type a formula").max(500),
});
export type ComputedColumn = z.infer<typeof computedSchema>;

/** Colour a row or a cell where a field has one of the values (特殊人群 = 独居老人 → orange). */
export const colourRuleSchema = z.object({
  field: fieldKey,
  values: z.array(z.string().max(200)).min(1).max(100),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, "颜色写成 #RRGGBB / Colour as #RRGGBB"),
  label: z.string().trim().max(40).optional(),
  target: z.enum(["row", "cell"]).default("row"),
});
export type ColourRule = z.infer<typeof colourRuleSchema>;

/** Which rows: every filter mode at once, all of them combined with AND. */
export const viewQuerySchema = z.object({
  /** 全库检索: name, pinyin (full or initials), any text, any part of an ID or phone number. */
  search: z.string().trim().max(50, "搜索词最多 50 个字 / At most 50 characters").optional(),
  /** 多条件查询. */
  filter: filterGroupSchema.optional(),
  /** 层级筛选 by org: records of this org node and below (inside the reader's scope). */
  orgId: z.number().int().positive().optional(),
  /** 层级筛选 by address: 小区, then 楼, then 单元, of an address field. */
  address: z
    .object({
      field: fieldKey,
      estate: z.string().max(100),
      building: z.string().max(100).optional(),
      unit: z.string().max(100).optional(),
    })
    .optional(),
  /** 分类筛选: field key → the codes ticked; OR inside a field, AND across fields. */
  facets: z.record(fieldKey, z.array(z.string().max(200)).max(500)).optional(),
  /** 按颜色筛选: manual mark colours or rule colours (#RRGGBB); a row matches any of them. */
  colours: z
    .array(z.string().regex(/^#[0-9a-fA-F]{6}$/))
    .max(20)
    .optional(),
  sort: z.array(sortSchema).max(5, "最多按 5 个字段排序 / Sort by at most 5 fields").optional(),
  computed: z.array(computedSchema).max(10).optional(),
  colourRules: z.array(colourRuleSchema).max(20).optional(),
});
export type ViewQuery = z.infer<typeof viewQuerySchema>;

export const viewColumnSchema = z.object({
  key: fieldKey,
  width: z.number().int().min(40).max(800).optional(),
  hidden: z.boolean().optional(),
  frozen: z.boolean().optional(),
});
export type ViewColumn = z.infer<typeof viewColumnSchema>;

/** Whom a saved view is shared with: nobody, a role, or an org (app/query/views.server.ts). */
export const SHARE_KINDS = ["private", "role", "org"] as const;
export type ShareKind = (typeof SHARE_KINDS)[number];
/** The roles a view may be shared with: those that read records at all. */
export const SHARE_ROLES = ["street_admin", "community_admin", "enterprise_admin", "merchant_admin"] as const;

/** What a saved view keeps (保存的查询): the query plus the grid's columns. */
export const viewDefinitionSchema = viewQuerySchema.extend({
  columns: z.array(viewColumnSchema).max(200).optional(),
});
export type ViewDefinition = z.infer<typeof viewDefinitionSchema>;

/** A window of rows for the grid: offset and limit under the view's filter and sort. */
export const rowWindowSchema = z.object({
  query: viewQuerySchema.default({}),
  offset: z.number().int().min(0).max(100_000_000).default(0),
  limit: z.number().int().min(1).max(500, "一次最多取 500 行 / At most 500 rows at a time").default(100),
});

export const AGGREGATES = ["count", "sum", "avg", "min", "max"] as const;
export type Aggregate = (typeof AGGREGATES)[number];

/** 统计: group by one or two fields with measures; totals come with it. */
export const groupSchema = z.object({
  query: viewQuerySchema.default({}),
  rows: fieldKey,
  columns: fieldKey.optional(),
  measures: z
    .array(z.object({ fn: z.enum(AGGREGATES), field: fieldKey.optional() }))
    .min(1)
    .max(10)
    .default([{ fn: "count" }]),
});
export type GroupRequest = z.infer<typeof groupSchema>;

export const facetsSchema = z.object({
  query: viewQuerySchema.default({}),
  fields: z.array(fieldKey).min(1).max(20),
});
export type FacetsRequest = z.infer<typeof facetsSchema>;
