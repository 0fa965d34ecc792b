// One stored record → one replica row: the document parsed, its sealed values opened, the search text and
// every column's cell read. The costly part of building a replica (JSON.parse, AES-GCM per sensitive
// value, pinyin of names); it runs on the main thread for a refresh and in worker threads for a full load
// (decode-pool.server.ts), so it depends on nothing but the cipher and the table's definition.
import type { FieldCipher } from "../app/people/crypto/field-cipher.server.ts";
import { decodeDocument, recordCodec, type Values } from "../app/people/records/codec.server.ts";
import type { TableDef } from "../app/schema/tables.server.ts";
import { type ReplicaColumn, searchText } from "./columns.ts";
import { SIGNATURE_COLUMNS, textSignature } from "./signature.ts";

/** A row of the relational `records` table as the replica reads it. */
export interface StoredRow {
  id: number;
  system_id: string;
  org_path: string;
  deleted_at: number | null;
  data: string;
}

/**
 * A replica row in the physical column order of `records`: id, system_id, org_path, deleted, search,
 * the search text's signature (sig_0 … sig_7), then one cell per replica column.
 */
export type RowCells = unknown[];

/** The leading columns every replica row has, before the columns of its fields. */
export const FIXED_COLUMNS = [
  "id",
  "system_id",
  "org_path",
  "deleted",
  "search",
  ...SIGNATURE_COLUMNS,
] as const;

export function rowDecoder(
  cipher: FieldCipher,
  table: TableDef,
  columns: readonly ReplicaColumn[],
): (row: StoredRow) => RowCells {
  return (row) => {
    const codec = recordCodec(cipher, table, row.system_id);
    const values = decodeDocument(codec, table.allFields, JSON.parse(row.data) as Values);
    const cells: RowCells = new Array(FIXED_COLUMNS.length + columns.length);
    cells[0] = Number(row.id);
    cells[1] = row.system_id;
    cells[2] = row.org_path;
    cells[3] = row.deleted_at !== null;
    const search = searchText(columns, values);
    cells[4] = search;
    textSignature(search).forEach((word, k) => {
      cells[5 + k] = word;
    });
    for (let i = 0; i < columns.length; i++) cells[FIXED_COLUMNS.length + i] = columns[i]!.read(values);
    return cells;
  };
}
