// Legacy .xls (BIFF5/8 in an OLE compound file), read whole with SheetJS: a sheet holds at most 65,536
// rows, so memory stays bounded once the file size is. SheetJS 0.20 builds date cells from the serial
// number in UTC (checked under several TZ settings), so their UTC fields hold the wall-clock value typed.
import * as XLSX from "@e965/xlsx";
import { damaged, noSuchSheet, passwordProtected } from "./refusals.ts";
import { contiguousRows, type RawRow } from "./rows.ts";
import type { CellValue, SheetSource } from "./source.ts";

export const MAX_XLS_BYTES = 100 * 1024 ** 2;

// BIFF error codes (SheetJS keeps the code in `v` when cell text is not generated).
const ERRORS: Record<number, string> = {
  0: "#NULL!",
  7: "#DIV/0!",
  15: "#VALUE!",
  23: "#REF!",
  29: "#NAME?",
  36: "#NUM!",
  42: "#N/A",
  43: "#GETTING_DATA",
};

function toCellValue(cell: XLSX.CellObject | undefined): CellValue | undefined {
  if (!cell) return undefined;
  switch (cell.t) {
    case "n":
    case "b":
      return cell.v as number | boolean;
    case "s":
      return cell.v == null ? null : String(cell.v);
    case "d":
      return cell.v instanceof Date && !Number.isNaN(cell.v.getTime()) ? cell.v : null;
    case "e":
      return ERRORS[cell.v as number] ?? cell.w ?? "#VALUE!";
    default:
      return null;
  }
}

async function* sheetRows(sheet: XLSX.WorkSheet): AsyncGenerator<RawRow> {
  const data = (sheet["!data"] ?? []) as (XLSX.CellObject[] | undefined)[];
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    const cells: (CellValue | undefined)[] = [];
    for (let c = 0; c < row.length; c++) cells[c] = toCellValue(row[c]);
    yield { number: r + 1, cells };
  }
}

/** The workbook in `bytes` (an OLE file holding a Workbook or Book stream). */
export function openXls(bytes: Buffer): SheetSource {
  let book: XLSX.WorkBook | null;
  try {
    book = XLSX.read(bytes, {
      type: "buffer",
      dense: true,
      cellDates: true,
      cellText: false,
      cellFormula: false,
      cellHTML: false,
      cellNF: false,
      cellStyles: false,
    });
  } catch (e) {
    throw e instanceof Error && /password/i.test(e.message) ? passwordProtected() : damaged(e);
  }
  const names = book.SheetNames;
  return {
    format: "xls",
    encoding: null,
    date1904: Boolean(book.Workbook?.WBProps?.date1904),
    sheets: names.map((name, index) => {
      const ref = book?.Sheets[name]?.["!ref"];
      return { index, name, rowEstimate: ref ? XLSX.utils.decode_range(ref).e.r + 1 : null };
    }),
    rows(index, signal) {
      const sheet = book?.Sheets[names[index] ?? ""];
      if (!sheet) throw noSuchSheet();
      return contiguousRows(sheetRows(sheet), signal);
    },
    async close() {
      book = null;
    },
  };
}
