// The designer's editing model, pure: a blank template, an element of each type with sensible defaults,
// the draft being edited (the template plus a stable id per element, for React keys and for pinning
// error messages to an element while the list is reordered), mm ↔ px on the canvas, snapping and nudging,
// merge tags split out for highlighting, and the server's field errors sorted to where they belong.
import {
  type ElementType,
  labelSize,
  labelsPerPage,
  type PrintElement,
  type PrintTemplate,
  type TemplateCategory,
} from "../../print/template.ts";

/** Millimetres in one typographic point. */
export const MM_PER_PT = 25.4 / 72;

/** Where a new element lands on the label (mm from its top-left). */
export const NEW_AT = 5;

/** The step a drag snaps to and an arrow key moves by; Shift moves by the big step. */
export const SNAP_MM = 0.5;
export const BIG_STEP_MM = 5;

/** A PNG or JPEG of at most this many bytes still fits the schema's 4,000,000-character data: URL. */
export const MAX_IMAGE_BYTES = 2_990_000;
export const MAX_IMAGE_URL = 4_000_000;

/** A new template: A4 portrait, one label a page, 10 mm margins, nothing on it yet. */
export function blankTemplate(category: TemplateCategory = "other", name = ""): PrintTemplate {
  return {
    format: 1,
    name,
    description: "",
    category,
    table: "people",
    paper: { size: "A4", orientation: "portrait" },
    margins: { top: 10, right: 10, bottom: 10, left: 10 },
    grid: { columns: 1, rows: 1, gapX: 0, gapY: 0, cutMarks: false },
    defaults: {},
    elements: [],
  };
}

/** What a new element may take from the table: its merge names and first photo field. */
export interface ElementContext {
  names: readonly string[];
  photoField?: string;
  /** The element's shown name ("文字", "照片" …), in the reader's language. */
  label: string;
}

const box = (name: string, width: number, height: number) => ({
  name,
  x: NEW_AT,
  y: NEW_AT,
  width,
  height,
  rotate: 0 as const,
});

/** A new element of the type, placed at 5, 5 mm; sizes fit a badge and read well on an A4 sheet. */
export function newElement(type: ElementType, context: ElementContext): PrintElement {
  const has = (name: string) => context.names.includes(name);
  const code = has("系统编号") ? "{{系统编号}}" : "";
  const name = context.label.slice(0, 40);
  switch (type) {
    case "text":
      return {
        type,
        ...box(name, 60, 10),
        text: has("姓名") ? "{{姓名}}" : name,
        fontSize: 14,
        fontWeight: 400,
        color: "#000000",
        align: "left",
        verticalAlign: "top",
        letterSpacing: 0,
        lineHeight: 1.4,
        vertical: false,
        overflow: "shrink",
      };
    case "photo":
      return {
        type,
        ...box(name, 25, 35),
        ...(context.photoField ? { field: context.photoField } : {}),
        fit: "cover",
        borderColor: "#999999",
      };
    case "qr":
      return { type, ...box(name, 20, 20), text: code, color: "#000000" };
    case "barcode":
      return { type, ...box(name, 50, 14), text: code, symbology: "code128", showText: true };
    case "image":
      return { type, ...box(name, 30, 20), src: "", fit: "contain" };
    case "line":
      return { type, ...box(name, 50, 0), strokeWidth: 0.5, color: "#000000", dash: false };
    case "rect":
      return {
        type,
        ...box(name, 40, 25),
        strokeWidth: 0.5,
        color: "#000000",
        fill: null,
        radius: 0,
        double: false,
      };
    case "postcode":
      return {
        type,
        ...box(name, 54, 8),
        text: has("邮政编码") ? "{{邮政编码}}" : "",
        boxes: 6,
        color: "#c8102e",
        fontSize: 14,
      };
  }
}

// ---- The draft --------------------------------------------------------------------------------------

/** The template being edited, each element with an id that stays with it when the list is reordered. */
export interface Draft {
  template: PrintTemplate;
  ids: number[];
  /** The next id to hand out. */
  next: number;
}

export function draftOf(template: PrintTemplate): Draft {
  return { template, ids: template.elements.map((_, i) => i + 1), next: template.elements.length + 1 };
}

export function withTemplate(draft: Draft, change: (t: PrintTemplate) => PrintTemplate): Draft {
  return { ...draft, template: change(draft.template) };
}

/** The element at `index` with some properties changed (the type stays). */
export function patchElement(draft: Draft, index: number, patch: Partial<PrintElement>): Draft {
  const elements = draft.template.elements.map((el, i) =>
    i === index ? ({ ...el, ...patch, type: el.type } as PrintElement) : el,
  );
  return { ...draft, template: { ...draft.template, elements } };
}

/** Adds the element on top of the others; returns the draft and the new element's id. */
export function addElement(draft: Draft, element: PrintElement): { draft: Draft; id: number } {
  const id = draft.next;
  return {
    draft: {
      template: { ...draft.template, elements: [...draft.template.elements, element] },
      ids: [...draft.ids, id],
      next: id + 1,
    },
    id,
  };
}

export function removeElement(draft: Draft, index: number): Draft {
  return {
    ...draft,
    template: { ...draft.template, elements: draft.template.elements.filter((_, i) => i !== index) },
    ids: draft.ids.filter((_, i) => i !== index),
  };
}

/** A copy of the element 2 mm down and right, just above it. */
export function duplicateElement(draft: Draft, index: number, copyName: (name: string) => string) {
  const source = draft.template.elements[index];
  if (!source) return { draft, id: null };
  const copy = {
    ...source,
    name: copyName(source.name).slice(0, 40),
    x: snap(source.x + 2),
    y: snap(source.y + 2),
  } as PrintElement;
  const id = draft.next;
  const elements = [...draft.template.elements];
  const ids = [...draft.ids];
  elements.splice(index + 1, 0, copy);
  ids.splice(index + 1, 0, id);
  return { draft: { template: { ...draft.template, elements }, ids, next: id + 1 }, id };
}

/** Moves the element `by` places in the drawing order (+1: drawn later, so on top). */
export function moveElement(draft: Draft, index: number, by: number): Draft {
  const to = index + by;
  if (to < 0 || to >= draft.ids.length || by === 0) return draft;
  return {
    ...draft,
    template: { ...draft.template, elements: moveItem(draft.template.elements, index, to) },
    ids: moveItem(draft.ids, index, to),
  };
}

export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const out = [...items];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item!);
  return out;
}

// ---- Geometry ---------------------------------------------------------------------------------------

/** Rounded to the step, without binary fractions left over (0.1 + 0.2). */
export function snap(mm: number, step = SNAP_MM): number {
  return Number((Math.round(mm / step) * step).toFixed(2));
}

/** Pixels per millimetre that fit the label in the space: at most `maxWidth` wide and `maxHeight` tall. */
export function canvasScale(
  label: { width: number; height: number },
  space: { width: number; maxWidth: number; maxHeight: number },
): number {
  if (label.width <= 0 || label.height <= 0) return 1;
  const width = Math.max(120, Math.min(space.width, space.maxWidth));
  return Math.min(width / label.width, space.maxHeight / label.height);
}

/** Where a drag from (x0, y0) lands after the pointer moved (dx, dy) pixels, snapped. */
export function dragTo(start: { x: number; y: number }, dxPx: number, dyPx: number, scale: number) {
  return { x: snap(start.x + dxPx / scale), y: snap(start.y + dyPx / scale) };
}

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** The new position for an arrow key (null for other keys): 0.5 mm, or 5 mm with Shift. */
export function nudge(
  el: { x: number; y: number },
  key: string,
  big: boolean,
): { x: number; y: number } | null {
  const dir = ARROWS[key];
  if (!dir) return null;
  const step = big ? BIG_STEP_MM : SNAP_MM;
  return { x: snap(el.x + dir[0] * step), y: snap(el.y + dir[1] * step) };
}

const tenth = (mm: number) => Math.round(mm * 10) / 10;

/** "每张 90 × 64.8 mm，每页 8 张": one label's size (to 0.1 mm) and the labels a page. */
export function labelSummary(template: Pick<PrintTemplate, "paper" | "margins" | "grid">) {
  const size = labelSize(template);
  return { width: tenth(size.width), height: tenth(size.height), count: labelsPerPage(template) };
}

// ---- Merge text -------------------------------------------------------------------------------------

const TAG = /\{\{\{?\s*([#^/&]?)\s*([^{}]*?)\s*\}?\}\}/g;

export type Segment = { text: string; tag?: undefined } | { text: string; tag: string };

/** The text cut into literal parts and {{tags}} (a tag keeps its source text and its name). */
export function mergeSegments(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(TAG)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push({ text: m[0], tag: m[2] ?? "" });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

/** The text with plain {{tags}} filled from the values (an unknown name gives ""). */
export function fillMerge(text: string, values: Record<string, string>): string {
  return mergeSegments(text)
    .map((s) => (s.tag === undefined ? s.text : (values[s.tag] ?? "")))
    .join("");
}

const POSTCODE = /(?<!\d)(\d{6})(?!\d)/;

/** A record's values as a print sees them: 邮政编码 found in the address, then the template's defaults. */
export function sampleValues(merge: Record<string, string>, defaults: Record<string, string>) {
  const values: Record<string, string> = { ...merge };
  if (!values.邮政编码) values.邮政编码 = POSTCODE.exec(values.现住址 ?? "")?.[1] ?? "";
  for (const [name, value] of Object.entries(defaults)) if (!values[name]) values[name] = value;
  return values;
}

/** `{{name}}` put in place of the selection; returns the text and where the caret goes. */
export function insertTag(text: string, start: number, end: number, name: string) {
  const tag = `{{${name}}}`;
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + tag + text.slice(to), caret: from + tag.length };
}

// ---- Saving -----------------------------------------------------------------------------------------

/** JSON with object keys sorted, so two equal templates compare equal however they were built. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v as object)
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}

/** The server's field errors sorted out: those of an element (by its id, then property) and the rest. */
export interface SortedErrors {
  /** Element id → property ("" for the element as a whole) → message. */
  elements: Map<number, Record<string, string>>;
  other: Record<string, string>;
}

export const noErrors: SortedErrors = { elements: new Map(), other: {} };

/** `ids` are the element ids of the template as it was sent (indices in the paths refer to it). */
export function sortErrors(fields: Record<string, string> | undefined, ids: readonly number[]): SortedErrors {
  const out: SortedErrors = { elements: new Map(), other: {} };
  for (const [path, message] of Object.entries(fields ?? {})) {
    const m = /^elements\.(\d+)(?:\.(.+))?$/.exec(path);
    const id = m ? ids[Number(m[1])] : undefined;
    if (m && id !== undefined) {
      const own = out.elements.get(id) ?? {};
      own[m[2] ?? ""] = message;
      out.elements.set(id, own);
    } else out.other[path] = message;
  }
  return out;
}

export function hasErrors(errors: SortedErrors): boolean {
  return errors.elements.size > 0 || Object.keys(errors.other).length > 0;
}
