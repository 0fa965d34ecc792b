// Which encoding a text file is in, from its first bytes. Chinese offices save CSV from Excel or WPS as
// GBK (GB18030 is its superset) or UTF-8, with or without a BOM; Excel's "Unicode text" is UTF-16LE
// with a BOM. Without a BOM: valid UTF-8 is UTF-8 (GBK text is practically never valid UTF-8),
// anything else that decodes as GB18030 is GB18030, and anything else is not text.

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export interface TextSample {
  encoding: TextEncoding;
  /** The sample decoded (BOM removed; a character cut at the sample's end left out). */
  text: string;
}

/** Bytes sampled to decide; the same bytes open.server.ts reads to tell formats apart. */
export const SAMPLE_BYTES = 64 * 1024;

function decodes(encoding: TextEncoding, bytes: Uint8Array, complete: boolean): string | null {
  try {
    // stream: true keeps a multibyte sequence cut at the sample's end instead of failing on it.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: !complete });
  } catch {
    return null;
  }
}

function bomEncoding(bytes: Uint8Array): TextEncoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/** Control characters other than tab, line breaks and form feed: binary data, not typed text. */
function mostlyPrintable(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return false;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) controls++;
  }
  return controls <= text.length / 200;
}

/**
 * The encoding of the text whose first bytes are `sample` (`complete` when that is the whole file), or
 * null when the bytes are not text in any encoding read here.
 */
export function sniffText(sample: Uint8Array, complete: boolean): TextSample | null {
  const bom = bomEncoding(sample);
  const candidates: TextEncoding[] = bom ? [bom] : ["utf-8", "gb18030"];
  if (!bom && sample.includes(0)) return null;
  for (const encoding of candidates) {
    const text = decodes(encoding, sample, complete);
    if (text !== null) return mostlyPrintable(text) ? { encoding, text } : null;
  }
  return null;
}
