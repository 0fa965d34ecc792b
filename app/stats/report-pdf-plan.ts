// How a pivot report goes onto A4 paper: portrait when it fits at the normal size, else landscape with the
// font shrunk step by step to a readable minimum, else split by columns into parts printed one after the
// other (each with the row labels and its own header), so no column is ever cut off. Widths are estimated
// from the text (a Chinese character is one em wide, a digit about half), which is close enough for Noto
// Sans SC; long labels wrap inside their width. Pure.
import type { Leaf, ReportLayout } from "./report-layout.ts";
import { formatValue } from "./report-layout.ts";

export const A4 = { short: 595.28, long: 841.89 };
export const MARGIN = 28;
/** Font sizes tried in order; the last is the smallest a printed table stays readable at. */
export const SIZES = [9, 8, 7] as const;
const PADDING = 6;
/** A header label wider than this many ems wraps instead of widening its column. */
const HEADER_EMS = 4;
const LABEL_EMS = 9;

export interface PdfPlan {
  orientation: "portrait" | "landscape";
  fontSize: number;
  /** Widths in points of the row-label columns, then of every leaf column. */
  labelWidths: number[];
  leafWidths: number[];
  /** Ranges of leaf indexes [from, to) printed together. */
  parts: [number, number][];
}

/** Width of a text in ems of Noto Sans SC (near enough: wide characters 1, digits and Latin about 0.55). */
export function ems(text: string): number {
  let w = 0;
  for (const ch of text) {
    if (/[,.:;'|!il]/.test(ch)) w += 0.28;
    else if (ch === " ") w += 0.25;
    else if (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[\u{20000}-\u{3fffd}]/u.test(ch)) w += 1;
    else w += 0.58;
  }
  return w;
}

function widths(layout: ReportLayout, size: number) {
  const bold = 1.04; // 小计 / 合计 rows and the header are bold, a little wider
  const labelWidths = layout.corner.map((corner, i) => {
    const texts = [corner, ...layout.rows.map((r) => (r.labels[i]?.span === 1 ? r.labels[i]!.text : ""))];
    return Math.min(LABEL_EMS, Math.max(2, ...texts.map(ems))) * size * bold + PADDING;
  });
  const bottom = layout.header[layout.header.length - 1] ?? [];
  const leafWidths = layout.leaves.map((leaf, j) => {
    const numbers = layout.rows.map((r) =>
      ems(formatValue(r.values[j], layout.decimals[leaf.measure] ?? 0, "zh-CN")),
    );
    const header = bottom[j]?.span === 1 ? Math.min(HEADER_EMS, ems(bottom[j]!.label)) : 2;
    return Math.max(2.5, header, ...numbers) * size * bold + PADDING;
  });
  return { labelWidths, leafWidths };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Leaves that must stay on one part: the measures of one column key, or of the row totals. */
function blocks(leaves: readonly Leaf[]): [number, number][] {
  const out: [number, number][] = [];
  leaves.forEach((leaf, i) => {
    const last = out[out.length - 1];
    if (last && leaves[last[0]]!.column === leaf.column) last[1] = i + 1;
    else out.push([i, i + 1]);
  });
  return out;
}

export function planPdf(layout: ReportLayout): PdfPlan {
  const portrait = A4.short - 2 * MARGIN;
  const landscape = A4.long - 2 * MARGIN;
  const all: [number, number][] = [[0, layout.leaves.length]];
  for (const size of SIZES) {
    const w = widths(layout, size);
    const total = sum(w.labelWidths) + sum(w.leafWidths);
    if (size === SIZES[0] && total <= portrait)
      return { orientation: "portrait", fontSize: size, ...w, parts: all };
    if (total <= landscape) return { orientation: "landscape", fontSize: size, ...w, parts: all };
  }
  const size = SIZES[SIZES.length - 1]!;
  const w = widths(layout, size);
  const room = landscape - sum(w.labelWidths);
  const parts: [number, number][] = [];
  for (const [from, to] of blocks(layout.leaves)) {
    const last = parts[parts.length - 1];
    if (last && sum(w.leafWidths.slice(last[0], to)) <= room) last[1] = to;
    else parts.push([from, to]);
  }
  return { orientation: "landscape", fontSize: size, ...w, parts };
}
