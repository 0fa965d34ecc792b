// How rows get into a replica's DuckDB tables (replica.server.ts owns the replica's life): creating the
// tables, the full load (decoded in a worker pool when it pays), applying changed records and marks,
// reconciling a restored snapshot with the store, and new fields becoming columns.
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Services } from "../app/core/services.server.ts";
import { loadTable, type TableDef } from "../app/schema/tables.server.ts";
import { appendCell, quoteIdent, type ReplicaColumn, replicaColumns } from "./columns.ts";
import { FIXED_COLUMNS, type RowCells, rowDecoder, type StoredRow } from "./decode.ts";
import { decodePool, inlinePool, WORKER_MIN_ROWS } from "./decode-pool.server.ts";
import { SIGNATURE_COLUMNS } from "./signature.ts";
import { fingerprint } from "./snapshot.server.ts";

/** Records read from the store per query. */
const BATCH = 5000;
/** Ids per `IN (…)` query when fetching changed records or marks. */
const IN_CHUNK = 1000;

export async function createTables(
  writer: DuckDBConnection,
  columns: readonly ReplicaColumn[],
): Promise<void> {
  await writer.run(
    `CREATE TABLE records (id BIGINT PRIMARY KEY, system_id VARCHAR, org_path VARCHAR, deleted BOOLEAN, ` +
      `search VARCHAR${SIGNATURE_COLUMNS.map((c) => `, ${c} BIGINT`).join("")}` +
      `${columns.map((c) => `, ${quoteIdent(c.name)} ${c.type}`).join("")})`,
  );
  await writer.run("CREATE TABLE marks (record_id BIGINT PRIMARY KEY, colour VARCHAR)");
}

/** The ids of the table's records, ascending: read through an index, then the documents by id. */
async function recordIds(services: Services, tableId: number): Promise<number[]> {
  const rows = await services.db.selectFrom("records").select("id").where("table_id", "=", tableId).execute();
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

const readRows = (services: Services, ids: readonly number[]) =>
  services.db
    .selectFrom("records")
    .select(["id", "system_id", "org_path", "deleted_at", "data"])
    .where("id", "in", ids)
    .orderBy("id")
    .execute() as Promise<StoredRow[]>;

/**
 * Every record of the table, read in batches by id (each a short query, so other requests interleave on
 * SQLite's one connection), decoded by worker threads while the next batch is read and the previous one
 * appended.
 */
export async function loadAll(
  services: Services,
  writer: DuckDBConnection,
  table: TableDef,
  columns: readonly ReplicaColumn[],
  threads: number,
  signal?: AbortSignal,
): Promise<number> {
  const ids = await recordIds(services, table.id);
  const pool =
    ids.length >= WORKER_MIN_ROWS
      ? await decodePool(services, table, columns, threads)
      : inlinePool(services, table, columns);
  try {
    const decoding: Promise<RowCells[]>[] = [];
    const depth = Math.max(2, pool.threads * 2);
    const appender = await writer.createAppender("records");
    for (let i = 0; i < ids.length; i += BATCH) {
      signal?.throwIfAborted();
      decoding.push(pool.decode(await readRows(services, ids.slice(i, i + BATCH))));
      if (decoding.length >= depth) appendRows(appender, columns, await decoding.shift()!);
    }
    for (const batch of decoding) appendRows(appender, columns, await batch);
    appender.closeSync();
    return ids.length;
  } finally {
    await pool.close();
  }
}

function appendRows(
  appender: Awaited<ReturnType<DuckDBConnection["createAppender"]>>,
  columns: readonly ReplicaColumn[],
  rows: readonly RowCells[],
): void {
  for (const cells of rows) {
    appender.appendBigInt(BigInt(cells[0] as number));
    appender.appendVarchar(cells[1] as string);
    appender.appendVarchar(cells[2] as string);
    appender.appendBoolean(cells[3] as boolean);
    appender.appendVarchar(cells[4] as string);
    for (let k = 0; k < SIGNATURE_COLUMNS.length; k++) appender.appendBigInt(cells[5 + k] as bigint);
    const first = FIXED_COLUMNS.length;
    for (let i = 0; i < columns.length; i++)
      appendCell(appender, columns[i]!, cells[first + i] as Parameters<typeof appendCell>[2]);
    appender.endRow();
  }
}

/** Replace the given records by their stored state (gone from the store: gone from the replica). */
export async function applyRecords(
  services: Services,
  writer: DuckDBConnection,
  table: TableDef,
  columns: readonly ReplicaColumn[],
  ids: readonly number[],
): Promise<void> {
  const decode = rowDecoder(services.cipher, table, columns);
  const rows: RowCells[] = [];
  for (let i = 0; i < ids.length; i += IN_CHUNK)
    for (const row of await readRows(services, ids.slice(i, i + IN_CHUNK))) rows.push(decode(row));
  await inTransaction(writer, async () => {
    await deleteByIds(writer, "records", "id", ids);
    const appender = await writer.createAppender("records");
    appendRows(appender, columns, rows);
    appender.closeSync();
  });
}

/** Every record's newest colour mark, read in id order. */
export async function loadMarks(
  services: Services,
  writer: DuckDBConnection,
  tableId: number,
): Promise<void> {
  const colours = new Map<number, string | null>();
  for (let after = 0; ; ) {
    const rows = await services.db
      .selectFrom("record_marks")
      .select(["id", "record_id", "colour"])
      .where("table_id", "=", tableId)
      .where("id", ">", after)
      .orderBy("id")
      .limit(10_000)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) colours.set(Number(row.record_id), row.colour);
    after = Number(rows.at(-1)!.id);
  }
  const appender = await writer.createAppender("marks");
  for (const [recordId, colour] of colours) {
    if (colour === null) continue;
    appender.appendBigInt(BigInt(recordId));
    appender.appendVarchar(colour);
    appender.endRow();
  }
  appender.closeSync();
}

/** Set the given records' marks to their newest row (the highest id), which may be older than one seen. */
export async function applyMarks(
  services: Services,
  writer: DuckDBConnection,
  tableId: number,
  recordIds: readonly number[],
): Promise<void> {
  const colours: { recordId: number; colour: string }[] = [];
  for (let i = 0; i < recordIds.length; i += IN_CHUNK) {
    const newest = await services.db
      .selectFrom("record_marks")
      .select(["record_id", (eb) => eb.fn.max("id").as("id")])
      .where("table_id", "=", tableId)
      .where("record_id", "in", recordIds.slice(i, i + IN_CHUNK))
      .groupBy("record_id")
      .execute();
    if (newest.length === 0) continue;
    const rows = await services.db
      .selectFrom("record_marks")
      .select(["record_id", "colour"])
      .where(
        "id",
        "in",
        newest.map((n) => Number(n.id)),
      )
      .execute();
    for (const row of rows)
      if (row.colour !== null) colours.push({ recordId: Number(row.record_id), colour: row.colour });
  }
  await inTransaction(writer, async () => {
    await deleteByIds(writer, "marks", "record_id", recordIds);
    const appender = await writer.createAppender("marks");
    for (const { recordId, colour } of colours) {
      appender.appendBigInt(BigInt(recordId));
      appender.appendVarchar(colour);
      appender.endRow();
    }
    appender.closeSync();
  });
}

/**
 * After a restore: drop rows whose record is gone from the store (purged, which writes no version) and
 * load records the snapshot does not hold. Returns how many rows it changed.
 */
export async function reconcile(
  services: Services,
  writer: DuckDBConnection,
  table: TableDef,
  columns: readonly ReplicaColumn[],
): Promise<number> {
  const ids = await recordIds(services, table.id);
  await writer.run("CREATE TEMP TABLE stored_ids (id BIGINT)");
  try {
    const appender = await writer.createAppender("stored_ids");
    for (const id of ids) {
      appender.appendBigInt(BigInt(id));
      appender.endRow();
    }
    appender.closeSync();
    const gone = await writer.runAndReadAll(
      "DELETE FROM records WHERE id NOT IN (SELECT id FROM stored_ids) RETURNING id",
    );
    const missing = (
      await writer.runAndReadAll("SELECT id FROM stored_ids ANTI JOIN records USING (id) ORDER BY id")
    )
      .getRowObjectsJS()
      .map((r) => Number(r.id));
    if (missing.length > 0) await applyRecords(services, writer, table, columns, missing);
    return gone.currentRowCount + missing.length;
  } finally {
    await writer.run("DROP TABLE stored_ids");
  }
}

/** Fields staff added since the replica was built become columns (empty until records are saved). */
export async function addNewFields(
  writer: DuckDBConnection,
  services: Services,
  table: TableDef,
  columns: ReplicaColumn[],
): Promise<TableDef> {
  const current = await loadTable(services.db, table.id);
  const known = new Set(columns.map((c) => c.name));
  for (const column of replicaColumns(current.allFields).filter((c) => !known.has(c.name))) {
    await writer.run(`ALTER TABLE records ADD COLUMN ${quoteIdent(column.name)} ${column.type}`);
    columns.push(column);
  }
  return current;
}

/** A column's field now reads differently (sensitive, person name, type) than when its rows were loaded. */
export function changedDefinitions(columns: readonly ReplicaColumn[], table: TableDef): boolean {
  const now = new Map(replicaColumns(table.allFields).map((c) => [c.name, c]));
  return columns.some((column) => {
    const current = now.get(column.name);
    return !current || fingerprint([current]) !== fingerprint([column]);
  });
}

async function inTransaction(writer: DuckDBConnection, work: () => Promise<void>): Promise<void> {
  await writer.run("BEGIN TRANSACTION");
  try {
    await work();
    await writer.run("COMMIT");
  } catch (error) {
    await writer.run("ROLLBACK").catch(() => {});
    throw error;
  }
}

/** Delete the rows of `ids` (numbers, inlined as such) in chunks DuckDB parses quickly. */
async function deleteByIds(
  writer: DuckDBConnection,
  table: "records" | "marks",
  column: "id" | "record_id",
  ids: readonly number[],
): Promise<void> {
  for (let i = 0; i < ids.length; i += IN_CHUNK)
    await writer.run(
      `DELETE FROM ${table} WHERE ${column} IN (${ids
        .slice(i, i + IN_CHUNK)
        .map(Number)
        .join(",")})`,
    );
}
