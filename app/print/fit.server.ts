// Fitting a text box: the text is measured with the very font the PDF embeds (fontkit, the outlines
// react-pdf draws), broken into lines by us, shrunk when it does not fit (down to half its size) and cut
// with "…" when even that is not enough, so a long name never runs onto the next label. Lines are handed
// to react-pdf one by one, already fitting, so it never wraps them again.
import * as fontkit from "fontkit";
import { pdfFontFile } from "../stats/pdf-font.server.ts";
import type { TextElement } from "./template.ts";

const PT_PER_MM = 72 / 25.4;
const ELLIPSIS = "…";
/** Room left at a line's end for rounding between our measure and the renderer's. */
const SLACK = 0.985;

type Font = {
  unitsPerEm: number;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
};
const fonts = new Map<number, Font>();

function font(weight: 400 | 700): Font {
  let f = fonts.get(weight);
  if (!f) {
    f = fontkit.openSync(pdfFontFile(weight)) as unknown as Font;
    fonts.set(weight, f);
  }
  return f;
}

/** Width in points of `text` at `size`. */
type Measure = (text: string, size: number) => number;

/**
 * Widths from each character's advance (cached per character): Chinese text has no kerning or ligatures,
 * and the little Latin text may have leaves the line's slack to cover — far quicker than shaping every
 * candidate line.
 */
function measurer(el: Pick<TextElement, "fontWeight" | "letterSpacing">): Measure {
  const f = font(el.fontWeight);
  const advances = new Map<number, number>();
  const advance = (cp: number) => {
    let a = advances.get(cp);
    if (a === undefined) {
      a = f.glyphForCodePoint(cp).advanceWidth / f.unitsPerEm;
      advances.set(cp, a);
    }
    return a;
  };
  return (text, size) => {
    let em = 0;
    let chars = 0;
    for (const ch of text) {
      em += advance(ch.codePointAt(0)!);
      chars++;
    }
    return em * size + el.letterSpacing * chars;
  };
}

/** Pieces a line may break between: each Chinese character alone, a Latin word with its space. */
function pieces(text: string): string[] {
  return text.match(/[A-Za-z0-9\u00c0-\u024f.,:;!?'"%()\-/@_+&#]+\s*|\s+|./gsu) ?? [];
}

function wrap(text: string, width: number, size: number, measure: Measure): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const piece of pieces(paragraph)) {
      const next = line + piece;
      if (line && measure(next.trimEnd(), size) > width) {
        lines.push(line.trimEnd());
        line = piece.trimStart();
        // A single piece wider than the box (a very long number) is cut character by character.
        while (line.length > 1 && measure(line, size) > width) {
          let cut = line.length - 1;
          while (cut > 1 && measure(line.slice(0, cut), size) > width) cut--;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      } else line = next;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

function withEllipsis(line: string, width: number, size: number, measure: Measure): string {
  const chars = [...line];
  while (chars.length > 0 && measure(chars.join("") + ELLIPSIS, size) > width) chars.pop();
  return chars.join("") + ELLIPSIS;
}

export interface FittedText {
  fontSize: number;
  /** Horizontal: lines top to bottom. Vertical: columns right to left. */
  lines: string[];
  /** True when text was cut with "…". */
  cut: boolean;
}

function fitHorizontal(el: TextElement, text: string, measure: Measure): FittedText {
  const width = el.width * PT_PER_MM * SLACK;
  const height = el.height * PT_PER_MM;
  const smallest = el.overflow === "shrink" ? Math.max(4, el.fontSize / 2) : el.fontSize;
  let size = el.fontSize;
  for (;;) {
    const lines = wrap(text, width, size, measure);
    const room = Math.max(1, Math.floor(height / (size * el.lineHeight) + 0.01));
    if (lines.length <= room) return { fontSize: size, lines, cut: false };
    const next = Math.max(smallest, Math.floor(size * 0.9 * 10) / 10);
    if (next >= size) {
      const kept = lines.slice(0, room);
      kept[room - 1] = withEllipsis(kept[room - 1], width, size, measure);
      return { fontSize: size, lines: kept, cut: true };
    }
    size = next;
  }
}

/** Characters top to bottom in columns; each character takes one em plus the letter spacing. */
function fitVertical(el: TextElement, text: string): FittedText {
  const chars = [...text.replace(/\s+/g, "")];
  const width = el.width * PT_PER_MM;
  const height = el.height * PT_PER_MM;
  const smallest = el.overflow === "shrink" ? Math.max(4, el.fontSize / 2) : el.fontSize;
  let size = el.fontSize;
  for (;;) {
    const perColumn = Math.max(1, Math.floor(height / (size + el.letterSpacing) + 0.01));
    const columnsRoom = Math.max(1, Math.floor(width / (size * el.lineHeight) + 0.01));
    const columns: string[] = [];
    for (let i = 0; i < chars.length; i += perColumn) columns.push(chars.slice(i, i + perColumn).join(""));
    if (columns.length <= columnsRoom) return { fontSize: size, lines: columns, cut: false };
    const next = Math.max(smallest, Math.floor(size * 0.9 * 10) / 10);
    if (next >= size) {
      const kept = columns.slice(0, columnsRoom);
      const last = [...kept[columnsRoom - 1]];
      last[last.length - 1] = "…";
      kept[columnsRoom - 1] = last.join("");
      return { fontSize: size, lines: kept, cut: true };
    }
    size = next;
  }
}

/** A fitter for one template's text boxes: measures are cached per box across every record. */
export function textFitter(): (el: TextElement, text: string) => FittedText {
  const measures = new Map<TextElement, Measure>();
  return (el, text) => {
    if (text === "") return { fontSize: el.fontSize, lines: [], cut: false };
    if (el.vertical) return fitVertical(el, text);
    let measure = measures.get(el);
    if (!measure) {
      measure = measurer(el);
      measures.set(el, measure);
    }
    return fitHorizontal(el, text, measure);
  };
}
