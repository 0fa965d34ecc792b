// The in-memory DuckDB replica of one record table. Opened from its snapshot on disk plus the changes
// committed since (snapshot.server.ts), or loaded in full from the relational store, then kept current by
// following `record_versions` (every save writes one row there, in the save's transaction) and
// `record_marks` (colour marks, append-only), gap-safe with concurrent writers (change-feed.server.ts).
//
// Its DuckDB tables, for the query engine (analytics/query/):
//   records(id BIGINT PRIMARY KEY, system_id VARCHAR, org_path VARCHAR, deleted BOOLEAN, search VARCHAR,
//           sig_0 … sig_7 BIGINT (the search text's signature, analytics/signature.ts),
//           <one column per replica column, see columns.ts>)
//   marks(record_id BIGINT PRIMARY KEY, colour VARCHAR)   the record's current colour mark ('#e5484d'),
//           no row when it has none; queries LEFT JOIN marks ON marks.record_id = records.id
// Readers use `connection`; changes are applied on another connection of the same database in one
// transaction each, so a reader never sees a refresh half done. Sensitive values are decrypted into
// memory only (DuckDB is told never to spill to disk); the snapshot seals them.
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import type { Services } from "../app/core/services.server.ts";
import { loadTable, type TableDef } from "../app/schema/tables.server.ts";
import { type ChangeFeed, feedAtHead, feedFrom } from "./change-feed.server.ts";
import { appendCell, quoteIdent, type ReplicaColumn, replicaColumns } from "./columns.ts";
import { FIXED_COLUMNS, type RowCells, rowDecoder, type StoredRow } from "./decode.ts";
import { decodePool, defaultThreads, inlinePool, WORKER_MIN_ROWS } from "./decode-pool.server.ts";
import { SIGNATURE_COLUMNS } from "./signature.ts";
import {
  type Anchor,
  fingerprint,
  restoreSnapshot,
  type SnapshotState,
  writeSnapshot,
} from "./snapshot.server.ts";

/** Records read from the store per query. */
const BATCH = 5000;
/** Ids per `IN (…)` query when fetching changed records or marks. */
const IN_CHUNK = 1000;

export interface ReplicaOptions {
  /** Where the snapshot is read and written (`<data dir>/replica`); without it, always a full load. */
  snapshotDir?: string;
  /** Worker threads decoding a full load (default: one per spare core, at most 4; 0: main thread). */
  threads?: number;
  /**
   * Called once when a field's definition changed in a way the loaded rows cannot follow (marked
   * sensitive, or no longer a person's name): the replica must be rebuilt (the registry does).
   */
  onStale?: () => void;
  /** Gives up a load under way (at shutdown): the open rejects between two batches. */
  signal?: AbortSignal;
}

/** How the replica was built. */
export interface ReplicaOrigin {
  source: "snapshot" | "full";
  /** Why a snapshot was not used (for a full load where a snapshot directory was given). */
  reason?: string;
  rows: number;
  ms: number;
  /** Where the time went, in ms per step (for the log). */
  steps: Record<string, number>;
}

export interface Replica {
  readonly tableKey: string;
  readonly tableId: number;
  /** The newest version row the replica has seen. */
  readonly seenVersion: number;
  /** For queries: sees each refresh whole or not at all. */
  readonly connection: DuckDBConnection;
  /** One per field, in the table's column order (fields added later come last). */
  readonly columns: readonly ReplicaColumn[];
  readonly origin: ReplicaOrigin;
  /** True once a field changed so that the replica must be rebuilt (see `onStale`). */
  readonly stale: boolean;
  /** Apply every change committed since the last call; returns how many records changed. */
  refresh(): Promise<number>;
  /** Refresh every `intervalMs` until closed, so a save is seen by every reader within a second. */
  follow(intervalMs?: number): void;
  /**
   * Write the snapshot when something changed since the last one (or none was written from this
   * load); resolves true when it wrote one. Does nothing without a snapshot directory or when stale.
   */
  saveSnapshot(options?: { force?: boolean }): Promise<boolean>;
  /** Stop following and free the memory (after a refresh or snapshot under way). */
  close(): Promise<void>;
}

export async function openReplica(
  services: Services,
  tableKey = "people",
  options: ReplicaOptions = {},
): Promise<Replica> {
  const started = performance.now();
  const steps: Record<string, number> = {};
  let lap = started;
  const step = (name: string) => {
    const now = performance.now();
    steps[name] = Math.round(now - lap);
    lap = now;
  };
  let table = await loadTable(services.db, tableKey);
  // Nothing of the replica may reach the disk: no spilling of intermediate results.
  const instance = await DuckDBInstance.create(":memory:", { temp_directory: "" });
  const connection = await instance.connect();
  const writer = await instance.connect();
  const columns: ReplicaColumn[] = replicaColumns(table.allFields);
  await createTables(writer, columns);

  let versions: ChangeFeed;
  let marks: ChangeFeed;
  let origin: ReplicaOrigin;
  /** Something changed since the last snapshot (or no snapshot holds this load yet). */
  let dirty: boolean;
  try {
    const restored = options.snapshotDir
      ? await restoreSnapshot({
          dir: options.snapshotDir,
          table,
          columns,
          keys: services.keys,
          db: services.db,
          connection: writer,
          steps,
        })
      : ({ ok: false, reason: "no snapshot directory" } as const);
    step("snapshot");
    if (restored.ok) {
      versions = feedFrom(services.db, "record_versions", table.id, restored.state.versions);
      marks = feedFrom(services.db, "record_marks", table.id, restored.state.marks);
      const fixed = await reconcile(services, writer, table, columns);
      step("reconcile");
      origin = { source: "snapshot", rows: restored.rows, ms: 0, steps };
      dirty = fixed > 0;
    } else {
      // The feeds start before the load: a change committed meanwhile is applied again by the first refresh.
      versions = await feedAtHead(services.db, "record_versions", table.id);
      marks = await feedAtHead(services.db, "record_marks", table.id);
      const rows = await loadAll(
        services,
        writer,
        table,
        columns,
        options.threads ?? defaultThreads(),
        options.signal,
      );
      step("records");
      await loadMarks(services, writer, table.id);
      step("marks");
      origin = {
        source: "full",
        reason: options.snapshotDir ? restored.reason : undefined,
        rows,
        ms: 0,
        steps,
      };
      dirty = true;
    }
  } catch (error) {
    writer.closeSync();
    connection.closeSync();
    instance.closeSync();
    throw error;
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | null = null;
  let saving: Promise<boolean> | null = null;
  let stale = false;
  let closed = false;
  /** Records and marks seen changed but not applied yet (a failed refresh tries them again). */
  const pendingRecords = new Set<number>();
  const pendingMarks = new Set<number>();
  // One refresh or snapshot pin at a time.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => {});
    return run;
  };

  const applyChanges = async (): Promise<number> => {
    table = await addNewFields(writer, services, table, columns);
    if (!stale && changedDefinitions(columns, table)) {
      stale = true;
      services.log.info({ table: table.key }, "replica: a field's definition changed, rebuilding");
      options.onStale?.();
    }
    for (const id of await versions.poll()) pendingRecords.add(id);
    for (const id of await marks.poll()) pendingMarks.add(id);
    const changed = [...pendingRecords];
    if (changed.length > 0) {
      await applyRecords(services, writer, table, columns, changed);
      for (const id of changed) pendingRecords.delete(id);
      dirty = true;
    }
    const marked = [...pendingMarks];
    if (marked.length > 0) {
      await applyMarks(services, writer, table.id, marked);
      for (const id of marked) pendingMarks.delete(id);
      dirty = true;
    }
    return changed.length;
  };

  const replica: Replica = {
    tableKey,
    tableId: table.id,
    connection,
    get columns() {
      return columns;
    },
    get seenVersion() {
      return versions.position().seen;
    },
    get origin() {
      return origin;
    },
    get stale() {
      return stale;
    },
    refresh() {
      if (closed) return Promise.resolve(0);
      // A timer tick during a slow refresh waits for it instead of starting another.
      running ??= exclusive(applyChanges).finally(() => {
        running = null;
      });
      return running;
    },
    follow(intervalMs = 250) {
      timer ??= setInterval(() => {
        replica.refresh().catch((error) => services.log.error({ err: error }, "replica refresh failed"));
      }, intervalMs);
      timer.unref();
    },
    saveSnapshot({ force = false } = {}) {
      if (!options.snapshotDir || closed || stale || (!dirty && !force)) return Promise.resolve(false);
      saving ??= save(options.snapshotDir).finally(() => {
        saving = null;
      });
      return saving;
    },
    async close() {
      if (closed) return;
      closed = true;
      if (timer) clearInterval(timer);
      await saving?.catch(() => {});
      await exclusive(async () => {});
      connection.closeSync();
      writer.closeSync();
      instance.closeSync();
    },
  };

  const save = async (dir: string): Promise<boolean> => {
    const saver = await instance.connect();
    const start = performance.now();
    try {
      const bytes = await writeSnapshot({
        dir,
        table,
        columns,
        keys: services.keys,
        connection: saver,
        pin: (begin) =>
          exclusive(async (): Promise<SnapshotState> => {
            // Changes a failed refresh left unapplied are behind the feeds' positions: not in this snapshot.
            if (pendingRecords.size > 0 || pendingMarks.size > 0)
              throw new Error("changes are waiting for a refresh to succeed");
            // What the transaction sees is the replica as of the feeds' positions now.
            await begin();
            dirty = false;
            const position = versions.position();
            return {
              versions: position,
              marks: marks.position(),
              anchor: await anchorOf(services, position.seen),
            };
          }),
      });
      services.log.info(
        { table: table.key, ms: Math.round(performance.now() - start), bytes },
        "replica snapshot written",
      );
      return true;
    } catch (error) {
      dirty = true;
      throw error;
    } finally {
      saver.closeSync();
    }
  };

  // Catch up with what was committed while loading (or since the snapshot was written).
  try {
    await replica.refresh();
  } catch (error) {
    await replica.close();
    throw error;
  }
  step("catch up");
  origin = { ...origin, ms: Math.round(performance.now() - started) };
  return replica;
}

async function createTables(writer: DuckDBConnection, columns: readonly ReplicaColumn[]): Promise<void> {
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
async function loadAll(
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
async function applyRecords(
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
    for (let i = 0; i < ids.length; i += IN_CHUNK)
      await writer.run(
        `DELETE FROM records WHERE id IN (${ids
          .slice(i, i + IN_CHUNK)
          .map(Number)
          .join(",")})`,
      );
    const appender = await writer.createAppender("records");
    appendRows(appender, columns, rows);
    appender.closeSync();
  });
}

/** Every record's newest colour mark, read in id order. */
async function loadMarks(services: Services, writer: DuckDBConnection, tableId: number): Promise<void> {
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
async function applyMarks(
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
    for (let i = 0; i < recordIds.length; i += IN_CHUNK)
      await writer.run(
        `DELETE FROM marks WHERE record_id IN (${recordIds
          .slice(i, i + IN_CHUNK)
          .map(Number)
          .join(",")})`,
      );
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
async function reconcile(
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
async function addNewFields(
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
function changedDefinitions(columns: readonly ReplicaColumn[], table: TableDef): boolean {
  const now = new Map(replicaColumns(table.allFields).map((c) => [c.name, c]));
  return columns.some((column) => {
    const current = now.get(column.name);
    return !current || fingerprint([current]) !== fingerprint([column]);
  });
}

async function anchorOf(services: Services, id: number): Promise<Anchor | null> {
  if (id === 0) return null;
  const row = await services.db
    .selectFrom("record_versions")
    .select(["record_id", "at"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? { id, recordId: Number(row.record_id), at: Number(row.at) } : null;
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
