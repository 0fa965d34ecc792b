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
import { loadTable } from "../app/schema/tables.server.ts";
import { type ChangeFeed, feedAtHead, feedFrom } from "./change-feed.server.ts";
import { type ReplicaColumn, replicaColumns } from "./columns.ts";
import { defaultThreads } from "./decode-pool.server.ts";
import { appendHistory, createHistoryTables, loadHistory } from "./history.server.ts";
import {
  addNewFields,
  applyMarks,
  applyRecords,
  changedDefinitions,
  createTables,
  loadAll,
  loadMarks,
  reconcile,
} from "./replica-writes.server.ts";
import { type Anchor, restoreSnapshot, type SnapshotState, writeSnapshot } from "./snapshot.server.ts";

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
  await createHistoryTables(writer);

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
      await loadHistory(services, writer, table, options.signal);
      step("history");
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
  let again: Promise<number> | null = null;
  let saving: Promise<boolean> | null = null;
  let stale = false;
  let closed = false;
  /** Records and marks seen changed but not applied yet (a failed refresh tries them again). */
  const pendingRecords = new Set<number>();
  const pendingMarks = new Set<number>();
  /** Version rows seen but not in the history tables yet. */
  const pendingVersions = new Set<number>();
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
    for (const id of versions.drainIds()) pendingVersions.add(id);
    const changed = [...pendingRecords];
    if (changed.length > 0) {
      await applyRecords(services, writer, table, columns, changed);
      for (const id of changed) pendingRecords.delete(id);
      dirty = true;
    }
    const seenVersions = [...pendingVersions];
    if (seenVersions.length > 0) {
      await appendHistory(services, writer, table, seenVersions);
      for (const id of seenVersions) pendingVersions.delete(id);
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
      if (running) {
        // The refresh under way may have read the log before the caller's commit: one more after it,
        // shared by everyone who asks meanwhile (timer ticks included).
        again ??= running
          .catch(() => 0)
          .then(() => {
            again = null;
            return replica.refresh();
          });
        return again;
      }
      running = exclusive(applyChanges).finally(() => {
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
            if (pendingRecords.size > 0 || pendingMarks.size > 0 || pendingVersions.size > 0)
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

async function anchorOf(services: Services, id: number): Promise<Anchor | null> {
  if (id === 0) return null;
  const row = await services.db
    .selectFrom("record_versions")
    .select(["record_id", "at"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? { id, recordId: Number(row.record_id), at: Number(row.at) } : null;
}
