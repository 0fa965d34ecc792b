// ExcelJS cell values → CellValue. ExcelJS's streaming reader already turns a number in a date-formatted
// cell into a Date (serial days counted from 1899-12-30 UTC, or 1904-01-01 in the 1904 system), so the
// Date's UTC fields hold the wall-clock value typed, whatever the server's time zone. It does not do so
// for formula results; that is done here the same way.
import type { CellValue } from "./source.ts";

const DAY_MS = 86_400_000;
/**
 * Serial day of 1970-01-01. Counting from 1899-12-30 absorbs Excel's phantom 1900-02-29, so serials from
 * 61 (1900-03-01) on are exact; the first two months of 1900 come out a day early, as in ExcelJS.
 */
const EPOCH_1900 = 25_569;
const EPOCH_1904 = EPOCH_1900 - 1_462;

/**
 * What a formula with an error result arrives as: the streaming reader parses the cached "#N/A" as a
 * number and keeps NaN, so which error it was is lost. Plain error cells keep their exact text.
 */
export const FORMULA_ERROR = "#VALUE!";

export function serialToDate(serial: number, date1904: boolean): Date | null {
  const ms = Math.round((serial - (date1904 ? EPOCH_1904 : EPOCH_1900)) * DAY_MS);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** ExcelJS's own test for a date format: y m d h s (or b) outside quotes and [brackets]. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** Excel escapes characters XML cannot hold as _xHHHH_ (a carriage return is _x000D_; "_" is _x005F_). */
function unescapeText(text: string): string {
  return text.includes("_x")
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)))
    : text;
}

function plain(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return unescapeText(value);
  if (typeof value === "number") return Number.isNaN(value) ? FORMULA_ERROR : value;
  if (typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  return null;
}

/** The value of one cell. `numFmt` is the cell's number format (for formula results). */
export function toCellValue(value: unknown, numFmt: string | undefined, date1904: boolean): CellValue {
  if (typeof value !== "object" || value === null || value instanceof Date) return plain(value);
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) {
    return unescapeText(v.richText.map((run: { text?: unknown }) => String(run.text ?? "")).join(""));
  }
  if ("formula" in v || "sharedFormula" in v || "result" in v) {
    const result = v.result;
    if (typeof result === "number" && !Number.isNaN(result) && isDateFormat(numFmt)) {
      return serialToDate(result, date1904);
    }
    return typeof result === "object" && result !== null
      ? toCellValue(result, numFmt, date1904)
      : plain(result);
  }
  if (typeof v.error === "string") return v.error;
  if ("text" in v) return toCellValue(v.text, numFmt, date1904);
  // { sharedString: n } only appears when the shared strings were not read: the file is broken.
  throw new Error(`unexpected cell value ${JSON.stringify(value).slice(0, 80)}`);
}
