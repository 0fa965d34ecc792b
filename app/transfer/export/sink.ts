// What the export writes rows into: an .xlsx workbook (sheets) or a .csv file (one sheet). Rows are
// pushed synchronously; `flush` is where the writer catches up with the file (backpressure) and where an
// abort is noticed.
import type { Cell, ExportColumn } from "./columns.ts";

export interface SheetSink {
  /** Starts a sheet: its header row, and column widths measured on the first rows. */
  begin(name: string, columns: readonly ExportColumn[], sample: readonly Cell[][]): void;
  /** One row; `cellColours` (per column, null: none) beats the row's colour. */
  row(cells: readonly Cell[], colour: string | null, cellColours: readonly (string | null)[] | null): void;
  /** Waits until what was written has moved on towards the file. */
  flush(signal?: AbortSignal): Promise<void>;
  /** Completes the file. */
  finish(): Promise<void>;
  /** Stops writing and closes the file, leaving its deletion to the caller. */
  abort(): Promise<void>;
}

/** What the job runner recognises as a cancelled job (not an error to report). */
export function abortError(): DOMException {
  return new DOMException("aborted", "AbortError");
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

/** Resolves on any of `events` or after `ms`, whichever comes first, leaving no listener behind. */
export function eventOrTimeout(
  emitter: NodeJS.EventEmitter,
  events: readonly string[],
  ms: number,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      for (const event of events) emitter.off(event, done);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    for (const event of events) emitter.on(event, done);
    signal?.addEventListener("abort", done);
  });
}

/** Excel's row fill for a colour: the same tint the grid paints (16% of the colour for a row, 24% for a cell). */
export function tintArgb(hex: string, share: number): string {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16);
    return Math.round(c * share + 255 * (1 - share))
      .toString(16)
      .padStart(2, "0");
  };
  return `FF${channel(0)}${channel(1)}${channel(2)}`.toUpperCase();
}
