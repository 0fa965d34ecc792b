// A pivot report as an .xlsx workbook: title and as-of lines, merged column-group headers, the row-group
// columns (outer keys repeated on every row, so a filter or a copy keeps them), 小计 / 合计 bold, every
// number a numeric cell with its format, panes frozen below the header and right of the row groups.
// Reports are small (hundreds of rows), so the whole workbook is built in memory.
import ExcelJS from "exceljs";
import type { Lang } from "../i18n/index.ts";
import { layoutReport, numFmt, type ReportLayout, reportStrings } from "./report-layout.ts";
import type { PivotResult } from "./results.ts";

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF5F5F4" } };
const TOTAL_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFAFAF9" } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FFA8A29E" } },
  left: { style: "thin", color: { argb: "FFA8A29E" } },
  bottom: { style: "thin", color: { argb: "FFA8A29E" } },
  right: { style: "thin", color: { argb: "FFA8A29E" } },
};
/** Rows above the header: the title and the as-of line(s). */
const TITLE_ROWS = 1;

/**
 * Excel's rules for a sheet name: at most 31 characters, none of []:*?/\, not starting or ending with an
 * apostrophe, not empty, not "History" (reserved).
 */
export function sheetName(name: string, fallback: string): string {
  const clean = name
    .replace(/[[\]:*?/\\]/g, " ")
    .replace(/\s+/g, " ")
    .replace(/^'+|'+$/g, "")
    .trim();
  let out = "";
  for (const ch of clean) {
    if (out.length + ch.length > 31) break; // counted in UTF-16 units, never cutting a pair in two
    out += ch;
  }
  out = out.replace(/'+$/, "").trim();
  return out && out.toLowerCase() !== "history" ? out : fallback;
}

/** Display width of a text in Excel's character units: Chinese characters count double. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

function columnWidths(layout: ReportLayout): number[] {
  const labels = layout.corner.map((c, i) =>
    Math.max(
      textWidth(c),
      ...layout.rows.map((r) => (r.labels[i]?.span === 1 ? textWidth(r.labels[i]!.text) : 0)),
    ),
  );
  const data = layout.leaves.map((leaf, j) => {
    const header = layout.header[layout.header.length - 1]?.[j];
    const numbers = layout.rows.map((r) => {
      const v = r.values[j];
      return v === null || v === undefined ? 0 : v.toFixed(layout.decimals[leaf.measure] ?? 0).length * 1.3;
    });
    return Math.max(header && header.span === 1 ? textWidth(header.label) : 6, ...numbers);
  });
  return [
    ...labels.map((w) => Math.min(40, Math.max(8, w + 2))),
    ...data.map((w) => Math.min(24, Math.max(9, w + 2))),
  ];
}

function writeHeader(sheet: ExcelJS.Worksheet, layout: ReportLayout, top: number) {
  const depth = layout.corner.length;
  const height = layout.header.length;
  const style = (cell: ExcelJS.Cell, align: "left" | "center" | "right") => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: align, vertical: "middle", wrapText: true };
  };
  // Every cell of the header block gets the style, so merged ranges are ruled and filled all over.
  for (let r = 0; r < height; r++)
    for (let c = 1; c <= depth + layout.leaves.length; c++) style(sheet.getCell(top + r, c), "center");
  layout.corner.forEach((label, c) => {
    const cell = sheet.getCell(top, c + 1);
    cell.value = label;
    style(cell, "left");
    if (height > 1) sheet.mergeCells(top, c + 1, top + height - 1, c + 1);
  });
  layout.header.forEach((cells, r) => {
    let col = depth + 1;
    for (const h of cells) {
      if (!h.covered) {
        const cell = sheet.getCell(top + r, col);
        cell.value = h.label;
        style(cell, h.span > 1 ? "center" : "right");
        if (h.span > 1 || h.rowSpan > 1)
          sheet.mergeCells(top + r, col, top + r + h.rowSpan - 1, col + h.span - 1);
      }
      col += h.span;
    }
  });
}

export async function renderReportXlsx(result: PivotResult, lang: Lang): Promise<Buffer> {
  const s = reportStrings(lang);
  const layout = layoutReport(result, lang);
  const depth = layout.corner.length;
  const width = Math.max(1, depth + layout.leaves.length);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Linli 邻里";
  workbook.created = new Date(result.moment.at);
  const headerTop = TITLE_ROWS + layout.lines.length + 1;
  const headerBottom = headerTop + layout.header.length - 1;
  const sheet = workbook.addWorksheet(sheetName(result.name, s.sheet), {
    views: layout.empty ? [] : [{ state: "frozen", xSplit: depth, ySplit: headerBottom }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: width > 8 ? "landscape" : "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  sheet.columns = columnWidths(layout).map((w) => ({ width: w }));

  const title = sheet.getCell(1, 1);
  title.value = layout.title;
  title.font = { bold: true, size: 14 };
  layout.lines.forEach((line, i) => {
    sheet.getCell(TITLE_ROWS + 1 + i, 1).value = line;
  });
  if (layout.empty) {
    sheet.getCell(headerTop, 1).value = s.empty;
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  writeHeader(sheet, layout, headerTop);
  sheet.pageSetup.printTitlesRow = `${headerTop}:${headerBottom}`;
  layout.rows.forEach((row, i) => {
    const r = headerBottom + 1 + i;
    const strong = row.kind !== "cell";
    const excelRow = sheet.getRow(r);
    let col = 1;
    for (const label of row.labels) {
      const cell = excelRow.getCell(col);
      cell.value = label.text;
      if (label.span > 1) sheet.mergeCells(r, col, r, col + label.span - 1);
      col += label.span;
    }
    row.values.forEach((value, j) => {
      const cell = excelRow.getCell(depth + 1 + j);
      if (value !== null) cell.value = value;
      cell.numFmt = numFmt(layout.decimals[layout.leaves[j]!.measure] ?? 0);
    });
    for (let c = 1; c <= width; c++) {
      const cell = excelRow.getCell(c);
      cell.border = THIN;
      if (strong) {
        cell.font = { bold: true };
        cell.fill = TOTAL_FILL;
      }
    }
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
