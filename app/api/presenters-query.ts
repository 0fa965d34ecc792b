// What the query engine, saved views and colour marks send out through the JSON API: a window of grid
// rows, facet counts, statistics and footer totals (analytics/query/results.ts, already JSON-safe and
// masked), saved views with whose they are and whether the reader may change them, a table's palette,
// and what a marking did. One zod schema per shape (the OpenAPI document is generated from them).
import { z } from "zod";
import type { Facet, GroupResult, RowWindow, Totals } from "../../analytics/query/results.ts";
import type { MarkResult } from "../query/marks.server.ts";
import type { PaletteColour } from "../query/palette.server.ts";
import { AGGREGATES, SHARE_KINDS, SHARE_ROLES, viewDefinitionSchema } from "../query/view.ts";
import type { SavedView } from "../query/views.server.ts";
import type { TableDef } from "../schema/tables.server.ts";

const time = z.iso.datetime().describe("ISO 8601 时间 / ISO 8601 time");
const iso = (ms: number) => new Date(ms).toISOString();
const id = z.number().int();
const hex = z.string().describe("#RRGGBB");

// ── Engine answers ─────────────────────────────────────────────────────────────────────────────────

export const gridRowSchema = z
  .object({
    id,
    systemId: z.string().describe("系统编号 / System id"),
    version: z.number().int().describe("修改时传回 / Send back when editing"),
    orgId: id,
    orgName: z.string(),
    values: z
      .record(z.string(), z.unknown())
      .describe("字段 key → 值（含计算列；敏感值已脱敏）/ Field key → value (computed columns too; masked)"),
    display: z.record(z.string(), z.string()).describe("字段 key → 显示文字 / Field key → text as shown"),
    masked: z.array(z.string()).describe("已脱敏的字段 / Masked fields"),
    colour: hex
      .nullable()
      .describe("手动标记的颜色，否则首个匹配的行规则颜色 / Mark colour, else a row rule's"),
    cellColours: z.record(z.string(), hex).describe("字段 key → 单元格规则的颜色 / Field key → cell colour"),
  })
  .meta({ id: "GridRow", description: "表格中的一行 / A grid row" });

export const rowWindowOutSchema = z.object({
  total: z.number().int().describe("符合条件的总行数 / Rows matching in your scope"),
  offset: z.number().int(),
  rows: z.array(gridRowSchema),
});

export const rowWindowOut = (w: RowWindow): z.output<typeof rowWindowOutSchema> => w;

const facetSchema = z
  .object({
    field: z.string(),
    label: z.string(),
    values: z.array(
      z.object({
        code: z.string().nullable().describe("保存的代码；null 为空值 / Stored code; null: empty"),
        label: z.string(),
        colour: z.string().optional(),
        count: z.number().int(),
      }),
    ),
  })
  .meta({ id: "Facet", description: "一个字段各取值的计数 / Counts per value of a field" });

export const facetListSchema = z.object({ items: z.array(facetSchema) });
export const facetListOut = (facets: Facet[]): z.output<typeof facetListSchema> => ({ items: facets });

const groupKey = z.object({ code: z.string().nullable(), label: z.string() });
const cellValue = z.number().nullable();

export const groupResultSchema = z
  .object({
    measures: z.array(z.object({ fn: z.enum(AGGREGATES), field: z.string().optional(), label: z.string() })),
    rowKeys: z.array(groupKey),
    columnKeys: z.array(groupKey).describe("只按一个字段分组时为空 / Empty when grouping by one field"),
    cells: z
      .array(z.array(z.array(cellValue)))
      .describe("cells[行][列][统计项] / cells[row][column][measure]"),
    rowTotals: z.array(z.array(cellValue)),
    columnTotals: z.array(z.array(cellValue)),
    total: z.array(cellValue).describe("全部符合条件的记录 / Over everything matched"),
  })
  .meta({ id: "GroupResult", description: "分组统计 / Statistics by one or two fields" });

export const groupResultOut = (g: GroupResult): z.output<typeof groupResultSchema> => g;

const stat = z.number().nullable();
export const totalsSchema = z
  .object({
    count: z.number().int(),
    numbers: z
      .record(z.string(), z.object({ sum: stat, avg: stat, min: stat, max: stat }))
      .describe("数字、金额字段 → 合计（金额以元计）/ Number and money fields → totals (money in yuan)"),
  })
  .meta({ id: "Totals", description: "页脚合计 / Footer totals" });

export const totalsOut = (t: Totals): z.output<typeof totalsSchema> => t;

// ── Saved views ────────────────────────────────────────────────────────────────────────────────────

export const savedViewSchema = z
  .object({
    id,
    table: z.object({ id, key: z.string(), name: z.string() }),
    name: z.string(),
    owner: z.object({ id, username: z.string(), displayName: z.string() }).describe("创建者 / Owner"),
    mine: z.boolean().describe("是我创建的 / I own it"),
    canEdit: z.boolean().describe("我可以修改、删除 / I may change or delete it"),
    share: z.enum(SHARE_KINDS),
    shareRole: z.enum(SHARE_ROLES).nullable(),
    shareOrg: z.object({ id, name: z.string() }).nullable(),
    definition: viewDefinitionSchema,
    createdAt: time,
    updatedAt: time,
  })
  .meta({ id: "SavedView", description: "保存的查询 / Saved view" });

export const viewListSchema = z.object({
  items: z.array(savedViewSchema).describe("我的在前，再按名称 / Mine first, then by name"),
});

export function viewOut(v: SavedView): z.output<typeof savedViewSchema> {
  return {
    ...v,
    shareRole: v.shareRole as (typeof SHARE_ROLES)[number] | null,
    createdAt: iso(v.createdAt),
    updatedAt: iso(v.updatedAt),
  };
}

export const viewListOut = (views: SavedView[]): z.output<typeof viewListSchema> => ({
  items: views.map(viewOut),
});

// ── Colour marks ───────────────────────────────────────────────────────────────────────────────────

export const paletteColourSchema = z
  .object({
    id,
    tableId: id,
    colour: hex,
    meaning: z.string().describe("颜色的含义 / What it means"),
    position: z.number().int(),
  })
  .meta({ id: "PaletteColour", description: "色板中的颜色 / A palette colour" });

export const paletteSchema = z.object({
  table: z.object({ id, key: z.string(), name: z.string() }),
  items: z.array(paletteColourSchema),
});

export const paletteColourOut = (c: PaletteColour): z.output<typeof paletteColourSchema> => ({ ...c });

export const paletteOut = (p: {
  table: TableDef;
  colours: PaletteColour[];
}): z.output<typeof paletteSchema> => ({
  table: { id: p.table.id, key: p.table.key, name: p.table.name },
  items: p.colours.map(paletteColourOut),
});

const undoHandle = z
  .object({ from: z.number().int(), to: z.number().int() })
  .nullable()
  .describe(
    "撤销凭据，传给 …/marks/undo；没有改动时为 null / Pass to …/marks/undo; null when nothing changed",
  );

export const markResultSchema = z.object({
  count: z.number().int().describe("颜色有变化的记录数 / Records whose colour changed"),
  undo: undoHandle,
});

export const undoResultSchema = markResultSchema.extend({
  skipped: z
    .number()
    .int()
    .describe("之后又被改过、保留现状的记录数 / Records re-marked since, left as they are"),
});

export const markResultOut = (r: MarkResult): z.output<typeof markResultSchema> => ({
  count: r.count,
  undo: r.undo,
});

export const undoResultOut = (r: MarkResult & { skipped: number }): z.output<typeof undoResultSchema> => ({
  count: r.count,
  undo: r.undo,
  skipped: r.skipped,
});
