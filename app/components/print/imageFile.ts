// A picture chosen for an image element, read in the browser as a data: URL: PNG or JPEG only, small
// enough for the template (the server checks again that it really is one when the template is saved).
import { MAX_IMAGE_BYTES, MAX_IMAGE_URL } from "./designerModel.ts";

export type ImageRead =
  | { ok: true; src: string; width: number; height: number }
  | { ok: false; reason: "imageType" | "imageSize" | "imageRead" };

const TYPES = new Set(["image/png", "image/jpeg"]);

export async function readImageFile(file: File): Promise<ImageRead> {
  if (!TYPES.has(file.type)) return { ok: false, reason: "imageType" };
  if (file.size > MAX_IMAGE_BYTES) return { ok: false, reason: "imageSize" };
  const src = await new Promise<string | null>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === "string" ? reader.result : null);
    reader.onerror = () => resolve(null);
    reader.readAsDataURL(file);
  });
  if (!src || !/^data:image\/(png|jpeg);base64,/.test(src)) return { ok: false, reason: "imageRead" };
  if (src.length > MAX_IMAGE_URL) return { ok: false, reason: "imageSize" };
  // Its pixel size, for a box of the picture's proportions; a file that does not decode is refused here.
  const size = await new Promise<{ width: number; height: number } | null>((resolve) => {
    const img = new Image();
    img.onload = () => resolve({ width: img.naturalWidth, height: img.naturalHeight });
    img.onerror = () => resolve(null);
    img.src = src;
  });
  if (!size || size.width === 0 || size.height === 0) return { ok: false, reason: "imageRead" };
  return { ok: true, src, ...size };
}
