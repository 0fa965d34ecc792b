// What an uploaded document really is, from its bytes — never from the browser's declared type, which
// any client can set. Images are recognised here only by magic bytes; the image pipeline (sharp) has
// the last word on them. Pure: no I/O, so it is cheap to test.

/** Kinds of document the allow-list admits. "image" covers every picture format we accept. */
export type DocumentKind = "pdf" | "image" | "doc" | "xls" | "docx" | "xlsx" | "txt";

/** Allowed extensions (lower case, no dot) and the kind each must contain. */
export const DOCUMENT_EXTENSIONS: Record<string, DocumentKind> = {
  pdf: "pdf",
  jpg: "image",
  jpeg: "image",
  png: "image",
  webp: "image",
  gif: "image",
  heic: "image",
  heif: "image",
  doc: "doc",
  docx: "docx",
  xls: "xls",
  xlsx: "xlsx",
  txt: "txt",
};

/** The MIME type we serve for each non-image kind (images get theirs from the encoder). */
export const DOCUMENT_MIME: Record<Exclude<DocumentKind, "image" | "txt">, string> = {
  pdf: "application/pdf",
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const startsWith = (data: Buffer, bytes: number[], at = 0) =>
  data.length >= at + bytes.length && bytes.every((b, i) => data[at + i] === b);
const contains = (data: Buffer, text: string, encoding: BufferEncoding = "latin1") =>
  data.includes(Buffer.from(text, encoding));

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Magic bytes of the picture formats we accept (JPEG, PNG, GIF, WebP, HEIF/AVIF). */
export function looksLikeImage(data: Buffer): boolean {
  if (startsWith(data, [0xff, 0xd8, 0xff])) return true;
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return true;
  if (startsWith(data, [0x47, 0x49, 0x46, 0x38])) return true;
  if (
    data.subarray(0, 4).toString("latin1") === "RIFF" &&
    data.subarray(8, 12).toString("latin1") === "WEBP"
  ) {
    return true;
  }
  // ISO media: "ftyp" at offset 4, then a HEIF-family brand.
  return (
    data.subarray(4, 8).toString("latin1") === "ftyp" &&
    /^(heic|heix|hevc|hevx|heim|heis|mif1|msf1|avif|avis)$/.test(data.subarray(8, 12).toString("latin1"))
  );
}

/**
 * Whether `data` really is a document of `kind`. Office files are containers, so beyond the container's
 * magic bytes we look for the part that names what is inside (entry names are stored uncompressed in a
 * ZIP; stream names in UTF-16 in an OLE2 directory). Password-protected .docx/.xlsx are OLE2 files
 * holding an "EncryptedPackage" stream, and are accepted as such.
 */
export function contentMatches(kind: DocumentKind, data: Buffer): boolean {
  switch (kind) {
    case "pdf":
      // The header may follow a little junk, which readers tolerate within the first KiB.
      return data.subarray(0, 1024).includes(Buffer.from("%PDF-"));
    case "image":
      return looksLikeImage(data);
    case "doc":
      return startsWith(data, OLE2) && contains(data, "WordDocument", "utf16le");
    case "xls":
      return (
        startsWith(data, OLE2) && (contains(data, "Workbook", "utf16le") || contains(data, "Book", "utf16le"))
      );
    case "docx":
    case "xlsx": {
      if (startsWith(data, OLE2)) return contains(data, "EncryptedPackage", "utf16le");
      const part = kind === "docx" ? "word/" : "xl/";
      // Macro-enabled workbooks/documents renamed to .docx/.xlsx are refused.
      return startsWith(data, ZIP) && contains(data, part) && !contains(data, "vbaProject.bin");
    }
    case "txt":
      return textCharset(data) !== null;
  }
}

/**
 * The character set a plain-text file decodes in (UTF-8, UTF-16 with a byte-order mark, or GB18030 as
 * saved by Chinese Windows), or null when the bytes are not text (NUL bytes, other control characters).
 */
export function textCharset(data: Buffer): "utf-8" | "utf-16le" | "utf-16be" | "gb18030" | null {
  if (startsWith(data, [0xff, 0xfe])) return decodes("utf-16le", data.subarray(2)) ? "utf-16le" : null;
  if (startsWith(data, [0xfe, 0xff])) return decodes("utf-16be", data.subarray(2)) ? "utf-16be" : null;
  for (const byte of data) {
    // Tab, LF, FF, CR and ESC-free text only: other C0 bytes mean a binary file.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) return null;
    if (byte === 0x7f) return null;
  }
  if (decodes("utf-8", data)) return "utf-8";
  if (decodes("gb18030", data)) return "gb18030";
  return null;
}

function decodes(encoding: string, data: Buffer): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

/** The lower-case extension of a file name without the dot, or "" when it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}
