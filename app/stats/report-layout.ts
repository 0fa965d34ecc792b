// A pivot report laid out once for its three renderers (screen/print table, .xlsx, PDF): the leaf columns
// (column key × measure, then the row totals), the header rows with their spans, the row labels with
// 小计 / 合计, and how many decimals each measure shows. Pure and isomorphic.
import type { Lang } from "../i18n/index.ts";
import { type StatsReportStrings, statsReport } from "../i18n/stats-report.ts";
import type { GroupKey, Moment, PivotResult, PivotRow } from "./results.ts";

/** One data column: a leaf column combination (null: the row total) and one measure. */
export interface Leaf {
  column: number | null;
  measure: number;
  path: GroupKey[];
}

export interface HeaderCell {
  label: string;
  /** Leaf columns it spans. */
  span: number;
  /** Header rows it spans (合计 over the column-group levels). */
  rowSpan: number;
  /** Part of the row-total column. */
  total: boolean;
  /** Under a cell of an upper row that spans down over it: drawn by nothing (HTML, xlsx) or blank (PDF). */
  covered: boolean;
}

export interface LabelCell {
  text: string;
  /** Row-label columns it spans (小计 and 合计 fill the inner ones). */
  span: number;
  /** Rows this outer key spans when merged (HTML); 0: merged into the cell above. */
  rowSpan: number;
}

export interface BodyRow {
  kind: PivotRow["kind"];
  labels: LabelCell[];
  /** One per leaf. */
  values: (number | null)[];
}

export interface ReportLayout {
  title: string;
  /** 截至 … / 实时数据 …, and the measure when a single one is not named in the header. */
  lines: string[];
  /** Labels of the row-group columns (the header's corner). */
  corner: string[];
  leaves: Leaf[];
  /** Header rows for the data columns, top first. */
  header: HeaderCell[][];
  rows: BodyRow[];
  /** Decimals per measure: averages 2, measures with any fraction 2, whole numbers 0. */
  decimals: number[];
  empty: boolean;
}

/** Fill {{name}} placeholders (the server renderers do not run i18next). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ""));
}

export const reportStrings = (lang: Lang): StatsReportStrings => statsReport[lang] ?? statsReport["zh-CN"];

const CHINA_TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Shanghai",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

export function momentLine(moment: Moment, s: StatsReportStrings): string {
  return moment.live
    ? fill(s.live, { day: moment.day, time: CHINA_TIME.format(new Date(moment.at)) })
    : fill(s.asOf, { day: moment.day });
}

/** A number as the report shows it: thousands separators of the language, fixed decimals, none as "–". */
export function formatValue(value: number | null | undefined, decimals: number, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return statsReport[lang].blank;
  return value.toLocaleString(lang, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** The Excel number format of a measure with this many decimals. */
export const numFmt = (decimals: number) => (decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0");

const keyId = (path: readonly GroupKey[]) => JSON.stringify(path.map((k) => [k.code, k.label]));

/** Whether measures get a header row of their own: several of them, or no column groups to name. */
export const measureRow = (r: PivotResult) => r.measures.length > 1 || r.columnFields.length === 0;

export function leavesOf(r: PivotResult): Leaf[] {
  const measures = r.measures.map((_, i) => i);
  const cells = r.columns.flatMap((c, column) =>
    measures.map((measure) => ({ column, measure, path: c.path })),
  );
  // Without column groups the one column already is the row total.
  if (r.columnFields.length === 0) return cells;
  return [...cells, ...measures.map((measure) => ({ column: null, measure, path: [] }))];
}

/** The header rows over some leaves (all of them, or one part of a PDF split by columns). */
export function headerRows(r: PivotResult, leaves: readonly Leaf[], s: StatsReportStrings): HeaderCell[][] {
  const levels = r.columnFields.length;
  const rows: HeaderCell[][] = [];
  for (let level = 0; level < levels; level++) {
    const row: HeaderCell[] = [];
    let last = "";
    for (const leaf of leaves) {
      const id = leaf.column === null ? "$total" : keyId(leaf.path.slice(0, level + 1));
      const prev = row[row.length - 1];
      if (prev && id === last) {
        prev.span++;
        continue;
      }
      last = id;
      const total = leaf.column === null;
      row.push({
        label: total ? (level === 0 ? s.total : "") : (leaf.path[level]?.label ?? ""),
        span: 1,
        rowSpan: total && level === 0 ? levels : 1,
        total,
        covered: total && level > 0,
      });
    }
    rows.push(row);
  }
  if (measureRow(r))
    rows.push(
      leaves.map((leaf) => ({
        label: r.measures[leaf.measure]?.label ?? "",
        span: 1,
        rowSpan: 1,
        total: leaf.column === null,
        covered: false,
      })),
    );
  return rows;
}

function labelsOf(row: PivotRow, depth: number, s: StatsReportStrings): LabelCell[] {
  const keys = row.path.slice(0, depth).map((k) => ({ text: k.label, span: 1, rowSpan: 1 }));
  if (row.kind === "cell") return keys;
  const text = row.kind === "total" ? s.total : s.subtotal;
  return [...keys, { text, span: Math.max(1, depth - keys.length), rowSpan: 1 }];
}

/** Merge each outer key over the rows that share it (its cells and its subtotals), for the HTML table. */
function mergeOuterKeys(rows: BodyRow[], paths: GroupKey[][], depth: number) {
  for (let level = 0; level < depth - 1; level++) {
    let start = -1;
    for (let i = 0; i < rows.length; i++) {
      const same =
        start >= 0 &&
        paths[i]!.length > level &&
        keyId(paths[i]!.slice(0, level + 1)) === keyId(paths[start]!.slice(0, level + 1));
      if (same) {
        rows[start]!.labels[level]!.rowSpan++;
        rows[i]!.labels[level]!.rowSpan = 0;
      } else start = paths[i]!.length > level ? i : -1;
    }
  }
}

export function layoutReport(r: PivotResult, lang: Lang): ReportLayout {
  const s = reportStrings(lang);
  const leaves = leavesOf(r);
  const depth = r.rowFields.length;
  const rows = r.rows.map((row) => ({
    kind: row.kind,
    labels: labelsOf(row, depth, s),
    values: leaves.map(
      (l) => (l.column === null ? row.total[l.measure] : row.values[l.column]?.[l.measure]) ?? null,
    ),
  }));
  mergeOuterKeys(
    rows,
    r.rows.map((row) => (row.kind === "total" ? [] : row.path)),
    depth,
  );
  const decimals = r.measures.map((m, i) => {
    if (m.fn === "avg") return 2;
    const fraction = rows.some((row) =>
      row.values.some((v, j) => leaves[j]!.measure === i && v !== null && !Number.isInteger(v)),
    );
    return fraction ? 2 : 0;
  });
  const lines = [momentLine(r.moment, s)];
  if (!measureRow(r) && r.measures[0]) lines.push(fill(s.measure, { measure: r.measures[0].label }));
  return {
    title: r.name,
    lines,
    corner: r.rowFields.map((f) => f.label),
    leaves,
    header: headerRows(r, leaves, s),
    rows,
    decimals,
    empty: r.empty,
  };
}
