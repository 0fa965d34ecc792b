// The part of deciding a row that needs no database: its cells read into field inputs, prepared as a new
// record would be, and the blind digest of its document number. Runs in the sheet-reading worker thread
// (beside unzipping and parsing) so the importer's own thread only matches, decides and writes.
import { lookupDigest, type Values } from "../../people/records/codec.server.ts";
import { prepareValues } from "../../people/records/prepare.ts";
import type { Dictionary } from "../../schema/dictionaries/index.ts";
import type { ParseContext } from "../../schema/field-types/index.ts";
import { fieldType } from "../../schema/field-types/registry.ts";
import type { FieldDef, TableDef } from "../../schema/tables.server.ts";
import type { SheetRow } from "../read/source.ts";
import type { ColumnMapping } from "./columns.ts";
import { type RowInput, readRow } from "./row.ts";

/** Everything the preparer needs, as plain data a worker thread can receive. */
export interface RowSetup {
  tableKey: string;
  fields: FieldDef[];
  mapping: ColumnMapping[];
  headerRow: number;
  delimited: boolean;
  dictionaries: [string, Dictionary][];
  today: string | undefined;
  date1904: boolean;
  blindKey: Uint8Array;
}

export function parseContextOf(setup: Pick<RowSetup, "dictionaries" | "today" | "date1904">): ParseContext {
  const dictionaries = new Map(setup.dictionaries);
  return {
    dictionary: (key) => dictionaries.get(key),
    source: "spreadsheet",
    today: setup.today,
    date1904: setup.date1904,
  };
}

/** The digest a row's document number is looked up and de-duplicated by, or null without a valid one. */
export function documentDigestOf(
  field: FieldDef | null,
  tableKey: string,
  blindKey: Buffer,
  input: Values,
  parse: ParseContext,
): string | null {
  if (!field || input[field.key] === undefined) return null;
  const parsed = fieldType(field.type).parse(input[field.key], field, parse);
  if (!parsed.ok || parsed.value === null) return null;
  return lookupDigest(blindKey, { key: tableKey } as TableDef, field, parsed.value);
}

export function rowPreparer(setup: RowSetup): (row: SheetRow) => RowInput {
  const parse = parseContextOf(setup);
  const blindKey = Buffer.from(setup.blindKey);
  const documentField = setup.fields.find((f) => f.type === "document" && f.options.unique) ?? null;
  const typeOf = (key: string) => setup.fields.find((f) => f.key === key)?.type;
  return (row) => {
    const read = readRow(row, setup.mapping, typeOf, setup.delimited);
    if (read.blank) return read;
    read.pre = prepareValues(setup.fields, read.input, null, parse);
    read.digest = documentDigestOf(documentField, setup.tableKey, blindKey, read.input, parse);
    return read;
  };
}
