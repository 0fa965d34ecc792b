// A worker thread that writes an export's .xlsx: it receives rows in batches and hands them to the
// streaming ExcelJS sink (xlsx.server.ts), so building the sheet's XML and compressing it run on
// another core while the exporter reads and formats the next rows. Messages are handled in order.
import { parentPort, workerData } from "node:worker_threads";
import type { Cell, ExportColumn } from "./columns.ts";
import { xlsxSink } from "./xlsx.server.ts";

export type XlsxWorkerRequest =
  | { begin: { name: string; columns: ExportColumn[]; sample: Cell[][] } }
  | { rows: [Cell[], string | null, (string | null)[] | null][] }
  | { finish: true }
  | { abort: true };

export type XlsxWorkerReply =
  | { ack: true }
  | { finished: true }
  | { aborted: true }
  | { error: string; code?: string };

const port = parentPort!;
const sink = xlsxSink((workerData as { target: string }).target);
let chain: Promise<unknown> = Promise.resolve();

async function handle(message: XlsxWorkerRequest): Promise<XlsxWorkerReply | null> {
  if ("begin" in message) {
    sink.begin(message.begin.name, message.begin.columns, message.begin.sample);
    return null;
  }
  if ("rows" in message) {
    for (const [cells, colour, cellColours] of message.rows) sink.row(cells, colour, cellColours);
    await sink.flush();
    return { ack: true };
  }
  if ("finish" in message) {
    await sink.finish();
    return { finished: true };
  }
  await sink.abort();
  return { aborted: true };
}

port.on("message", (message: XlsxWorkerRequest) => {
  chain = chain
    .then(() => handle(message))
    .then(
      (reply) => reply && port.postMessage(reply),
      (error: unknown) =>
        port.postMessage({
          error: error instanceof Error ? error.message : String(error),
          code: (error as { code?: string }).code,
        }),
    );
});
