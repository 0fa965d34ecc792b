// The .csv writer: UTF-8 with a byte-order mark (without it Excel reads the file as the local code page
// and Chinese turns to mojibake), CRLF line ends, RFC 4180 quoting, and text that a spreadsheet would
// run as a formula (= + - @ first) defused with a leading apostrophe. One sheet only.
import fs from "node:fs";
import { invalid } from "../../core/errors.ts";
import type { Cell } from "./columns.ts";
import { eventOrTimeout, type SheetSink, throwIfAborted } from "./sink.ts";

const BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
/** Rows gathered into one write. */
const CHUNK_CHARS = 1 << 16;

/** One CSV field: quoted when it holds a comma, quote or line break; formula-like text defused. */
export function csvField(text: string, guard: boolean): string {
  const safe = guard && FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const cellText = (cell: Cell): string =>
  cell === null ? "" : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);

export function csvSink(target: string): SheetSink {
  const file = fs.createWriteStream(target, { encoding: "utf8" });
  let failure: Error | null = null;
  file.on("error", (e) => {
    failure ??= e;
  });
  let buffered = "";
  /** Per column: whether its cells are text (numbers and dates are never defused). */
  let guards: boolean[] = [];
  let started = false;

  const line = (cells: readonly Cell[]) => {
    let out = "";
    for (let i = 0; i < cells.length; i++) {
      if (i > 0) out += ",";
      const cell = cells[i]!;
      if (cell !== null) out += csvField(cellText(cell), guards[i]! && typeof cell === "string");
    }
    return `${out}\r\n`;
  };
  const write = async (signal?: AbortSignal) => {
    const chunk = buffered;
    buffered = "";
    if (chunk && !file.write(chunk)) {
      while (file.writableNeedDrain && !failure && !signal?.aborted)
        await eventOrTimeout(file, ["drain", "close"], 1000, signal);
    }
  };

  return {
    begin(_name, columns) {
      if (started)
        throw invalid("CSV 文件只能有一张表 / A CSV file holds one sheet; export .xlsx for sub-tables");
      started = true;
      guards = columns.map((c) => c.kind === "text");
      buffered += BOM + line(columns.map((c) => c.header));
    },
    row(cells) {
      buffered += line(cells);
      // A batch goes out in chunks rather than as one long string; `flush` then waits for the file.
      if (buffered.length > CHUNK_CHARS) {
        file.write(buffered);
        buffered = "";
      }
    },
    async flush(signal) {
      await write(signal);
      if (failure) throw failure;
      throwIfAborted(signal);
    },
    async finish() {
      await write();
      await new Promise<void>((resolve, reject) => {
        file.end((e?: Error | null) => (e ? reject(e) : resolve()));
      });
      if (failure) throw failure;
    },
    async abort() {
      if (file.closed) return;
      const closed = new Promise<void>((r) => file.once("close", () => r()));
      file.destroy();
      await closed;
    },
  };
}
