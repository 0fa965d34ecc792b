// What the community database sends out through the JSON API: tables and fields, dictionaries, records
// (sensitive values already masked by the domain), history, the recycle bin and a purge preview. One
// zod schema per shape (the OpenAPI document is generated from them) and the function that fills it.
import { z } from "zod";
import type { HistoryEntry } from "../people/records/history.server.ts";
import type { RecordView } from "../people/records/present.server.ts";
import type { PurgePreview } from "../people/records/recycle.server.ts";
import type { StoredDictionary } from "../schema/dictionaries.server.ts";
import { FIELD_TYPE_IDS } from "../schema/field-types/registry.ts";
import type { FieldDef, TableDef, TableSummary } from "../schema/tables.server.ts";

const time = z.iso.datetime().describe("ISO 8601 时间 / ISO 8601 time");
const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));
const id = z.number().int();

// ── Tables and fields ──────────────────────────────────────────────────────────────────────────────

export const fieldOptionsSchema = z
  .looseObject({
    dictionary: z.string().optional().describe("选项所用字典的 key / Key of the dictionary offered"),
    formula: z.string().optional().describe("公式，如 AGE([出生日期]) / Formula, e.g. AGE([出生日期])"),
    linkTable: z.string().optional().describe("关联到的表 key / Key of the table linked to"),
    decimals: z.number().int().optional(),
    maxLength: z.number().int().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    unique: z.boolean().optional().describe("人员按此证件唯一 / Records are unique by this document"),
  })
  .describe("字段类型的设置 / Settings of the field type");

export const fieldSchema = z
  .object({
    id,
    tableId: id,
    key: z.string().describe("记录 values 中的键 / Key in a record's values"),
    label: z.string(),
    type: z.enum(FIELD_TYPE_IDS).describe("字段类型 / Field type"),
    options: fieldOptionsSchema,
    required: z.boolean(),
    sensitive: z.boolean().describe("敏感：读取时脱敏，查看原文需授权 / Masked; revealing is logged"),
    hidden: z.boolean(),
    builtin: z.boolean(),
    sort: z.number().int(),
    removedAt: time.nullable().describe("移除时间（可恢复）/ When removed (restorable)"),
  })
  .meta({ id: "Field", description: "字段 / Field" });

export function fieldOut(f: FieldDef): z.output<typeof fieldSchema> {
  return {
    id: f.id,
    tableId: f.tableId,
    key: f.key,
    label: f.label,
    type: f.type,
    options: { ...f.options },
    required: f.required,
    sensitive: f.sensitive,
    hidden: f.hidden,
    builtin: f.builtin,
    sort: f.sort,
    removedAt: isoOrNull(f.removedAt),
  };
}

const tableBase = {
  id,
  key: z.string().describe("表的 key / Table key"),
  name: z.string(),
  kind: z.enum(["main", "sub"]).describe("主表 / 附属表 / Main table or sub-table"),
  parentId: id.nullable().describe("附属表所属的主表 / Main table of a sub-table"),
  idPrefix: z.string().describe("系统编号前缀，如 RY / System id prefix, e.g. RY"),
  builtin: z.boolean(),
};

export const tableSummarySchema = z
  .object({ ...tableBase, fieldCount: z.number().int() })
  .meta({ id: "TableSummary", description: "数据表（概要）/ Table (summary)" });

export const tableListSchema = z.object({ items: z.array(tableSummarySchema) });

export function tableSummaryOut(t: TableSummary): z.output<typeof tableSummarySchema> {
  return {
    id: t.id,
    key: t.key,
    name: t.name,
    kind: t.kind,
    parentId: t.parentId,
    idPrefix: t.idPrefix,
    builtin: t.builtin,
    fieldCount: t.fieldCount,
  };
}

export const tableSchema = z
  .object({
    ...tableBase,
    fields: z.array(fieldSchema).describe("在用的字段，按显示顺序 / Fields in use, in display order"),
    removedFields: z.array(fieldSchema).describe("已移除、可恢复的字段 / Removed fields, restorable"),
  })
  .meta({ id: "Table", description: "数据表及其字段 / Table with its fields" });

export function tableOut(t: TableDef): z.output<typeof tableSchema> {
  return {
    id: t.id,
    key: t.key,
    name: t.name,
    kind: t.kind,
    parentId: t.parentId,
    idPrefix: t.idPrefix,
    builtin: t.builtin,
    fields: t.fields.map(fieldOut),
    removedFields: t.allFields.filter((f) => f.removedAt !== null).map(fieldOut),
  };
}

const tableRefSchema = z.object({ id, key: z.string(), name: z.string() });
const tableRef = (t: TableDef) => ({ id: t.id, key: t.key, name: t.name });

// ── Dictionaries ───────────────────────────────────────────────────────────────────────────────────

export const dictionaryOptionSchema = z
  .object({
    code: z.string().describe("记录中保存的代码 / Code stored in records"),
    label: z.string(),
    synonyms: z.array(z.string()).optional().describe("导入时识别的别称 / Other names matched on import"),
    colour: z.string().optional().describe("色板中的颜色 / A palette colour"),
    parent: z.string().optional().describe("上级选项代码 / Code of the parent option"),
    aliases: z.array(z.string()).optional().describe("并入此项的旧代码 / Codes merged into this one"),
  })
  .meta({ id: "DictionaryOption", description: "字典选项 / Dictionary option" });

export const dictionarySchema = z
  .object({
    id,
    key: z.string().describe("字段引用字典所用的 key / Key fields refer to"),
    name: z.string(),
    nameEn: z.string(),
    standard: z.string().nullable().describe("代码依据的标准 / Standard the codes follow"),
    multiple: z.boolean().describe("通常多选 / Usually several at once"),
    builtin: z.boolean(),
    options: z.array(dictionaryOptionSchema),
  })
  .meta({ id: "Dictionary", description: "字典 / Dictionary" });

export const dictionaryListSchema = z.object({ items: z.array(dictionarySchema) });

export function dictionaryOut(d: StoredDictionary): z.output<typeof dictionarySchema> {
  return {
    id: d.id,
    key: d.key,
    name: d.name,
    nameEn: d.nameEn,
    standard: d.standard ?? null,
    multiple: d.multiple === true,
    builtin: d.builtin,
    options: d.options.map((o) => ({ ...o })),
  };
}

// ── Records ────────────────────────────────────────────────────────────────────────────────────────

const recordShape = {
  id,
  systemId: z.string().describe("系统编号，如 RY-000123 / System id, e.g. RY-000123"),
  table: z.object({ key: z.string(), name: z.string() }),
  parentId: id.nullable().describe("附属表行所属的主记录 / Parent record of a sub-table row"),
  orgId: id,
  orgName: z.string(),
  version: z.number().int().describe("修改时传回，防止覆盖他人的修改 / Send back when editing"),
  createdAt: time,
  updatedAt: time,
  deletedAt: time.nullable().describe("移入回收站的时间 / When moved to the recycle bin"),
  values: z
    .record(z.string(), z.unknown())
    .describe("字段 key → 值；敏感字段已脱敏 / Field key → value; sensitive values masked"),
  display: z.record(z.string(), z.string()).describe("字段 key → 显示文字 / Field key → text as shown"),
  masked: z.array(z.string()).describe("已脱敏的字段 key / Keys of masked fields"),
};

export const recordSchema = z.object(recordShape).meta({ id: "Record", description: "记录 / Record" });

export function recordOut(r: RecordView): z.output<typeof recordSchema> {
  return {
    id: r.id,
    systemId: r.systemId,
    table: { key: r.table.key, name: r.table.name },
    parentId: r.parentId,
    orgId: r.orgId,
    orgName: r.orgName,
    version: r.version,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
    deletedAt: isoOrNull(r.deletedAt),
    values: r.values,
    display: r.display,
    masked: r.masked,
  };
}

export const recordPageSchema = z.object({
  table: tableRefSchema,
  items: z.array(recordSchema).describe("最新的在前 / Newest first"),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export function recordPageOut(p: {
  table: TableDef;
  rows: RecordView[];
  total: number;
  page: number;
  pageSize: number;
}): z.output<typeof recordPageSchema> {
  return {
    table: tableRef(p.table),
    items: p.rows.map(recordOut),
    total: p.total,
    page: p.page,
    pageSize: p.pageSize,
  };
}

export const historySchema = z.object({
  systemId: z.string(),
  table: tableRefSchema,
  entries: z
    .array(
      z.object({
        version: z.number().int(),
        kind: z.enum(["create", "update", "delete", "restore"]),
        at: time,
        by: z.string().nullable().describe("修改人 / Who"),
        changes: z.array(
          z.object({
            field: z.string(),
            label: z.string(),
            old: z.string(),
            new: z.string(),
            masked: z.boolean().describe("敏感字段，前后值已脱敏 / Sensitive: both values masked"),
          }),
        ),
      }),
    )
    .describe("最新的在前 / Newest first"),
});

export function historyOut(h: {
  systemId: string;
  table: TableDef;
  entries: HistoryEntry[];
}): z.output<typeof historySchema> {
  return {
    systemId: h.systemId,
    table: tableRef(h.table),
    entries: h.entries.map((e) => ({ ...e, at: iso(e.at) })),
  };
}

export const binnedRecordSchema = z
  .object({ ...recordShape, purgeAt: time.describe("到期自动彻底删除的时间 / When it is purged") })
  .meta({ id: "BinnedRecord", description: "回收站中的记录 / Record in the recycle bin" });

export const recycleBinSchema = z.object({
  table: tableRefSchema,
  retentionDays: z.number().int().describe("回收站保留天数 / Days kept in the bin"),
  items: z.array(binnedRecordSchema).describe("最近删除的在前，最多 500 条 / Latest first, at most 500"),
});

export function recycleBinOut(bin: {
  table: TableDef;
  rows: (RecordView & { purgeAt: number })[];
  retentionDays: number;
}): z.output<typeof recycleBinSchema> {
  return {
    table: tableRef(bin.table),
    retentionDays: bin.retentionDays,
    items: bin.rows.map((r) => ({ ...recordOut(r), purgeAt: iso(r.purgeAt) })),
  };
}

export const purgePreviewSchema = z.object({
  records: z.array(z.object({ id, systemId: z.string() })),
  subRows: z
    .array(z.object({ table: z.string(), count: z.number().int() }))
    .describe("一并删除的附属表行 / Sub-table rows that go with them"),
  links: z
    .array(z.object({ from: z.string(), field: z.string(), to: z.string() }))
    .describe("将被清空的关联 / Links from other records that are emptied"),
  total: z.number().int().describe("确认时须输入的数字 / The number to send as confirm"),
});

export const purgePreviewOut = (p: PurgePreview): z.output<typeof purgePreviewSchema> => p;

export const revealSchema = z.object({
  field: z.string(),
  text: z.string().describe("完整值（已记入系统日志）/ The full value (logged)"),
});

export const countSchema = z.object({
  count: z.number().int().describe("实际处理的记录数 / Records affected"),
});
