// The .xlsx writer: ExcelJS's streaming workbook, one sheet per table, header bold, frozen and filtered,
// widths set, rows coloured as the grid colours them. Every cell gets one of a few shared style objects
// (ExcelJS caches a style's id by object), which halves ExcelJS's own time per row.
import fs from "node:fs";
import ExcelJS from "exceljs";
import { type Cell, columnWidths, type ExportColumn } from "./columns.ts";
import { eventOrTimeout, type SheetSink, throwIfAborted, tintArgb } from "./sink.ts";

type Style = Partial<ExcelJS.Style>;

/** Uncompressed sheet XML allowed to wait for the zip compressor before rows stop being added. */
const PENDING_LIMIT = 8 << 20;
const HEADER_FILL = "FFF5F5F4";

/**
 * ExcelJS streams a sheet's XML into the zip without backpressure: left alone, a million rows sit in
 * memory until the end. These are its internals (StreamBuf → the zip entry's stream); if they change,
 * the writer still works, only without the bound.
 */
interface SheetInternals {
  stream?: {
    pipes?: (NodeJS.EventEmitter & { _writableState?: { length: number } })[];
    buffers?: { length: number }[];
  };
}

function pending(sheet: ExcelJS.Worksheet) {
  const stream = (sheet as unknown as SheetInternals).stream;
  const dest = stream?.pipes?.[0];
  if (dest) return { bytes: dest._writableState?.length ?? 0, dest };
  return { bytes: stream?.buffers?.reduce((n, b) => n + b.length, 0) ?? 0, dest: undefined };
}

/** Excel forbids []:*?/\ in sheet names and allows 31 characters; names must differ. */
function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, " ")
      .trim()
      .slice(0, 28) || "Sheet";
  let out = base;
  for (let n = 2; taken.has(out.toLowerCase()); n++) out = `${base}(${n})`;
  taken.add(out.toLowerCase());
  return out;
}

const fill = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });

/** The style objects of one sheet: a plain one per column, and per colour one per column, made once. */
function sheetStyles(columns: readonly ExportColumn[]) {
  const plain: Style[] = columns.map((c) => (c.numFmt ? { numFmt: c.numFmt } : {}));
  const tinted = (share: number) => {
    const cache = new Map<string, Style[]>();
    return (colour: string): Style[] => {
      let styles = cache.get(colour);
      if (!styles) {
        const f = fill(tintArgb(colour, share));
        styles = plain.map((s) => ({ ...s, fill: f }));
        cache.set(colour, styles);
      }
      return styles;
    };
  };
  return { plain, row: tinted(0.16), cell: tinted(0.24) };
}

export function xlsxSink(target: string): SheetSink {
  const file = fs.createWriteStream(target);
  let failure: Error | null = null;
  file.on("error", (e) => {
    failure ??= e;
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: file,
    useStyles: true,
    useSharedStrings: false,
  });
  const names = new Set<string>();
  const header: Style = { font: { bold: true }, fill: fill(HEADER_FILL) };
  let sheet: ExcelJS.Worksheet | null = null;
  let styles = sheetStyles([]);
  let width = 0;

  return {
    begin(name, columns, sample) {
      sheet?.commit();
      sheet = workbook.addWorksheet(sheetName(name, names), {
        views: [{ state: "frozen", ySplit: 1 }],
      });
      sheet.columns = columnWidths(columns, sample).map((w) => ({ width: w }));
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
      styles = sheetStyles(columns);
      width = columns.length;
      const row = sheet.addRow(columns.map((c) => c.header));
      for (let i = 1; i <= width; i++) row.getCell(i).style = header;
      row.commit();
    },
    row(cells, colour, cellColours) {
      const row = sheet!.addRow(cells as Cell[]);
      const own = colour ? styles.row(colour) : styles.plain;
      for (let i = 0; i < width; i++) {
        const c = cellColours?.[i];
        row.getCell(i + 1).style = c ? styles.cell(c)[i]! : own[i]!;
      }
      row.commit();
    },
    async flush(signal) {
      for (;;) {
        if (failure) throw failure;
        throwIfAborted(signal);
        const { bytes, dest } = sheet ? pending(sheet) : { bytes: 0, dest: undefined };
        if (bytes <= PENDING_LIMIT) return;
        if (dest) await eventOrTimeout(dest, ["drain"], 50, signal);
        else await new Promise((r) => setTimeout(r, 5));
      }
    },
    async finish() {
      sheet?.commit();
      await workbook.commit();
      if (failure) throw failure;
    },
    async abort() {
      (workbook as unknown as { zip?: { abort?: () => void } }).zip?.abort?.();
      if (!file.closed) {
        const closed = new Promise<void>((r) => file.once("close", () => r()));
        file.destroy();
        await closed;
      }
    },
  };
}
