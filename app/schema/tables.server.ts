// Reading table definitions: a table with its fields, as every record read and write needs them.
// Definitions are small (tens of fields), so they are read per call rather than cached: a field another
// user added a moment ago is always seen.
import type { Kysely, Transaction } from "kysely";
import type { DataFieldTable, DataTableTable, DB, TableKind } from "../../db/types.ts";
import { notFound } from "../core/errors.ts";
import { type FieldTypeId, isFieldTypeId } from "./field-types/registry.ts";
import type { FieldConfig, FieldOptions } from "./field-types/types.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export interface FieldDef extends FieldConfig {
  id: number;
  tableId: number;
  type: FieldTypeId;
  options: FieldOptions;
  required: boolean;
  sensitive: boolean;
  hidden: boolean;
  builtin: boolean;
  sort: number;
  /** When staff removed it; removed fields are kept for restore and history. */
  removedAt: number | null;
}

export interface TableDef {
  id: number;
  key: string;
  name: string;
  kind: TableKind;
  parentId: number | null;
  idPrefix: string;
  builtin: boolean;
  /** Every field, removed ones included, in display order. */
  allFields: FieldDef[];
  /** The fields in use, in display order. */
  fields: FieldDef[];
}

export interface TableSummary {
  id: number;
  key: string;
  name: string;
  kind: TableKind;
  parentId: number | null;
  idPrefix: string;
  builtin: boolean;
  fieldCount: number;
}

type TableRow = Pick<DataTableTable, "key" | "name" | "kind" | "parent_id" | "id_prefix" | "builtin"> & {
  id: number;
};

const toFlag = (v: unknown) => Number(v) === 1;

export function toFieldDef(row: Omit<DataFieldTable, "id"> & { id: number }): FieldDef {
  if (!isFieldTypeId(row.type)) throw new Error(`field ${row.id} has unknown type ${row.type}`);
  return {
    id: Number(row.id),
    tableId: Number(row.table_id),
    key: row.key,
    label: row.label,
    type: row.type,
    options: JSON.parse(row.options) as FieldOptions,
    required: toFlag(row.required),
    sensitive: toFlag(row.sensitive),
    hidden: toFlag(row.hidden),
    builtin: toFlag(row.builtin),
    sort: Number(row.sort),
    removedAt: row.removed_at === null ? null : Number(row.removed_at),
  };
}

function summary(row: TableRow): Omit<TableSummary, "fieldCount"> {
  return {
    id: Number(row.id),
    key: row.key,
    name: row.name,
    kind: row.kind,
    parentId: row.parent_id === null ? null : Number(row.parent_id),
    idPrefix: row.id_prefix,
    builtin: toFlag(row.builtin),
  };
}

const TABLE_COLUMNS = ["id", "key", "name", "kind", "parent_id", "id_prefix", "builtin"] as const;

/** A table by key ("people") or numeric id, with its fields; 404 when there is none. */
export async function loadTable(db: Executor, keyOrId: string | number): Promise<TableDef> {
  let q = db.selectFrom("data_tables").select(TABLE_COLUMNS);
  q =
    typeof keyOrId === "number" || /^\d+$/.test(keyOrId)
      ? q.where("id", "=", Number(keyOrId))
      : q.where("key", "=", keyOrId);
  const row = await q.executeTakeFirst();
  if (!row) throw notFound("没有这张表 / No such table");
  const fields = await db
    .selectFrom("data_fields")
    .selectAll()
    .where("table_id", "=", row.id)
    .orderBy("sort")
    .orderBy("id")
    .execute();
  const allFields = fields.map(toFieldDef);
  return {
    ...summary(row),
    allFields,
    fields: allFields.filter((f) => f.removedAt === null),
  };
}

export async function listTableSummaries(db: Executor): Promise<TableSummary[]> {
  const rows = await db
    .selectFrom("data_tables")
    .leftJoin("data_fields", (j) =>
      j.onRef("data_fields.table_id", "=", "data_tables.id").on("data_fields.removed_at", "is", null),
    )
    .select([
      "data_tables.id",
      "data_tables.key",
      "data_tables.name",
      "data_tables.kind",
      "data_tables.parent_id",
      "data_tables.id_prefix",
      "data_tables.builtin",
      "data_tables.sort",
      (eb) => eb.fn.count<number>("data_fields.id").as("field_count"),
    ])
    .groupBy([
      "data_tables.id",
      "data_tables.key",
      "data_tables.name",
      "data_tables.kind",
      "data_tables.parent_id",
      "data_tables.id_prefix",
      "data_tables.builtin",
      "data_tables.sort",
    ])
    .orderBy("data_tables.sort")
    .orderBy("data_tables.id")
    .execute();
  return rows.map((r) => ({ ...summary(r), fieldCount: Number(r.field_count) }));
}

/** The sub-tables under a main table. */
export async function subTablesOf(db: Executor, tableId: number): Promise<TableDef[]> {
  const rows = await db
    .selectFrom("data_tables")
    .select("id")
    .where("parent_id", "=", tableId)
    .orderBy("sort")
    .orderBy("id")
    .execute();
  return Promise.all(rows.map((r) => loadTable(db, Number(r.id))));
}
