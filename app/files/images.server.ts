// Uploaded pictures are decoded and re-encoded, never stored as sent: that turns them upright (EXIF
// orientation), drops every piece of metadata (GPS position, camera serial, embedded thumbnails that may
// show the uncropped original) and neutralises files that are a picture and something else at once.
import sharp, { type Metadata, type Sharp } from "sharp";

/** Formats accepted as pictures, and what each is stored as (HEIF becomes JPEG: most browsers lack it). */
const OUTPUT = {
  jpeg: { mime: "image/jpeg", ext: "jpg" },
  png: { mime: "image/png", ext: "png" },
  webp: { mime: "image/webp", ext: "webp" },
  gif: { mime: "image/gif", ext: "gif" },
  heif: { mime: "image/jpeg", ext: "jpg" },
} as const;
type InputFormat = keyof typeof OUTPUT;

/** Larger than any phone camera's picture (48 MP), small enough that decoding cannot exhaust memory. */
const MAX_PIXELS = 100_000_000;
export const THUMB_WIDTH = 240;
/** Very tall pictures (long screenshots) are capped too, so a thumbnail stays a thumbnail. */
const THUMB_MAX_HEIGHT = 960;

export interface ProcessedImage {
  data: Buffer;
  mime: string;
  /** Extension matching the stored format, without the dot. */
  ext: string;
  width: number;
  height: number;
  /** A WebP at most THUMB_WIDTH wide (smaller pictures are not enlarged). */
  thumb: Buffer;
}

/** Why a picture was not accepted: not a picture we take, HEIC this server cannot decode, or broken. */
export type ImageRefusal = "not_image" | "heic" | "broken";

export async function processImage(
  input: Buffer,
): Promise<{ ok: true; image: ProcessedImage } | { ok: false; reason: ImageRefusal }> {
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    return { ok: false, reason: "not_image" };
  }
  if (!(meta.format in OUTPUT)) return { ok: false, reason: "not_image" };
  const format = meta.format as InputFormat;
  // Animated GIF/WebP keep their frames; EXIF orientation is a camera-photo matter and left alone there.
  const animated = (format === "gif" || format === "webp") && (meta.pages ?? 1) > 1;
  try {
    const source = sharp(input, {
      limitInputPixels: MAX_PIXELS,
      animated,
      autoOrient: !animated,
      // Phone pictures often carry harmless decoder warnings; only real errors refuse the file.
      failOn: "error",
    });
    const { data, info } = await encode(source, format).toBuffer({ resolveWithObject: true });
    const thumb = await sharp(data, { failOn: "error" })
      .resize({ width: THUMB_WIDTH, height: THUMB_MAX_HEIGHT, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    return {
      ok: true,
      image: {
        data,
        ...OUTPUT[format],
        width: info.width,
        height: info.pageHeight ?? info.height,
        thumb,
      },
    };
  } catch {
    // libheif as shipped with sharp reads AVIF but not HEVC-coded HEIC (patent-encumbered codec).
    if (format === "heif" && meta.compression === "hevc") return { ok: false, reason: "heic" };
    return { ok: false, reason: "broken" };
  }
}

/** Re-encode in the input's own format (metadata is dropped because keepMetadata is never called). */
function encode(image: Sharp, format: InputFormat): Sharp {
  switch (format) {
    case "jpeg":
    case "heif":
      return image.jpeg({ quality: 90 });
    case "png":
      return image.png();
    case "webp":
      return image.webp({ quality: 90 });
    case "gif":
      return image.gif();
  }
}
