// Decoding records for a full load in worker threads. Decoding (JSON.parse, AES-GCM per sensitive value,
// pinyin) is about two thirds of a full load's cost and parallelises; reading the database and appending
// to DuckDB stay on the main thread, overlapped with it. Small tables, and any failure to start a worker,
// decode on the main thread instead.
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { Services } from "../app/core/services.server.ts";
import type { TableDef } from "../app/schema/tables.server.ts";
import type { ReplicaColumn } from "./columns.ts";
import { type RowCells, rowDecoder, type StoredRow } from "./decode.ts";
import type { DecodeWorkerData } from "./decode-worker.ts";

/** Below this many records, starting workers costs more than it saves. */
export const WORKER_MIN_ROWS = 20_000;
/** A worker that has not started within this time is given up for decoding on the main thread. */
const START_TIMEOUT_MS = 20_000;

export interface DecodePool {
  /** Worker threads decoding (0: the main thread decodes). */
  readonly threads: number;
  decode(rows: StoredRow[]): Promise<RowCells[]>;
  close(): Promise<void>;
}

/**
 * Worker threads for a full load: one per core beyond the main thread's, at most four. On two cores none:
 * handing rows to a worker and cells back costs about as much as the second core gains (measured on a
 * shared two-core machine: 75–90 µs a record either way).
 */
export const defaultThreads = () => {
  const cores = os.availableParallelism();
  return cores <= 2 ? 0 : Math.min(4, cores - 1);
};

export function inlinePool(
  services: Services,
  table: TableDef,
  columns: readonly ReplicaColumn[],
): DecodePool {
  const decode = rowDecoder(services.cipher, table, columns);
  return {
    threads: 0,
    decode: async (rows) => rows.map(decode),
    close: async () => {},
  };
}

export async function decodePool(
  services: Services,
  table: TableDef,
  columns: readonly ReplicaColumn[],
  threads: number,
): Promise<DecodePool> {
  if (threads < 1) return inlinePool(services, table, columns);
  const workerData: DecodeWorkerData = {
    fieldKey: services.keys.derive("field-encryption"),
    oldFieldKeys: services.keys.previous.map((k) => k.derive("field-encryption")),
    table,
    columnNames: columns.map((c) => c.name),
  };
  const workers: Worker[] = [];
  try {
    for (let i = 0; i < threads; i++) workers.push(await startWorker(workerData));
  } catch (error) {
    await Promise.all(workers.map((w) => w.terminate()));
    services.log.warn({ err: error }, "replica: decoding on the main thread (no worker thread started)");
    return inlinePool(services, table, columns);
  }

  const waiting = new Map<number, { resolve(cells: RowCells[]): void; reject(error: Error): void }>();
  let seq = 0;
  const fail = (error: Error) => {
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  };
  for (const worker of workers) {
    worker.on("message", (message: { seq: number; cells?: RowCells[]; error?: string }) => {
      const pending = waiting.get(message.seq);
      if (!pending) return;
      waiting.delete(message.seq);
      if (message.error !== undefined) pending.reject(new Error(message.error));
      else pending.resolve(message.cells!);
    });
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (waiting.size > 0) fail(new Error(`a decoding worker stopped (exit code ${code})`));
    });
  }
  return {
    threads,
    decode(rows) {
      const id = seq++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        workers[id % workers.length]!.postMessage({ seq: id, rows });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

function startWorker(workerData: DecodeWorkerData): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./decode-worker.mjs", import.meta.url), { workerData });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error("a decoding worker did not start in time"));
    }, START_TIMEOUT_MS);
    worker.once("message", () => {
      clearTimeout(timer);
      resolve(worker);
    });
    worker.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
