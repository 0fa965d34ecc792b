// The columns of an export: 系统编号 first, the chosen fields under their labels (so the importer maps
// them back), 数据版本 last. Each column knows once, before the first row, how its cells are written:
// dates as real dates and numbers as numbers in .xlsx, every other value as the text the grid shows
// (masked unless revealed), so Excel never turns an ID number into 1.10102E+17.
import type { ResolvedField } from "../../../analytics/query/fields.ts";
import type { Values } from "../../people/records/codec.server.ts";
import type { FormulaType } from "../../query/formula/index.ts";
import { fieldType } from "../../schema/field-types/registry.ts";
import type { FormatOptions } from "../../schema/field-types/types.ts";
import type { FieldDef } from "../../schema/tables.server.ts";

export const SYSTEM_ID_HEADER = "系统编号";
export const VERSION_HEADER = "数据版本";
/** On a sub-table sheet: the 系统编号 of the record each row hangs under. */
export const PARENT_HEADER = "主记录系统编号";
/** The grid's own org column ($org), named as the grid names it: 丰盛社区 / 第二网格. */
export const ORG_HEADER = "所属组织";

export type ExportFormat = "xlsx" | "csv";
/** A cell as a sheet writer takes it; CSV columns only ever give strings (or null). */
export type Cell = string | number | Date | null;
/** How a column's cells are kept: text (the only kind a CSV writer guards against formulas), or typed. */
export type ColumnKind = "text" | "number" | "date" | "datetime";

/** One record on its way to a sheet. */
export interface ExportRow {
  /** Its place in the export's ordered selection (values read from the replica are kept by place). */
  at: number;
  systemId: string;
  version: number;
  parentSystemId: string | null;
  /** The record's community or grid as the grid shows it ("" unless the 所属组织 column is exported). */
  orgName: string;
  /** Opened values, formula fields computed. */
  values: Values;
}

export interface ExportColumn {
  header: string;
  kind: ColumnKind;
  /** Excel number format; text columns are "@" so a value retyped in Excel stays text. */
  numFmt?: string;
  /** The field whose cell colour rules colour this column; null for system columns. */
  key: string | null;
  /** Sensitive values shown masked. */
  masked: boolean;
  cell(row: ExportRow): Cell;
}

export interface ColumnContext {
  format: ExportFormat;
  reveal: boolean;
  dictionary: FormatOptions["dictionary"];
}

const TEXT_FORMAT = "@";
const DATE_FORMAT = "yyyy-mm-dd";
const DATETIME_FORMAT = "yyyy-mm-dd hh:mm";
const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

/**
 * "YYYY-MM-DD[ HH:mm[:ss]]" as a Date whose UTC fields hold that wall-clock value: Excel stores no time
 * zone, and the importer reads date cells back the same way.
 */
export function sheetDate(text: string): Date | undefined {
  if (!ISO_DAY.test(text)) return undefined;
  const part = (from: number) => Number(text.slice(from, from + 2)) || 0;
  const ms = Date.UTC(
    Number(text.slice(0, 4)),
    Number(text.slice(5, 7)) - 1,
    part(8),
    part(11),
    part(14),
    part(17),
  );
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** A typed writer for a field's values; undefined from `value` means "not the expected shape: as text". */
interface Typed {
  kind: ColumnKind;
  numFmt?: string;
  value(v: unknown): Cell | undefined;
}

const asNumber = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const asDate = (v: unknown) => (typeof v === "string" ? sheetDate(v) : undefined);

function decimalFormat(decimals: number | undefined): string | undefined {
  if (decimals === undefined) return undefined;
  return decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
}

/** Typed .xlsx cells: numbers, money in yuan (kept in fen), dates. CSV gets text for all but numbers. */
function typedCell(field: FieldDef, format: ExportFormat, formulaType?: FormulaType): Typed | null {
  const csv = format === "csv";
  switch (field.type) {
    case "integer":
      return { kind: "number", value: (v) => (csv ? undefined : asNumber(v)) };
    case "decimal":
      // CSV: the field's own format keeps its decimal places.
      return {
        kind: "number",
        numFmt: decimalFormat(field.options.decimals),
        value: (v) => (csv ? undefined : asNumber(v)),
      };
    case "money":
      return {
        kind: "number",
        numFmt: "#,##0.00",
        value: (v) => {
          const fen = asNumber(v);
          if (fen === undefined) return undefined;
          return csv ? (fen / 100).toFixed(2) : fen / 100;
        },
      };
    case "date":
      return csv ? null : { kind: "date", numFmt: DATE_FORMAT, value: asDate };
    case "datetime":
      return csv ? null : { kind: "datetime", numFmt: DATETIME_FORMAT, value: asDate };
    case "formula":
      if (formulaType === "number")
        return { kind: "number", value: (v) => (typeof v === "number" && !csv ? v : undefined) };
      if (formulaType === "date" && !csv) return { kind: "date", numFmt: DATE_FORMAT, value: asDate };
      return null;
    default:
      return null;
  }
}

/** A stored or formula field of the table, its cells as the field type formats them unless typed. */
export function fieldColumn(field: FieldDef, ctx: ColumnContext, formulaType?: FormulaType): ExportColumn {
  const masked = field.sensitive && !ctx.reveal;
  const type = fieldType(field.type);
  const options: FormatOptions = { lang: "zh-CN", masked, dictionary: ctx.dictionary };
  const key = field.key;
  const text = (v: unknown): Cell => {
    const shown = type.format(v, field, options);
    return shown === "" ? null : shown;
  };
  const base = { header: field.label, key, masked };
  // A masked value is text whatever its type: the mask is what the reader may see.
  const typed = masked ? null : typedCell(field, ctx.format, formulaType);
  if (!typed) {
    return {
      ...base,
      kind: "text",
      numFmt: TEXT_FORMAT,
      cell: (row) => {
        const v = row.values[key];
        return v === null || v === undefined ? null : text(v);
      },
    };
  }
  return {
    ...base,
    kind: typed.kind,
    numFmt: typed.numFmt,
    cell: (row) => {
      const v = row.values[key];
      if (v === null || v === undefined) return null;
      return typed.value(v) ?? text(v);
    },
  };
}

const KIND_OF_VALUE: Partial<Record<ResolvedField["kind"], ColumnKind>> = {
  number: "number",
  money: "number",
  date: "date",
  datetime: "datetime",
};

/**
 * A column the replica computes (a view's computed column, an address level): its values were read in
 * the same scan as the order, one per selected row.
 */
export function replicaColumn(
  field: ResolvedField,
  values: readonly unknown[],
  ctx: ColumnContext,
): ExportColumn {
  const kind = KIND_OF_VALUE[field.kind] ?? "text";
  const csv = ctx.format === "csv";
  const numFmt = kind === "date" ? DATE_FORMAT : kind === "datetime" ? DATETIME_FORMAT : undefined;
  return {
    header: field.label,
    kind,
    numFmt: kind === "text" ? TEXT_FORMAT : numFmt,
    key: field.key,
    masked: false,
    cell: (row) => replicaCell(values[row.at], csv),
  };
}

/** A DuckDB value as a cell: BIGINT → number, DATE → Date (text in CSV), booleans as 是 / 否. */
export function replicaCell(value: unknown, csv: boolean): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return csv ? String(value) : Number(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    const n = Number.isInteger(value) ? value : Math.round(value * 1e6) / 1e6;
    return csv ? String(n) : n;
  }
  if (typeof value === "boolean") return value ? "是" : "否";
  if (value instanceof Date) return csv ? value.toISOString().slice(0, 10) : value;
  return String(value);
}

/** 系统编号, 主记录系统编号 and 数据版本: what the importer matches rows and detects conflicts by. */
export function systemColumns(format: ExportFormat) {
  const text = (header: string, cell: ExportColumn["cell"]): ExportColumn => ({
    header,
    kind: "text",
    numFmt: TEXT_FORMAT,
    key: null,
    masked: false,
    cell,
  });
  return {
    systemId: text(SYSTEM_ID_HEADER, (row) => row.systemId),
    parent: text(PARENT_HEADER, (row) => row.parentSystemId),
    version: {
      header: VERSION_HEADER,
      kind: "number",
      key: null,
      masked: false,
      cell: format === "csv" ? (row) => String(row.version) : (row) => row.version,
    } satisfies ExportColumn,
  };
}

/** Width in Excel's character units: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! >= 0x1100 ? 2 : 1;
  return width;
}

const MIN_WIDTH = 6;
const MAX_WIDTH = 50;

/** Column widths from the header and the first rows (a date is ten characters, a datetime sixteen). */
export function columnWidths(columns: readonly ExportColumn[], sample: readonly Cell[][]): number[] {
  return columns.map((column, i) => {
    let widest = displayWidth(column.header) + 2; // room for the filter button
    for (const row of sample) {
      const cell = row[i];
      if (cell === null || cell === undefined) continue;
      const w =
        cell instanceof Date
          ? column.kind === "datetime"
            ? 16
            : 10
          : typeof cell === "number"
            ? String(cell).length + 2
            : displayWidth(cell);
      if (w > widest) widest = w;
    }
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 1));
  });
}
