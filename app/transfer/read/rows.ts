// The rules every reader applies to the rows it hands out: contiguous row numbers, Excel's size limits,
// and a prompt stop when the import is cancelled.
import { cellTooLong, tooManyRows } from "./refusals.ts";
import { type CellValue, MAX_CELL_CHARS, MAX_SHEET_ROWS, type SheetRow } from "./source.ts";

/** A row as a reader found it: its number (NaN when the file does not say) and its cells, maybe sparse. */
export interface RawRow {
  number: number;
  cells: (CellValue | undefined)[];
}

/** Dense cells: holes become null and trailing empties are dropped, so a blank row has no cells. */
function denseCells(row: number, cells: (CellValue | undefined)[]): CellValue[] {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] == null || cells[end - 1] === "")) end--;
  const out: CellValue[] = new Array(end);
  for (let i = 0; i < end; i++) {
    const value = cells[i];
    if (typeof value === "string" && value.length > MAX_CELL_CHARS) throw cellTooLong(row, i);
    out[i] = value === undefined || value === "" ? null : value;
  }
  return out;
}

/**
 * Rows numbered 1, 2, 3 … without gaps (files skip blank rows; they come back as empty rows), refused
 * past MAX_SHEET_ROWS, a cell longer than MAX_CELL_CHARS refused with its position. Throws the signal's
 * reason once it aborts. Rows a file lists out of order (never written by Excel) keep their own number.
 */
export async function* contiguousRows(
  source: AsyncIterable<RawRow>,
  signal?: AbortSignal,
): AsyncGenerator<SheetRow> {
  let next = 1;
  for await (const raw of source) {
    signal?.throwIfAborted();
    const number = Number.isFinite(raw.number) && raw.number > 0 ? raw.number : next;
    if (number > MAX_SHEET_ROWS) throw tooManyRows();
    for (; next < number; next++) {
      yield { number: next, cells: [] };
      signal?.throwIfAborted();
    }
    yield { number, cells: denseCells(number, raw.cells) };
    next = Math.max(next, number + 1);
  }
  signal?.throwIfAborted();
}

/**
 * Runs `stop` when the signal aborts (destroy the stream being read, so a pending read ends at once);
 * returns the function that removes the listener.
 */
export function onAbort(signal: AbortSignal | undefined, stop: () => void): () => void {
  if (!signal) return () => {};
  if (signal.aborted) {
    stop();
    return () => {};
  }
  signal.addEventListener("abort", stop, { once: true });
  return () => signal.removeEventListener("abort", stop);
}
