// A print template 打印模板: the paper, an N-up grid of labels on it, and the elements of one label,
// positioned in millimetres from the label's top-left corner. Text, QR codes and barcodes take merge
// fields as mustache tags ({{姓名}}), the same as mass notices. Pure and isomorphic: the designer edits
// this shape, the server checks it with the same schema, and a template file (.json) is exactly this.
import { z } from "zod";

/** Paper sizes in millimetres (portrait): ISO A/B, and the envelopes of GB/T 1416. */
export const PAPER_SIZES = {
  A4: { width: 210, height: 297, zh: "A4", en: "A4" },
  A5: { width: 148, height: 210, zh: "A5", en: "A5" },
  B5: { width: 176, height: 250, zh: "B5", en: "B5" },
  A6: { width: 105, height: 148, zh: "A6（明信片）", en: "A6 (postcard)" },
  DL: { width: 110, height: 220, zh: "DL 信封 110×220", en: "DL envelope 110×220" },
  ZL: { width: 120, height: 230, zh: "ZL 信封 120×230", en: "ZL envelope 120×230" },
  C5: { width: 162, height: 229, zh: "C5 信封 162×229", en: "C5 envelope 162×229" },
  C4: { width: 229, height: 324, zh: "C4 信封 229×324", en: "C4 envelope 229×324" },
  B6: { width: 125, height: 176, zh: "B6 信封 125×176", en: "B6 envelope 125×176" },
} as const;
export type PaperSize = keyof typeof PAPER_SIZES;
export const PAPER_NAMES = Object.keys(PAPER_SIZES) as PaperSize[];

export const TEMPLATE_CATEGORIES = [
  "envelope",
  "letter",
  "certificate",
  "badge",
  "tent",
  "card",
  "label",
  "other",
] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

const mm = (max: number) => z.number().min(0).max(max);
const signedMm = z.number().min(-1000).max(1000);
const colour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, "颜色请写成 #RRGGBB / A colour is #RRGGBB")
  .default("#000000");
/** A merge text: literal text with {{字段}} tags. */
const mergeText = (max: number) => z.string().max(max, `文字最多 ${max} 个字符 / At most ${max} characters`);

const box = {
  /** A short name staff recognise in the element list ("姓名", "照片"). */
  name: z.string().trim().max(40).default(""),
  x: signedMm,
  y: signedMm,
  width: mm(1000),
  height: mm(1000),
  /** Turned about the element's centre; 180 prints a tent card's back half upside down. */
  rotate: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]).default(0),
};

export const textElementSchema = z.object({
  type: z.literal("text"),
  ...box,
  text: mergeText(5000),
  /** Points. */
  fontSize: z.number().min(4).max(200).default(12),
  fontWeight: z.union([z.literal(400), z.literal(700)]).default(400),
  color: colour,
  align: z.enum(["left", "center", "right"]).default("left"),
  verticalAlign: z.enum(["top", "middle", "bottom"]).default("top"),
  /** Points added after each character. */
  letterSpacing: z.number().min(-5).max(100).default(0),
  lineHeight: z.number().min(0.8).max(4).default(1.4),
  /** Characters stacked top to bottom, columns right to left (对联, vertical names). */
  vertical: z.boolean().default(false),
  /** When the text is too long for its box: shrink the size (to half at most), then cut with "…". */
  overflow: z.enum(["shrink", "ellipsis"]).default("shrink"),
});

export const imageElementSchema = z.object({
  type: z.literal("image"),
  ...box,
  /** A data: URL (PNG or JPEG), checked to be a real picture when the template is saved. */
  src: z.string().max(4_000_000, "图片不能超过 3 MB / A picture takes at most 3 MB"),
  fit: z.enum(["contain", "cover"]).default("contain"),
});

export const photoElementSchema = z.object({
  type: z.literal("photo"),
  ...box,
  /** The photo field's key; default: the table's first photo field. */
  field: z.string().max(80).optional(),
  fit: z.enum(["contain", "cover"]).default("cover"),
  /** Drawn around the photo and, when there is none, around the "照片" placeholder. */
  borderColor: colour.default("#999999"),
});

export const qrElementSchema = z.object({
  type: z.literal("qr"),
  ...box,
  text: mergeText(1000),
  color: colour,
});

export const barcodeElementSchema = z.object({
  type: z.literal("barcode"),
  ...box,
  text: mergeText(200),
  /** Code 128 takes any ASCII; Code 39 letters and digits. */
  symbology: z.enum(["code128", "code39"]).default("code128"),
  showText: z.boolean().default(true),
});

export const lineElementSchema = z.object({
  type: z.literal("line"),
  ...box,
  /** The line runs from (x, y) to (x + width, y + height). */
  strokeWidth: z.number().min(0.1).max(20).default(0.5),
  color: colour,
  dash: z.boolean().default(false),
});

export const rectElementSchema = z.object({
  type: z.literal("rect"),
  ...box,
  strokeWidth: z.number().min(0).max(20).default(0.5),
  color: colour,
  fill: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .nullable()
    .default(null),
  radius: mm(100).default(0),
  /** A second frame inside the first (a certificate's border). */
  double: z.boolean().default(false),
});

/** The six 邮政编码 boxes of a Chinese envelope: one digit a box. */
export const postcodeElementSchema = z.object({
  type: z.literal("postcode"),
  ...box,
  text: mergeText(100).default("{{邮政编码}}"),
  boxes: z.number().int().min(1).max(10).default(6),
  color: colour.default("#c8102e"),
  fontSize: z.number().min(4).max(60).default(14),
});

export const elementSchema = z.discriminatedUnion(
  "type",
  [
    textElementSchema,
    imageElementSchema,
    photoElementSchema,
    qrElementSchema,
    barcodeElementSchema,
    lineElementSchema,
    rectElementSchema,
    postcodeElementSchema,
  ],
  { error: "未知的元素类型 / Unknown element type" },
);
export type PrintElement = z.infer<typeof elementSchema>;
export type ElementType = PrintElement["type"];
export type TextElement = z.infer<typeof textElementSchema>;

export const ELEMENT_TYPES: ElementType[] = [
  "text",
  "photo",
  "qr",
  "barcode",
  "image",
  "line",
  "rect",
  "postcode",
];

export const MAX_ELEMENTS = 200;

export const printTemplateSchema = z.object({
  /** The file format's version; a newer file is refused with a clear message rather than misread. */
  format: z.literal(1, { error: "不支持的模板文件版本 / Unsupported template file version" }).default(1),
  name: z
    .string({ error: "请填写模板名称 / Give the template a name" })
    .trim()
    .min(1, "请填写模板名称 / Give the template a name")
    .max(100),
  description: z.string().trim().max(500).default(""),
  category: z.enum(TEMPLATE_CATEGORIES).default("other"),
  /** The table whose records it prints. */
  table: z.string().trim().min(1).max(80).default("people"),
  paper: z.object({
    size: z.enum(PAPER_NAMES as [PaperSize, ...PaperSize[]], { error: "未知的纸张 / Unknown paper" }),
    orientation: z.enum(["portrait", "landscape"]).default("portrait"),
  }),
  /** Millimetres of paper left blank around the grid. */
  margins: z
    .object({ top: mm(100), right: mm(100), bottom: mm(100), left: mm(100) })
    .default({ top: 10, right: 10, bottom: 10, left: 10 }),
  /** Labels per page: columns × rows, with gaps between them; one label is one record. */
  grid: z
    .object({
      columns: z.number().int().min(1).max(10),
      rows: z.number().int().min(1).max(20),
      gapX: mm(100).default(0),
      gapY: mm(100).default(0),
      /** Short marks at each label's corners, outside it, for cutting. */
      cutMarks: z.boolean().default(false),
    })
    .default({ columns: 1, rows: 1, gapX: 0, gapY: 0, cutMarks: false }),
  /** Values for merge fields a record does not have (邮政编码 when no field holds it, 落款 …). */
  defaults: z.record(z.string().max(40), z.string().max(500)).default({}),
  elements: z
    .array(elementSchema)
    .max(MAX_ELEMENTS, `一个模板最多 ${MAX_ELEMENTS} 个元素 / At most ${MAX_ELEMENTS} elements`),
});
export type PrintTemplate = z.infer<typeof printTemplateSchema>;
export type PrintTemplateInput = z.input<typeof printTemplateSchema>;

export interface Size {
  width: number;
  height: number;
}

/** The sheet in millimetres, turned for landscape. */
export function paperSize(template: Pick<PrintTemplate, "paper">): Size {
  const { width, height } = PAPER_SIZES[template.paper.size];
  return template.paper.orientation === "landscape" ? { width: height, height: width } : { width, height };
}

/** One label's size: the printable area shared out among the grid's cells. */
export function labelSize(template: Pick<PrintTemplate, "paper" | "margins" | "grid">): Size {
  const sheet = paperSize(template);
  const { margins, grid } = template;
  return {
    width: (sheet.width - margins.left - margins.right - grid.gapX * (grid.columns - 1)) / grid.columns,
    height: (sheet.height - margins.top - margins.bottom - grid.gapY * (grid.rows - 1)) / grid.rows,
  };
}

/** Each label's top-left corner on the sheet, row by row. */
export function labelOrigins(
  template: Pick<PrintTemplate, "paper" | "margins" | "grid">,
): Array<[number, number]> {
  const label = labelSize(template);
  const { margins, grid } = template;
  const out: Array<[number, number]> = [];
  for (let row = 0; row < grid.rows; row++)
    for (let col = 0; col < grid.columns; col++)
      out.push([
        margins.left + col * (label.width + grid.gapX),
        margins.top + row * (label.height + grid.gapY),
      ]);
  return out;
}

export const labelsPerPage = (template: Pick<PrintTemplate, "grid">) =>
  template.grid.columns * template.grid.rows;

/** What does not fit: the grid leaves no room, an element lies wholly outside its label. */
export function layoutProblems(template: PrintTemplate): Array<{ path: string; zh: string; en: string }> {
  const label = labelSize(template);
  const problems: Array<{ path: string; zh: string; en: string }> = [];
  if (label.width < 5 || label.height < 5)
    problems.push({
      path: "grid",
      zh: "页边距和间距太大，标签放不下",
      en: "The margins and gaps leave no room for the labels",
    });
  template.elements.forEach((el, i) => {
    const outside =
      el.x >= label.width || el.y >= label.height || el.x + el.width <= 0 || el.y + el.height <= 0;
    if (outside && el.type !== "line")
      problems.push({
        path: `elements.${i}`,
        zh: `元素「${el.name || i + 1}」完全在标签之外`,
        en: `Element "${el.name || i + 1}" lies wholly outside the label`,
      });
  });
  return problems;
}
