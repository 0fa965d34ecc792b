// A sheet's rows read and prepared in a worker thread (rows-worker.ts): the same rows, in the same order,
// with the same refusals as reading them here. The worker's URL is resolved where services are built (outside
// the app's server bundle), so it points at the real file.
import { Worker } from "node:worker_threads";
import { invalid } from "../../core/errors.ts";
import type { RowSetup } from "../import/prepare-rows.ts";
import type { RowInput } from "../import/row.ts";
import type { RowsWorkerData, RowsWorkerMessage } from "./rows-worker.ts";

const BATCH = 500;
const IN_FLIGHT = 4;

export const ROWS_WORKER_URL = new URL("./rows-worker.mjs", import.meta.url);

/** The rows below the header, read and prepared (see import/prepare-rows.ts) in the worker. */
export async function* rowsInWorker(
  workerUrl: URL,
  file: { path: string; name: string },
  sheet: number,
  setup: RowSetup,
  signal?: AbortSignal,
): AsyncGenerator<RowInput> {
  const workerData: RowsWorkerData = { path: file.path, name: file.name, sheet, batch: BATCH, setup };
  // Parsing allocates many short-lived objects: a larger young generation halves the time spent collecting them.
  const worker = new Worker(workerUrl, { workerData, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
  const queue: RowsWorkerMessage[] = [];
  let wake: (() => void) | null = null;
  const push = (m: RowsWorkerMessage) => {
    queue.push(m);
    wake?.();
    wake = null;
  };
  let ended = false;
  worker.on("message", (m: RowsWorkerMessage) => {
    if ("done" in m || "error" in m) ended = true;
    push(m);
  });
  worker.on("error", (e) => push({ error: e.message, invalid: false }));
  // A worker that stops without saying it is done must not look like the end of the sheet.
  worker.on("exit", () => {
    if (!ended) push({ error: "the sheet reader stopped unexpectedly", invalid: false });
  });
  const stop = () => push({ error: "aborted", invalid: false });
  signal?.addEventListener("abort", stop, { once: true });
  worker.postMessage({ credit: IN_FLIGHT });
  try {
    for (;;) {
      if (signal?.aborted) throw signal.reason ?? new DOMException("aborted", "AbortError");
      const message = queue.shift();
      if (!message) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if ("done" in message) return;
      if ("error" in message) {
        if (signal?.aborted) throw signal.reason ?? new DOMException("aborted", "AbortError");
        throw message.invalid ? invalid(message.error) : new Error(message.error);
      }
      worker.postMessage({ credit: 1 });
      yield* message.rows;
    }
  } finally {
    signal?.removeEventListener("abort", stop);
    await worker.terminate();
  }
}
