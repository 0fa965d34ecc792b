// From a template and records to labels ready to draw: every merge text checked against the table's
// fields first (a template naming a removed field is refused before any work), then per record the
// texts merged and fitted, QR paths made, barcodes drawn, photos fetched (small JPEGs, each once).
import bwipjs from "bwip-js/node";
import sharp from "sharp";
import { invalid } from "../core/errors.ts";
import type { Services } from "../core/services.server.ts";
import { mergeFieldNames, prepareText } from "../notify/merge.ts";
import type { Recipient } from "../notify/recipients.server.ts";
import type { TableDef } from "../schema/tables.server.ts";
import { qrMatrix } from "./codes.ts";
import { textFitter } from "./fit.server.ts";
import type { Drawn, PdfImage, PreparedLabel } from "./render.server.tsx";
import type { PrintElement, PrintTemplate } from "./template.ts";

/** Names a print offers besides the notice merge names. */
export const PRINT_NAMES = ["邮政编码"] as const;

/** Every name a template on this table may use: fields, derived names, its own defaults. */
export function printFieldNames(table: TableDef, template: Pick<PrintTemplate, "defaults">): string[] {
  return [...new Set([...mergeFieldNames(table), ...PRINT_NAMES, ...Object.keys(template.defaults)])];
}

const elementName = (el: PrintElement, i: number) => el.name || `#${i + 1}`;

type Render = (values: Record<string, string>) => string;

export interface CompiledTemplate {
  template: PrintTemplate;
  table: TableDef;
  /** Per element: its compiled merge text, if it has one. */
  texts: Array<Render | null>;
  /** Per element: the photo field's key, for photo elements. */
  photoFields: Array<string | null>;
  images: Array<PdfImage | null>;
}

/** Checks the template against the table; throws `invalid` naming every problem (field path → message). */
export async function compileTemplate(template: PrintTemplate, table: TableDef): Promise<CompiledTemplate> {
  const names = printFieldNames(table, template);
  const fields: Record<string, string> = {};
  const problems: string[] = [];
  const fail = (path: string, zh: string, en: string) => {
    fields[path] = `${zh} / ${en}`;
    problems.push(`${zh} / ${en}`);
  };
  const texts: Array<Render | null> = [];
  const photoFields: Array<string | null> = [];
  const images: Array<PdfImage | null> = [];
  const firstPhoto = table.fields.find((f) => f.type === "photo")?.key ?? null;
  for (const [i, el] of template.elements.entries()) {
    texts.push(null);
    photoFields.push(null);
    images.push(null);
    if ("text" in el) {
      const name = elementName(el, i);
      const checked = prepareText(
        { key: `elements.${i}`, zh: `「${name}」`, en: `"${name}"`, source: el.text },
        names,
      );
      if (checked.ok) texts[i] = checked.render;
      else fail(`elements.${i}.text`, checked.zh, checked.en);
    }
    if (el.type === "photo") {
      const key = el.field ?? firstPhoto;
      const field = table.fields.find((f) => f.key === key && f.type === "photo");
      if (field) photoFields[i] = field.key;
      else if (el.field)
        fail(
          `elements.${i}.field`,
          `「${elementName(el, i)}」的照片字段已不存在`,
          `The photo field of "${elementName(el, i)}" no longer exists`,
        );
      else fail(`elements.${i}`, `「${table.name}」没有照片字段`, `"${table.name}" has no photo field`);
    }
    if (el.type === "image") {
      const image = await decodeImage(el.src);
      if (image) images[i] = image;
      else
        fail(
          `elements.${i}.src`,
          `「${elementName(el, i)}」的图片不是 PNG 或 JPEG 图片`,
          `The picture of "${elementName(el, i)}" is not a PNG or JPEG image`,
        );
    }
  }
  if (problems.length > 0) throw invalid(`模板有问题：${problems.join("；")}`, fields);
  return { template, table, texts, photoFields, images };
}

const DATA_URL = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/=\s]+)$/;

/** A data: URL's picture, decoded and checked by really reading it (a renamed file is not a picture). */
export async function decodeImage(src: string): Promise<PdfImage | null> {
  const m = DATA_URL.exec(src);
  if (!m) return null;
  const data = Buffer.from(m[2], "base64");
  try {
    const meta = await sharp(data, { limitInputPixels: 50_000_000 }).metadata();
    if (meta.format !== (m[1] === "png" ? "png" : "jpeg")) return null;
  } catch {
    return null;
  }
  return { data, format: m[1] === "png" ? "png" : "jpg" };
}

const POSTCODE = /(?<!\d)(\d{6})(?!\d)/;

/** A record's values for a print: notice merge values, 邮政编码 found in the address, the defaults. */
export function printValues(
  recipient: Pick<Recipient, "merge">,
  template: Pick<PrintTemplate, "defaults">,
): Record<string, string> {
  const values: Record<string, string> = { ...recipient.merge };
  if (!values.邮政编码) {
    const address = values.现住址 ?? "";
    values.邮政编码 = POSTCODE.exec(address)?.[1] ?? "";
  }
  for (const [name, value] of Object.entries(template.defaults)) if (!values[name]) values[name] = value;
  return values;
}

async function barcodePng(text: string, symbology: "code128" | "code39", showText: boolean) {
  try {
    const data = await bwipjs.toBuffer({
      bcid: symbology,
      text,
      scale: 3,
      height: 10,
      includetext: showText,
      textxalign: "center",
    });
    return { data, format: "png" as const };
  } catch {
    // Text the symbology cannot carry (Chinese in Code 39): no bars rather than a failed job.
    return null;
  }
}

/** Turns records into labels; photos are fetched once per file and kept small. */
export function labelMaker(services: Services, compiled: CompiledTemplate) {
  const fit = textFitter();
  const photos = new Map<string, Promise<PdfImage | null>>();
  const photo = (id: string) => {
    let p = photos.get(id);
    if (!p) {
      p = loadPhoto(services, id);
      photos.set(id, p);
    }
    return p;
  };
  return async function makeLabel(recipient: Recipient): Promise<PreparedLabel> {
    const values = printValues(recipient, compiled.template);
    const out: Drawn[] = [];
    for (const [i, el] of compiled.template.elements.entries()) {
      const text = compiled.texts[i]?.(values) ?? "";
      switch (el.type) {
        case "text":
          out.push({ type: "text", fitted: fit(el, text) });
          break;
        case "qr":
          out.push({ type: "qr", matrix: qrMatrix(text) });
          break;
        case "barcode":
          out.push({
            type: "barcode",
            image: text ? await barcodePng(text, el.symbology, el.showText) : null,
          });
          break;
        case "postcode":
          out.push({ type: "postcode", digits: text.replace(/\D/g, "").slice(0, el.boxes) });
          break;
        case "photo": {
          const key = compiled.photoFields[i];
          const id = key ? recipient.values[key] : null;
          out.push({ type: "photo", image: typeof id === "string" && id ? await photo(id) : null });
          break;
        }
        case "image":
          out.push({ type: "image", image: compiled.images[i] });
          break;
        default:
          out.push({ type: "shape" });
      }
    }
    return out;
  };
}

/**
 * A photo as a small JPEG: the upload's thumbnail (240 px wide, about 220 dpi on a badge's 27 mm) when it
 * has one, else the original scaled to 480 px — light in a 1,000-page PDF and quick to decode.
 */
async function loadPhoto(services: Services, id: string): Promise<PdfImage | null> {
  const data =
    (await services.files.get(id, "thumb").catch(() => null)) ??
    (await services.files.get(id, "original").catch(() => null));
  if (!data) return null;
  try {
    const jpeg = await sharp(data, { limitInputPixels: 100_000_000 })
      .resize({ width: 480, height: 480, fit: "inside", withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: 85 })
      .toBuffer();
    return { data: jpeg, format: "jpg" };
  } catch {
    return null;
  }
}
