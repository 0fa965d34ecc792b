// The .xlsx sink with its writing in a worker thread (xlsx-worker.ts): the same file as xlsxSink, with
// ExcelJS's work moved off the exporter's thread. At most a few batches are in flight; `flush` waits for
// the worker to catch up, which is the export's backpressure. The worker's URL is resolved where
// services are built (outside the app's server bundle).
import { Worker } from "node:worker_threads";
import type { Cell, ExportColumn } from "./columns.ts";
import { type SheetSink, throwIfAborted } from "./sink.ts";
import type { XlsxWorkerReply, XlsxWorkerRequest } from "./xlsx-worker.ts";

export const XLSX_WORKER_URL = new URL("./xlsx-worker.mjs", import.meta.url);

const BATCH = 500;
const IN_FLIGHT = 3;

export function xlsxWorkerSink(workerUrl: URL, target: string): SheetSink {
  const worker = new Worker(workerUrl, {
    workerData: { target },
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
  });
  let failure: Error | null = null;
  let inFlight = 0;
  const waiting: ((reply: XlsxWorkerReply | null) => void)[] = [];
  const settle = (reply: XlsxWorkerReply | null) => {
    for (const wake of waiting.splice(0)) wake(reply);
  };
  worker.on("message", (reply: XlsxWorkerReply) => {
    // The file system's error code (ENOENT, ENOSPC …) travels with the message.
    if ("error" in reply) failure ??= Object.assign(new Error(reply.error), { code: reply.code });
    if ("ack" in reply) inFlight--;
    settle(reply);
  });
  worker.on("error", (e) => {
    failure ??= e;
    settle(null);
  });
  worker.on("exit", () => {
    failure ??= new Error("the .xlsx writer stopped unexpectedly");
    settle(null);
  });
  const next = () => new Promise<XlsxWorkerReply | null>((resolve) => waiting.push(resolve));
  const send = (message: XlsxWorkerRequest) => worker.postMessage(message);
  let batch: [Cell[], string | null, (string | null)[] | null][] = [];
  const post = () => {
    if (!batch.length) return;
    send({ rows: batch });
    batch = [];
    inFlight++;
  };
  const until = async (done: (reply: XlsxWorkerReply | null) => boolean) => {
    for (;;) {
      if (failure) throw failure;
      if (done(await next())) return;
    }
  };

  return {
    begin(name, columns, sample) {
      post();
      // A column's cell reader is a function and stays here; the writer needs its header and format.
      const plain = columns.map(({ cell: _cell, ...rest }) => rest) as ExportColumn[];
      send({ begin: { name, columns: plain, sample: sample as Cell[][] } });
    },
    row(cells, colour, cellColours) {
      batch.push([cells as Cell[], colour, cellColours as (string | null)[] | null]);
      if (batch.length >= BATCH) post();
    },
    async flush(signal) {
      post();
      while (inFlight > IN_FLIGHT) {
        throwIfAborted(signal);
        if (failure) throw failure;
        await next();
      }
      if (failure) throw failure;
    },
    async finish() {
      post();
      send({ finish: true });
      try {
        await until((reply) => reply !== null && "finished" in reply);
      } finally {
        await worker.terminate();
      }
    },
    async abort() {
      send({ abort: true });
      await Promise.race([
        until((reply) => reply !== null && "aborted" in reply),
        new Promise((r) => setTimeout(r, 5000)),
      ]).catch(() => {});
      await worker.terminate();
    },
  };
}
