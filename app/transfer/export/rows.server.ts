// The records of an export, read from the relational store (the source of what a row holds) by id in
// batches, and opened: only the fields the export shows (every field when a formula reads others),
// sealed values decrypted, formula fields computed the way the record presenter computes them.

import type { Services } from "../../core/services.server.ts";
import type { Values } from "../../people/records/codec.server.ts";
import { recordCodec } from "../../people/records/codec.server.ts";
import { formulaComputer, orgNames } from "../../people/records/present.server.ts";
import { liveChildrenOf, liveRecordsIn, type StoredRecord } from "../../people/records/repository.server.ts";
import { compileFormula, formulaFields as fieldsRead } from "../../query/formula/index.ts";
import { formulaFields as knownFields } from "../../schema/field-rules.server.ts";
import type { FieldDef, TableDef } from "../../schema/tables.server.ts";

/** Live records of the table among `ids`, inside `scopePath` (the replica chose them; the store agrees). */
export async function readRecords(
  services: Services,
  table: TableDef,
  scopePath: string,
  ids: readonly number[],
): Promise<Map<number, StoredRecord>> {
  const rows = await liveRecordsIn(services.db, table.id, scopePath, ids);
  return new Map(rows.map((r) => [Number(r.id), r]));
}

/** Org names as the grid shows them (丰盛社区 / 第二网格), looked up once per org for the whole export. */
export function orgNamer(services: Services) {
  const known = new Map<number, string>();
  return async (records: Iterable<StoredRecord>): Promise<(record: StoredRecord) => string> => {
    const missing = new Set<number>();
    for (const r of records) if (!known.has(Number(r.org_id))) missing.add(Number(r.org_id));
    if (missing.size > 0) for (const [id, name] of await orgNames(services.db, missing)) known.set(id, name);
    return (record) => known.get(Number(record.org_id)) ?? "";
  };
}

/**
 * Live sub-table rows under these parents, in the parents' order, then by id. The parent is in the
 * reader's scope, and a sub-table row lives in its parent's org.
 */
export async function readSubRows(
  services: Services,
  sub: TableDef,
  parentIds: readonly number[],
): Promise<(StoredRecord & { parent_system_id: string })[]> {
  const rows = await liveChildrenOf(services.db, sub.id, parentIds);
  const place = new Map(parentIds.map((id, i) => [id, i]));
  return rows.sort(
    (a, b) =>
      place.get(Number(a.parent_id))! - place.get(Number(b.parent_id))! || Number(a.id) - Number(b.id),
  );
}

/** The fields the table's formula fields read (a formula may read another: those are computed too). */
function formulaInputs(table: TableDef): Set<string> {
  const known = knownFields(table.fields);
  const keys = new Set<string>();
  for (const field of table.fields) {
    if (field.type !== "formula") continue;
    const checked = compileFormula(field.options.formula ?? "", known);
    if (checked.ok) for (const key of fieldsRead(checked)) keys.add(key);
  }
  return keys;
}

/** Opens a stored record into the values an export shows. Built once per sheet, used per row. */
export function recordOpener(
  services: Services,
  table: TableDef,
  shown: readonly FieldDef[],
): (row: StoredRecord) => Values {
  const formulas = shown.some((f) => f.type === "formula");
  // Only what is shown or a formula reads is decrypted: opening a sealed value is the costly part.
  const wanted = new Set([...shown.map((f) => f.key), ...(formulas ? formulaInputs(table) : [])]);
  const opened = table.fields.filter((f) => f.type !== "formula" && wanted.has(f.key));
  const compute = formulas ? formulaComputer(table) : null;
  return (row) => {
    // The parsed document becomes the values: sealed ones are replaced by their plain text in place.
    const values = JSON.parse(row.data) as Values;
    const codec = recordCodec(services.cipher, table, row.system_id);
    for (const field of opened) {
      const stored = values[field.key];
      if (stored !== undefined && stored !== null) values[field.key] = codec.open(field, stored);
    }
    compute?.(values);
    return values;
  };
}
