// Which columns an export has: the keys asked for (or the table's visible fields), resolved through the
// query's own field resolver, so a computed column of the view or an address level is known exactly as
// the grid knows it, and an unknown name is a 400 that names it.
import type { CompiledQuery } from "../../../analytics/query/compile.ts";
import { type ResolvedField, SYSTEM_COLUMNS } from "../../../analytics/query/fields.ts";
import { formulaFields } from "../../schema/field-rules.server.ts";
import type { FieldDef, TableDef } from "../../schema/tables.server.ts";
import {
  type ColumnContext,
  type ExportColumn,
  fieldColumn,
  ORG_HEADER,
  replicaColumn,
  systemColumns,
} from "./columns.ts";
import type { Selection } from "./selection.server.ts";

export interface ColumnPlan {
  /** Fields of the table the export shows (opened from the store). */
  fields: FieldDef[];
  /** Columns only the replica computes, read in the same scan as the order. */
  computed: ResolvedField[];
  /** The grid's 所属组织 column was asked for. */
  withOrg: boolean;
  /** The sheet's columns, 系统编号 first and 数据版本 last, once the selection holds computed values. */
  columns(selection: Selection): ExportColumn[];
}

const ORG_KEY = "$org";

/** A key, or failing that a label (an operator may type 姓名 rather than `name`). */
function resolve(compiled: CompiledQuery, key: string): ResolvedField {
  const all = compiled.fields.all();
  return all.find((f) => f.key === key) ?? all.find((f) => f.label === key) ?? compiled.fields.get(key);
}

export function planColumns(
  compiled: CompiledQuery,
  keys: readonly string[] | undefined,
  ctx: ColumnContext,
): ColumnPlan {
  const table = compiled.table;
  const chosen = keys?.length ? keys : table.fields.filter((f) => !f.hidden).map((f) => f.key);
  const seen = new Set<string>();
  const resolved = chosen
    // The grid's 编号 column is the export's first column anyway.
    .filter((key) => key !== SYSTEM_COLUMNS.$id!.key)
    .map((key) => resolve(compiled, key))
    .filter((f) => !seen.has(f.key) && seen.add(f.key));
  const system = systemColumns(ctx.format);
  const orgColumn = (): ExportColumn => ({
    header: ORG_HEADER,
    kind: "text",
    numFmt: "@",
    key: null,
    masked: false,
    cell: (row) => row.orgName,
  });
  return {
    fields: resolved.flatMap((f) => (f.field ? [f.field] : [])),
    computed: resolved.filter((f) => !f.field && f.key !== ORG_KEY),
    withOrg: seen.has(ORG_KEY),
    columns: (selection) => [
      system.systemId,
      ...resolved.map((f) =>
        f.key === ORG_KEY
          ? orgColumn()
          : f.field
            ? fieldColumn(f.field, ctx, f.formulaType)
            : replicaColumn(f, selection.computed.get(f.key) ?? [], ctx),
      ),
      system.version,
    ],
  };
}

/** A sub-table sheet: 系统编号, the parent's 系统编号, the sub-table's visible fields, 数据版本. */
export function subTableColumns(
  sub: TableDef,
  ctx: ColumnContext,
): { fields: FieldDef[]; columns: ExportColumn[] } {
  const fields = sub.fields.filter((f) => !f.hidden);
  const system = systemColumns(ctx.format);
  const results = new Map(formulaFields(sub.fields).map((f) => [f.key, f.resultType]));
  return {
    fields,
    columns: [
      system.systemId,
      system.parent,
      ...fields.map((f) => fieldColumn(f, ctx, results.get(f.key))),
      system.version,
    ],
  };
}
