// A worker thread that reads one sheet of a file and posts its rows in batches, so unzipping and XML
// parsing — and, for an import, each row's preparation (import/prepare-rows.ts) — run on another core
// while the importer matches and writes. The importer grants credit per batch; the worker waits when it
// has none, so at most a few batches are ever in memory.
import { parentPort, workerData } from "node:worker_threads";
import { isAppError } from "../../core/errors.ts";
import { type RowSetup, rowPreparer } from "../import/prepare-rows.ts";
import type { RowInput } from "../import/row.ts";
import { openSheetSource } from "./open.server.ts";

export interface RowsWorkerData {
  path: string;
  name: string;
  sheet: number;
  batch: number;
  setup: RowSetup;
}

export type RowsWorkerMessage = { rows: RowInput[] } | { done: true } | { error: string; invalid: boolean };

const data = workerData as RowsWorkerData;
const port = parentPort!;
let credit = 0;
let wake: (() => void) | null = null;
port.on("message", (message: { credit: number }) => {
  credit += message.credit;
  wake?.();
  wake = null;
});

const post = (message: RowsWorkerMessage) => port.postMessage(message);

async function send(rows: RowInput[]) {
  while (credit <= 0) await new Promise<void>((resolve) => (wake = resolve));
  credit--;
  post({ rows });
}

try {
  const prepare = rowPreparer(data.setup);
  const source = await openSheetSource(data.path, data.name);
  try {
    let batch: RowInput[] = [];
    for await (const row of source.rows(data.sheet)) {
      if (row.number <= data.setup.headerRow) continue;
      batch.push(prepare(row));
      if (batch.length >= data.batch) {
        await send(batch);
        batch = [];
      }
    }
    if (batch.length) await send(batch);
    post({ done: true });
  } finally {
    await source.close();
  }
} catch (error) {
  post({ error: error instanceof Error ? error.message : String(error), invalid: isAppError(error) });
}
