// The error report: the rejected rows with their original cells under the original header, plus the
// row number they had and the reasons, as an .xlsx ready to fix and import again (the two added
// columns map to nothing, so a re-import ignores them).
import ExcelJS from "exceljs";
import type { CellValue } from "../read/source.ts";
import type { RowOutcome } from "./decide.server.ts";

export const REPORT_ROW_HEADER = "原行号 Row";
export const REPORT_REASON_HEADER = "问题 Problems";

export interface ReportWriter {
  add(outcome: RowOutcome): void;
  rows(): number;
  close(): Promise<void>;
}

export function openReport(path: string, header: readonly CellValue[]): ReportWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet("未导入的行", { views: [{ state: "frozen", ySplit: 1 }] });
  const width = header.length;
  sheet.columns = [
    ...header.map((h) => ({ width: Math.max(10, String(h ?? "").length * 2 + 2) })),
    { width: 10 },
    { width: 60 },
  ];
  const head = sheet.addRow([
    ...header.map((h) => (h instanceof Date ? h : (h ?? ""))),
    REPORT_ROW_HEADER,
    REPORT_REASON_HEADER,
  ]);
  head.font = { bold: true };
  head.commit();
  let count = 0;
  return {
    add(outcome) {
      const cells = Array.from({ length: width }, (_, i) => outcome.cells[i] ?? null);
      const reasons = outcome.problems
        .map((p) => (p.field ? `【${p.field}】${p.message}` : p.message))
        .join("\n");
      const row = sheet.addRow([...cells, outcome.row, reasons]);
      row.getCell(width + 2).alignment = { wrapText: true, vertical: "top" };
      row.commit();
      count++;
    },
    rows: () => count,
    async close() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
