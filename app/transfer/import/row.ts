// One sheet row as the importer reads it: the raw cell of each mapped field (numbers stay numbers, so an
// ID number Excel already turned into a number is caught by the document type), the org named, the
// system ID and the exported version. Pure.
import type { Values } from "../../people/records/codec.server.ts";
import type { Prepared } from "../../people/records/prepare.ts";
import type { CellValue, SheetRow } from "../read/source.ts";
import { type ColumnMapping, cellText } from "./columns.ts";

export interface RowInput {
  number: number;
  cells: readonly CellValue[];
  blank: boolean;
  /** Field key → the cell as read. */
  input: Values;
  orgText: string | null;
  systemId: string | null;
  /** The version the sheet was exported at; "invalid" when the column holds something else. */
  version: number | "invalid" | null;
  /** Made beside the reading (a worker thread): the values as a new record, and the document digest. */
  pre?: Prepared;
  digest?: string | null;
}

// Types whose parser reads numbers and dates themselves; every other type gets the cell as text.
const RAW_CELL_TYPES = new Set([
  "document",
  "mobile",
  "date",
  "datetime",
  "integer",
  "decimal",
  "money",
  "boolean",
  "text",
]);

// A CSV text that started with = + - or @ is written with a leading apostrophe so a spreadsheet does
// not run it as a formula (our own export does this); reading it back, the apostrophe goes.
const GUARDED = /^'[=+\-@]/;

export function readRow(
  row: SheetRow,
  mapping: readonly ColumnMapping[],
  typeOf: (key: string) => string | undefined,
  delimited = false,
): RowInput {
  const out: RowInput = {
    number: row.number,
    cells: row.cells,
    blank: row.cells.every((c) => cellText(c) === ""),
    input: {},
    orgText: null,
    systemId: null,
    version: null,
  };
  if (out.blank) return out;
  for (const { column, target } of mapping) {
    if (!target) continue;
    const read = row.cells[column] ?? null;
    const cell = delimited && typeof read === "string" && GUARDED.test(read) ? read.slice(1) : read;
    const text = cellText(cell);
    if (target.kind === "field") {
      const type = typeOf(target.key);
      out.input[target.key] =
        cell === null || RAW_CELL_TYPES.has(type ?? "") || typeof cell === "boolean" ? cell : text;
    } else if (target.kind === "org") out.orgText = text || null;
    else if (target.kind === "systemId") out.systemId = text.toUpperCase() || null;
    else if (text !== "") {
      const version = Number(text);
      out.version = Number.isSafeInteger(version) && version > 0 ? version : "invalid";
    }
  }
  return out;
}
