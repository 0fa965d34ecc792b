// CSV and tab-separated text, streamed: bytes → TextDecoder (stream mode, so a character split across
// chunks survives) → csv-parse → rows. Every cell is the text as written ("0123" and "1.10102E+17"
// stay text; the importer decides what they mean); an empty cell is null.
import fs from "node:fs";
import { pipeline, Readable } from "node:stream";
import { parse } from "csv-parse";
import { isAppError } from "../../core/errors.ts";
import { badEncoding, damaged, noSuchSheet, quoteNotClosed, recordTooLong } from "./refusals.ts";
import { contiguousRows, onAbort, type RawRow } from "./rows.ts";
import type { SheetSource } from "./source.ts";
import type { TextEncoding } from "./text-encoding.ts";

/**
 * Bytes csv-parse may gather for one record before giving up. Far above any real row (a cell over
 * MAX_CELL_CHARS is refused with its position); it bounds memory when a quote is never closed.
 */
const MAX_RECORD_BYTES = 64 * 1024 ** 2;

async function* decode(file: fs.ReadStream, encoding: TextEncoding): AsyncGenerator<string> {
  // fatal: a byte sequence invalid in the encoding found from the sample is refused, never turned into "�".
  const decoder = new TextDecoder(encoding, { fatal: true });
  let text: string;
  for await (const chunk of file) {
    try {
      text = decoder.decode(chunk as Buffer, { stream: true });
    } catch {
      throw badEncoding();
    }
    if (text) yield text;
  }
  try {
    text = decoder.decode();
  } catch {
    throw badEncoding();
  }
  if (text) yield text;
}

function refusal(e: unknown, row: number): Error {
  if (isAppError(e)) return e;
  const code = (e as { code?: string }).code;
  if (code === "CSV_QUOTE_NOT_CLOSED") return quoteNotClosed(row);
  if (code === "CSV_MAX_RECORD_SIZE") return recordTooLong(row);
  return damaged(e);
}

export function openDelimited(
  path: string,
  format: "csv" | "tsv",
  encoding: TextEncoding,
  sheetName: string,
): SheetSource {
  const open = new Set<fs.ReadStream>();

  async function* records(signal?: AbortSignal): AsyncGenerator<RawRow> {
    signal?.throwIfAborted();
    const file = fs.createReadStream(path, { highWaterMark: 256 * 1024 });
    open.add(file);
    const parser = parse({
      delimiter: format === "tsv" ? "\t" : ",",
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: MAX_RECORD_BYTES,
    });
    pipeline(Readable.from(decode(file, encoding)), parser, () => {});
    const stop = onAbort(signal, () => file.destroy());
    let number = 0;
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        number++;
        yield { number, cells: record };
      }
    } catch (e) {
      signal?.throwIfAborted();
      throw refusal(e, number + 1);
    } finally {
      stop();
      file.destroy();
      parser.destroy();
      open.delete(file);
    }
  }

  return {
    format,
    encoding,
    date1904: false,
    sheets: [{ index: 0, name: sheetName, rowEstimate: null }],
    rows(sheet, signal) {
      if (sheet !== 0) throw noSuchSheet();
      return contiguousRows(records(signal), signal);
    },
    async close() {
      for (const file of open) file.destroy();
    },
  };
}
