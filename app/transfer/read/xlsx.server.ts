// .xlsx, streamed with ExcelJS's WorkbookReader parsers, but fed by us through yauzl rather than by its
// own unzipping. Its own path (WorkbookReader.parse) decodes each decompressed chunk on its own, so a
// Chinese character split across two chunks turns into "��" (measured: 32 of 20,000 names); it also
// copies every sheet to a temporary file when the sheet comes before the shared strings in the zip, as
// Excel writes them. Here each part is decoded as one UTF-8 stream, only the chosen sheet is
// decompressed, and every byte passes the zip guard. ExcelJS 4.4 is the last release, so the internal
// methods used below do not move.
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { isAppError } from "../../core/errors.ts";
import { damaged, noSuchSheet } from "./refusals.ts";
import { contiguousRows, type RawRow } from "./rows.ts";
import type { CellValue, SheetSource } from "./source.ts";
import { type Book, declaredRows, parseBook } from "./xlsx-book.ts";
import { toCellValue } from "./xlsx-cells.ts";
import { withoutRootPrefix } from "./xml-prefix.ts";
import type { GuardedZip } from "./zip-guard.server.ts";

const OPTIONS = {
  sharedStrings: "cache",
  hyperlinks: "ignore",
  styles: "cache",
  worksheets: "emit",
  entries: "emit",
} as const;

/** workbook.xml and its relationships are a few kilobytes; more is not a workbook anybody typed. */
const MAX_BOOK_PART_BYTES = 16 * 1024 ** 2;

/**
 * Date formats built into Chinese Excel by number only (styles.xml names no format for them), which
 * ExcelJS does not know: without them a date typed in such a cell would arrive as a plain number.
 */
const CJK_BUILTIN_FORMATS: Record<number, string> = {};
for (const id of [27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]) CJK_BUILTIN_FORMATS[id] = "yyyy-mm-dd";
for (const id of [32, 33, 34, 35, 55, 56]) CJK_BUILTIN_FORMATS[id] = "h:mm:ss";

interface ExcelCell {
  type: number;
  value: unknown;
  model: { result?: unknown };
  numFmt?: string;
}
interface ExcelRow {
  number: number;
  eachCell(iteratee: (cell: ExcelCell, column: number) => void): void;
}
/** The WorkbookReader internals used (exceljs/lib/stream/xlsx/workbook-reader.js). */
interface ReaderInternals {
  properties: { model: { date1904: boolean } };
  styles: { index?: { numFmt?: Record<number, string | undefined> } };
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseWorksheet(
    iterator: AsyncIterable<string>,
    sheetNo: string,
  ): Iterable<{ value: AsyncIterable<ExcelRow> }>;
}

async function readWhole(zip: GuardedZip, name: string): Promise<string> {
  if (zip.size(name) > MAX_BOOK_PART_BYTES) throw damaged(new Error(`${name} is too large`));
  let text = "";
  for await (const part of zip.text(name)) text += part;
  return text;
}

/** A part's text as the stream ExcelJS's parsers expect; finished or not, its zip stream is closed after. */
async function parsePart(
  zip: GuardedZip,
  name: string,
  signal: AbortSignal | undefined,
  parse: (s: Readable) => Promise<void>,
) {
  const stream = Readable.from(withoutRootPrefix(zip.text(name, signal)));
  try {
    await parse(stream);
  } finally {
    stream.destroy();
  }
}

async function* sheetRows(
  zip: GuardedZip,
  book: Book,
  path: string,
  signal?: AbortSignal,
): AsyncGenerator<RawRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader("", OPTIONS) as unknown as ReaderInternals;
  // Our reading of workbookPr, which also accepts date1904="true".
  reader.properties = { model: { date1904: book.date1904 } };
  const styles = book.styles && zip.find(book.styles);
  if (styles) {
    await parsePart(zip, styles, signal, (s) => reader._parseStyles(s));
    const formats = reader.styles.index?.numFmt;
    if (formats) {
      for (const [id, format] of Object.entries(CJK_BUILTIN_FORMATS)) formats[Number(id)] ??= format;
    }
  }
  const strings = book.sharedStrings && zip.find(book.sharedStrings);
  if (strings) {
    await parsePart(zip, strings, signal, async (s) => {
      for await (const _ of reader._parseSharedStrings(s));
    });
  }
  const [worksheet] = reader._parseWorksheet(withoutRootPrefix(zip.text(path, signal)), "1");
  for await (const row of worksheet!.value) {
    const cells: CellValue[] = [];
    row.eachCell((cell, column) => {
      // A formula's `value` drops a falsy result (0, "", false, NaN); its model keeps it.
      const value = cell.type === ExcelJS.ValueType.Formula ? { result: cell.model.result } : cell.value;
      cells[column - 1] = toCellValue(value, cell.numFmt, book.date1904);
    });
    yield { number: row.number, cells };
  }
}

/** Any failure while reading is a damaged file, unless it is ours (a limit) or the import was cancelled. */
async function* refusingLibraryErrors(
  rows: AsyncIterable<RawRow>,
  signal?: AbortSignal,
): AsyncGenerator<RawRow> {
  try {
    yield* rows;
  } catch (e) {
    signal?.throwIfAborted();
    throw isAppError(e) ? e : damaged(e);
  }
}

/** The workbook in a guarded zip that holds xl/workbook.xml. Takes ownership of `zip`. */
export async function openXlsx(zip: GuardedZip): Promise<SheetSource> {
  try {
    const workbook = zip.find("xl/workbook.xml")!;
    const rels = zip.find("xl/_rels/workbook.xml.rels");
    const book = parseBook(await readWhole(zip, workbook), rels ? await readWhole(zip, rels) : null);
    const paths = book.sheets.map((s) => (s.path && zip.find(s.path)) || null);
    const sheets = [];
    for (const [index, sheet] of book.sheets.entries()) {
      const path = paths[index];
      sheets.push({
        index,
        name: sheet.name,
        rowEstimate: path ? declaredRows(await zip.head(path, 8192)) : null,
      });
    }
    return {
      format: "xlsx",
      encoding: null,
      date1904: book.date1904,
      sheets,
      rows(sheet, signal) {
        if (!book.sheets[sheet]) throw noSuchSheet();
        const path = paths[sheet];
        if (book.sheets[sheet].path && !path) {
          throw damaged(new Error(`${book.sheets[sheet].path} is missing`));
        }
        // A chart sheet has no rows.
        const raw = path ? sheetRows(zip, book, path, signal) : (async function* () {})();
        return contiguousRows(refusingLibraryErrors(raw, signal), signal);
      },
      close: () => zip.close(),
    };
  } catch (e) {
    await zip.close();
    throw isAppError(e) ? e : damaged(e);
  }
}
