// Where a sheet's header is and what its columns fill: the header row given, or found among the first rows
// under titles and form text; the automatic mapping with the wizard's choices laid over it. Pure.
import { invalid } from "../../core/errors.ts";
import { fieldType } from "../../schema/field-types/registry.ts";
import type { TableDef } from "../../schema/tables.server.ts";
import type { SheetRow } from "../read/source.ts";
import { type ColumnMapping, type ColumnTarget, cellText, findHeaderRow } from "./columns.ts";
import type { ImportOptions } from "./options.ts";

const HEADER_SEARCH_ROWS = 30;

/** The header row (given, or found among the first rows) and the rows read past it already. */
export async function locateHeader(rows: AsyncIterator<SheetRow>, table: TableDef, options: ImportOptions) {
  const head: SheetRow[] = [];
  const limit = Math.max(HEADER_SEARCH_ROWS, options.headerRow ?? 0);
  while (head.length < limit) {
    const next = await rows.next();
    if (next.done) break;
    head.push(next.value);
  }
  if (!head.some((r) => r.cells.some((c) => cellText(c) !== "")))
    throw invalid("工作表是空的，没有可导入的内容 / The sheet is empty");
  const number = options.headerRow ?? findHeaderRow(head, mappable(table));
  const header = head.find((r) => r.number === number);
  if (!header)
    throw invalid(
      "找不到表头行：前 30 行中没有一行的列名能对应到表中的字段。请在向导中指定表头行 / No header row found in the first 30 rows; choose it in the wizard",
    );
  return { header, pending: head.filter((r) => r.number > header.number) };
}

/**
 * Whether a sheet's column may fill a field (and match records by it): not a computed or system value,
 * and not photos, attachments or links to other records, which are set in the console.
 */
export const importable = (field: { type: string }) =>
  !fieldType(field.type).readOnly && !["photo", "attachments", "link"].includes(field.type);

export const mappable = (table: TableDef) =>
  table.fields.map((f) => ({ key: f.key, label: f.label, readOnly: !importable(f) }));

export function applyOverrides(
  table: TableDef,
  auto: ColumnMapping[],
  headerCells: readonly unknown[],
  options: ImportOptions,
): ColumnMapping[] {
  if (!options.columns) return auto;
  for (const { target } of options.columns) {
    if (!target?.startsWith("field:")) continue;
    const field = table.fields.find((f) => f.key === target.slice(6));
    if (!field || !importable(field))
      throw invalid(
        `不能把列导入到“${field?.label ?? target.slice(6)}” / A column cannot fill "${field?.label ?? target.slice(6)}"`,
      );
  }
  const chosen = new Map(options.columns.map((c) => [c.column, c.target]));
  const width = Math.max(auto.length, ...options.columns.map((c) => c.column + 1));
  return Array.from({ length: width }, (_, column) => {
    const base = auto[column] ?? { column, header: cellText(headerCells[column] as never), target: null };
    if (!chosen.has(column)) return base;
    return { ...base, target: parseTarget(chosen.get(column) ?? null) };
  });
}

function parseTarget(text: string | null): ColumnTarget | null {
  if (text === null) return null;
  if (text.startsWith("field:")) return { kind: "field", key: text.slice(6) };
  return { kind: text as "org" | "systemId" | "version" };
}
