// A worker thread decoding stored records into replica rows during a full load (see decode-pool.server.ts).
import { parentPort, workerData } from "node:worker_threads";
import { fieldCipherFromFieldKeys } from "../app/people/crypto/field-cipher.server.ts";
import type { TableDef } from "../app/schema/tables.server.ts";
import { replicaColumns } from "./columns.ts";
import { rowDecoder, type StoredRow } from "./decode.ts";

export interface DecodeWorkerData {
  /** The field-encryption key (the only kind of key the worker holds). */
  fieldKey: Uint8Array;
  /** Old field-encryption keys during a key rotation, so values not yet re-sealed still open. */
  oldFieldKeys: Uint8Array[];
  table: TableDef;
  /** The replica's column names in physical order. */
  columnNames: string[];
}

const data = workerData as DecodeWorkerData;
const cipher = fieldCipherFromFieldKeys(data.fieldKey, data.oldFieldKeys);
const byName = new Map(replicaColumns(data.table.allFields).map((c) => [c.name, c]));
const columns = data.columnNames.map((name) => {
  const column = byName.get(name);
  if (!column) throw new Error(`no column ${name}`);
  return column;
});
const decode = rowDecoder(cipher, data.table, columns);

parentPort!.on("message", (message: { seq: number; rows: StoredRow[] }) => {
  try {
    parentPort!.postMessage({ seq: message.seq, cells: message.rows.map(decode) });
  } catch (error) {
    parentPort!.postMessage({ seq: message.seq, error: (error as Error).message });
  }
});
parentPort!.postMessage({ ready: true });
