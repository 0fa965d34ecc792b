// Fields: add, change (rename, hide, require, mark sensitive), reorder, remove and restore. Every one of
// these is a change to a few metadata rows; record documents are untouched, so it takes the same time on
// a table of ten records or ten million and locks no record another user is editing.
import { z } from "zod";
import { recordAudit } from "../audit/log.server.ts";
import { authorize } from "../auth/access.server.ts";
import { invalid, notFound } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { uniqueTransaction } from "../core/transaction.server.ts";
import { parseInput } from "../core/validate.ts";
import { resealPending, resealSetting } from "../people/records/reseal.server.ts";
import { assertLabelFree, checkFieldOptions, formulasReading } from "./field-rules.server.ts";
import { FIELD_TYPE_IDS, fieldType } from "./field-types/registry.ts";
import { keyFromName } from "./keys.ts";
import { withResidentFlags } from "./resident-access.ts";
import { type FieldDef, loadTable, type TableDef } from "./tables.server.ts";

const label = z
  .string({ error: "请填写字段名 / Name the field" })
  .trim()
  .min(1, "请填写字段名 / Name the field")
  .max(50, "字段名最多 50 个字 / At most 50 characters")
  .refine((v) => !/[[\]]/.test(v), "字段名不能含方括号 / No square brackets in a field name");

const flag = z
  .union([z.boolean(), z.enum(["on", "true", "1", "false", "0", ""])])
  .transform((v) => v === true || v === "on" || v === "true" || v === "1");

/** An empty box means "not given" (the type's default), not 0. */
const blankIsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema);

const optionsShape = {
  dictionary: z.string().trim().max(64).optional(),
  formula: z.string().trim().max(500).optional(),
  linkTable: z.string().trim().max(64).optional(),
  decimals: blankIsAbsent(z.coerce.number().int().min(0).max(6).optional()),
  maxLength: blankIsAbsent(z.coerce.number().int().min(1).max(10000).optional()),
};

/** What a resident linked to a record may do with the field (app/schema/resident-access.ts). */
function residentShape() {
  return {
    residentVisible: flag.optional().describe("居民可在“我的信息”中查看 / Residents see it on their profile"),
    residentEditable: flag
      .optional()
      .describe("居民可提交修改，经审核后生效 / Residents may propose changes for review"),
  };
}

export const addFieldSchema = z.object({
  label,
  type: z.enum(FIELD_TYPE_IDS, { error: "请选择字段类型 / Choose a field type" }),
  required: flag.optional(),
  sensitive: flag.optional(),
  ...residentShape(),
  ...optionsShape,
});

export const updateFieldSchema = z.object({
  label: label.optional(),
  required: flag.optional(),
  sensitive: flag.optional(),
  hidden: flag.optional(),
  ...residentShape(),
  ...optionsShape,
});

export const moveFieldSchema = z.object({
  direction: z.enum(["up", "down"], { error: "方向无效 / Unknown direction" }),
});

async function findField(services: Services, fieldId: number): Promise<{ table: TableDef; field: FieldDef }> {
  if (!Number.isSafeInteger(fieldId) || fieldId < 1) throw notFound("字段不存在 / No such field");
  const row = await services.db
    .selectFrom("data_fields")
    .select("table_id")
    .where("id", "=", fieldId)
    .executeTakeFirst();
  if (!row) throw notFound("字段不存在 / No such field");
  const table = await loadTable(services.db, Number(row.table_id));
  return { table, field: table.allFields.find((f) => f.id === fieldId)! };
}

export async function addField(
  services: Services,
  caller: Caller,
  tableKey: string | number,
  input: unknown,
): Promise<FieldDef> {
  await authorize(services, caller, "schema.write");
  const data = parseInput(addFieldSchema, input);
  const table = await loadTable(services.db, tableKey);
  assertLabelFree(data.label, table.fields);
  const options = withResidentFlags(
    data.type,
    await checkFieldOptions(services.db, data.type, data, table.fields),
    data,
  );
  const definition = fieldType(data.type);
  const taken =
    "刚刚有人添加了同名字段，请刷新后再试 / A field of that name was just added; reload and try again";
  const id = await uniqueTransaction(services, taken, async (trx) => {
    const key = keyFromName(data.label, new Set(table.allFields.map((f) => f.key)));
    const now = Date.now();
    const row = await trx
      .insertInto("data_fields")
      .values({
        table_id: table.id,
        key,
        label: data.label,
        type: data.type,
        options: JSON.stringify(options),
        required: data.required && !definition.readOnly ? 1 : 0,
        sensitive: (data.sensitive ?? definition.sensitiveByDefault) ? 1 : 0,
        hidden: 0,
        builtin: 0,
        sort: Math.max(0, ...table.allFields.map((f) => f.sort)) + 1,
        removed_at: null,
        created_at: now,
        updated_at: now,
      })
      .executeTakeFirstOrThrow();
    await recordAudit(trx, services.dialect, {
      event: "schema.field_added",
      data: { table: table.key, field: key, label: data.label, type: data.type },
      caller,
      target: { type: "table", id: table.key },
    });
    return Number(row.insertId);
  });
  return (await findField(services, id)).field;
}

export async function updateField(
  services: Services,
  caller: Caller,
  fieldId: number,
  input: unknown,
): Promise<FieldDef> {
  await authorize(services, caller, "schema.write");
  const data = parseInput(updateFieldSchema, input);
  const { table, field } = await findField(services, fieldId);
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  const set: Record<string, string | number> = {};
  const rewrites: { id: number; formula: string }[] = [];

  if (data.label !== undefined && data.label !== field.label) {
    assertLabelFree(data.label, table.fields, field.id);
    changes.label = { before: field.label, after: data.label };
    set.label = data.label;
    // Formulas name fields by label: follow the rename so they keep computing.
    for (const f of formulasReading(field.label, table.fields))
      rewrites.push({
        id: f.id,
        formula: f.options.formula!.replaceAll(`[${field.label}]`, `[${data.label}]`),
      });
  }
  for (const key of ["required", "sensitive", "hidden"] as const) {
    const value = data[key];
    if (value === undefined || value === field[key]) continue;
    if (key === "required" && value && fieldType(field.type).readOnly)
      throw invalid("计算或系统字段不能设为必填 / A computed field cannot be required");
    changes[key] = { before: field[key], after: value };
    set[key] = value ? 1 : 0;
  }
  const optionInput = { ...field.options, ...definedOptions(data) };
  let merged = field.options;
  if (JSON.stringify(optionInput) !== JSON.stringify(field.options)) {
    const others = table.fields.filter((f) => f.id !== field.id);
    const options = await checkFieldOptions(services.db, field.type, optionInput, others);
    merged = { ...field.options, ...options };
  }
  merged = withResidentFlags(field.type, merged, data);
  if (JSON.stringify(merged) !== JSON.stringify(field.options)) {
    changes.options = { before: field.options, after: merged };
    set.options = JSON.stringify(merged);
  }
  if (Object.keys(changes).length === 0) return field;

  await services.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("data_fields")
      .set({ ...set, updated_at: Date.now() })
      .where("id", "=", field.id)
      .execute();
    // Values stored before the field became sensitive get sealed by a background sweep.
    if (changes.sensitive?.after === true) {
      const setting = resealSetting(field.id);
      await trx.deleteFrom("settings").where("key", "=", setting.key).execute();
      await trx.insertInto("settings").values(setting).execute();
    }
    for (const r of rewrites) {
      const current = table.fields.find((f) => f.id === r.id)!;
      await trx
        .updateTable("data_fields")
        .set({ options: JSON.stringify({ ...current.options, formula: r.formula }), updated_at: Date.now() })
        .where("id", "=", r.id)
        .execute();
    }
    await recordAudit(trx, services.dialect, {
      event: "schema.field_updated",
      data: { table: table.key, field: field.key, changes },
      caller,
      target: { type: "table", id: table.key },
    });
  });
  if (changes.sensitive?.after === true)
    void resealPending(services).catch((error) =>
      services.log.error(
        { err: error },
        "sealing a field's existing values failed; it resumes at the next start",
      ),
    );
  return (await findField(services, field.id)).field;
}

function definedOptions(data: z.output<typeof updateFieldSchema>) {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(optionsShape) as (keyof typeof optionsShape)[])
    if (data[key] !== undefined && data[key] !== "") out[key] = data[key];
  return out;
}

export async function moveField(
  services: Services,
  caller: Caller,
  fieldId: number,
  input: unknown,
): Promise<TableDef> {
  await authorize(services, caller, "schema.write");
  const { direction } = parseInput(moveFieldSchema, input);
  const { table, field } = await findField(services, fieldId);
  const order = [...table.fields];
  const at = order.findIndex((f) => f.id === field.id);
  const to = direction === "up" ? at - 1 : at + 1;
  if (at < 0 || to < 0 || to >= order.length) return table;
  [order[at], order[to]] = [order[to]!, order[at]!];
  await services.db.transaction().execute(async (trx) => {
    for (const [index, f] of order.entries())
      if (f.sort !== index)
        await trx.updateTable("data_fields").set({ sort: index }).where("id", "=", f.id).execute();
    await recordAudit(trx, services.dialect, {
      event: "schema.fields_reordered",
      data: { table: table.key, order: order.map((f) => f.key) },
      caller,
      target: { type: "table", id: table.key },
    });
  });
  return loadTable(services.db, table.id);
}

/** Built-in identity fields stay: records are unique by them and named by them. */
const KEPT = (f: FieldDef) => f.builtin && (f.required || f.options.unique === true);

export async function removeField(services: Services, caller: Caller, fieldId: number): Promise<FieldDef> {
  await authorize(services, caller, "schema.write");
  const { table, field } = await findField(services, fieldId);
  if (field.removedAt !== null) return field;
  if (KEPT(field))
    throw invalid(
      `“${field.label}”是识别人员的字段，不能移除，可以隐藏 / "${field.label}" identifies records; hide it instead`,
    );
  const readers = formulasReading(field.label, table.fields);
  if (readers.length > 0)
    throw invalid(
      `公式字段 ${readers.map((f) => `“${f.label}”`).join("、")} 用到了“${field.label}”，请先修改公式 / ` +
        `Formula fields ${readers.map((f) => `"${f.label}"`).join(", ")} read "${field.label}"; change them first`,
    );
  await setRemoved(services, caller, table, field, Date.now());
  return (await findField(services, field.id)).field;
}

export async function restoreField(services: Services, caller: Caller, fieldId: number): Promise<FieldDef> {
  await authorize(services, caller, "schema.write");
  const { table, field } = await findField(services, fieldId);
  if (field.removedAt === null) return field;
  assertLabelFree(field.label, table.fields, field.id);
  await setRemoved(services, caller, table, field, null);
  return (await findField(services, field.id)).field;
}

async function setRemoved(
  services: Services,
  caller: Caller,
  table: TableDef,
  field: FieldDef,
  removedAt: number | null,
): Promise<void> {
  await services.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("data_fields")
      .set({ removed_at: removedAt, updated_at: Date.now() })
      .where("id", "=", field.id)
      .execute();
    await recordAudit(trx, services.dialect, {
      event: removedAt === null ? "schema.field_restored" : "schema.field_removed",
      data: { table: table.key, field: field.key, label: field.label },
      caller,
      target: { type: "table", id: table.key },
    });
  });
}
