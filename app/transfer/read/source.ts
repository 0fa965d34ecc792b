// What every spreadsheet reader (.xlsx, .xls, .csv/.tsv) hands the importer: sheets, then their rows one
// at a time, so a million-row file never sits whole in memory.

/**
 * A cell as the file holds it. Numbers stay numbers (a numeric ID cell must be told apart from text);
 * date cells are Dates whose UTC fields hold the wall-clock value typed in the sheet.
 */
export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  /** 1-based row number in the sheet, as Excel shows it (CSV: the line's record number). */
  number: number;
  /** Cells by 0-based column; trailing empties may be missing. */
  cells: CellValue[];
}

export interface SheetInfo {
  /** 0-based position among the workbook's sheets. */
  index: number;
  name: string;
  /** Rows the file declares, when it says (xlsx dimension, xls range); null for CSV. */
  rowEstimate: number | null;
}

export type SourceFormat = "xlsx" | "xls" | "csv" | "tsv";

export interface SheetSource {
  format: SourceFormat;
  /** CSV/TSV: the text encoding found ("utf-8", "gb18030", "utf-16le" …); null for workbooks. */
  encoding: string | null;
  /** The workbook uses the 1904 date system (old Mac Excel). */
  date1904: boolean;
  sheets: SheetInfo[];
  /** Rows of one sheet in order, blank rows included as empty `cells`; stops early when `signal` aborts. */
  rows(sheet: number, signal?: AbortSignal): AsyncIterable<SheetRow>;
  /** Release file handles (a reader stopped early). */
  close(): Promise<void>;
}

/** Excel's own limits; a file beyond them is refused before anything is read into the database. */
export const MAX_SHEET_ROWS = 1_048_576;
export const MAX_CELL_CHARS = 32_767;
