// The in-memory DuckDB replica of one record table: loaded from the relational store at start and kept
// current by following `record_versions` (every save writes one row there, in the save's transaction).
// Sensitive values are decrypted into memory only; nothing of the replica is written to disk.
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import type { Services } from "../app/core/services.server.ts";
import { decodeDocument, recordCodec, type Values } from "../app/people/records/codec.server.ts";
import { loadTable, type TableDef } from "../app/schema/tables.server.ts";
import { appendCell, quoteIdent, type ReplicaColumn, replicaColumns, searchText } from "./columns.ts";

const BATCH = 5000;

export interface Replica {
  readonly tableKey: string;
  /** The newest version row the replica reflects. */
  readonly seenVersion: number;
  readonly connection: DuckDBConnection;
  /** One per field, in the table's column order (fields added later come last). */
  readonly columns: readonly ReplicaColumn[];
  /** Apply every change committed since the last call; returns how many records changed. */
  refresh(): Promise<number>;
  /** Refresh every `intervalMs` until closed, so a save is seen by every reader within a second. */
  follow(intervalMs?: number): void;
  close(): void;
}

interface StoredRow {
  id: number;
  system_id: string;
  org_path: string;
  deleted_at: number | null;
  data: string;
}

export async function openReplica(services: Services, tableKey = "people"): Promise<Replica> {
  let table = await loadTable(services.db, tableKey);
  const columns = replicaColumns(table.allFields);
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await connection.run(
    `CREATE TABLE records (id BIGINT PRIMARY KEY, system_id VARCHAR, org_path VARCHAR, deleted BOOLEAN, ` +
      `search VARCHAR${columns.map((c) => `, ${quoteIdent(c.name)} ${c.type}`).join("")})`,
  );
  // Read the version head first: anything committed while loading is applied again by the first refresh.
  let seenVersion = await newestVersion(services);
  for (let after = 0; ; ) {
    const rows = await services.db
      .selectFrom("records")
      .select(["id", "system_id", "org_path", "deleted_at", "data"])
      .where("table_id", "=", table.id)
      .where("id", ">", after)
      .orderBy("id")
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    await append(connection, services, table, columns, rows);
    after = Number(rows.at(-1)!.id);
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | null = null;
  const replica: Replica = {
    tableKey,
    connection,
    columns,
    get seenVersion() {
      return seenVersion;
    },
    refresh() {
      // One refresh at a time: a timer tick during a slow one waits for it instead of racing it.
      running ??= (async () => {
        try {
          table = await addNewFields(connection, services, table, columns);
          const { changed, upTo } = await changedSince(services, table.id, seenVersion);
          if (changed.length > 0) {
            const rows = await services.db
              .selectFrom("records")
              .select(["id", "system_id", "org_path", "deleted_at", "data"])
              .where("id", "in", changed)
              .execute();
            await connection.run(`DELETE FROM records WHERE id IN (${changed.map(Number).join(",")})`);
            await append(connection, services, table, columns, rows);
          }
          seenVersion = upTo;
          return changed.length;
        } finally {
          running = null;
        }
      })();
      return running;
    },
    follow(intervalMs = 250) {
      timer ??= setInterval(() => {
        replica.refresh().catch((error) => services.log.error({ err: error }, "replica refresh failed"));
      }, intervalMs);
      timer.unref();
    },
    close() {
      if (timer) clearInterval(timer);
      connection.closeSync();
      instance.closeSync();
    },
  };
  return replica;
}

/** Fields staff added since the replica was built become columns (empty until records are saved). */
async function addNewFields(
  connection: DuckDBConnection,
  services: Services,
  table: TableDef,
  columns: ReplicaColumn[],
): Promise<TableDef> {
  const current = await loadTable(services.db, table.id);
  const known = new Set(columns.map((c) => c.name));
  for (const column of replicaColumns(current.allFields).filter((c) => !known.has(c.name))) {
    await connection.run(`ALTER TABLE records ADD COLUMN ${quoteIdent(column.name)} ${column.type}`);
    columns.push(column);
  }
  return current;
}

async function newestVersion(services: Services): Promise<number> {
  const row = await services.db
    .selectFrom("record_versions")
    .select((eb) => eb.fn.max("id").as("last"))
    .executeTakeFirst();
  return Number(row?.last ?? 0);
}

/** Records of the table touched by versions after `after` (a purge leaves no version: its ids vanish). */
async function changedSince(services: Services, tableId: number, after: number) {
  const versions = await services.db
    .selectFrom("record_versions")
    .select(["id", "record_id"])
    .where("table_id", "=", tableId)
    .where("id", ">", after)
    .orderBy("id")
    .execute();
  const upTo = versions.length > 0 ? Number(versions.at(-1)!.id) : after;
  return { changed: [...new Set(versions.map((v) => Number(v.record_id)))], upTo };
}

async function append(
  connection: DuckDBConnection,
  services: Services,
  table: TableDef,
  columns: readonly ReplicaColumn[],
  rows: readonly StoredRow[],
): Promise<void> {
  const appender = await connection.createAppender("records");
  for (const row of rows) {
    const codec = recordCodec(services.cipher, table, row.system_id);
    const values = decodeDocument(codec, table.allFields, JSON.parse(row.data) as Values);
    appender.appendBigInt(BigInt(row.id));
    appender.appendVarchar(row.system_id);
    appender.appendVarchar(row.org_path);
    appender.appendBoolean(row.deleted_at !== null);
    appender.appendVarchar(searchText(columns, values));
    for (const column of columns) appendCell(appender, column, column.read(values));
    appender.endRow();
  }
  appender.closeSync();
}
