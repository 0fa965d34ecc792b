// An .xlsx is a zip. Before any part of it is decompressed, its central directory (a list of entries with
// their sizes) is checked against limits that stop zip bombs: a few hundred kilobytes that expand to
// gigabytes. The directory could lie, so while parts are read yauzl's validateEntrySizes fails a stream
// the moment it yields more bytes than its entry declared: the checked sizes hold while streaming too.
import type { Readable } from "node:stream";
import yauzl from "yauzl";
import { damaged, zipBomb } from "./refusals.ts";
import { onAbort } from "./rows.ts";

export const ZIP_LIMITS = {
  /** Everything the zip declares, decompressed. A million rows × 20 columns is about 1–2 GB of XML. */
  maxTotalBytes: 4 * 1024 ** 3,
  maxEntries: 10_000,
  /** Compression ratio above which a large entry is taken for a bomb (sheet XML compresses 10–30:1). */
  maxRatio: 200,
  /** Small entries may compress as well as they like. */
  ratioFloorBytes: 10 * 1024 ** 2,
};

export interface ZipEntrySize {
  compressedSize: number;
  uncompressedSize: number;
}

/** Throws the zip-bomb refusal when the declared entries break a limit. */
export function checkZipEntries(entries: readonly ZipEntrySize[], limits = ZIP_LIMITS): void {
  if (entries.length > limits.maxEntries) throw zipBomb();
  let total = 0;
  for (const { compressedSize, uncompressedSize } of entries) {
    total += uncompressedSize;
    if (total > limits.maxTotalBytes) throw zipBomb();
    const ratio = uncompressedSize / Math.max(compressedSize, 1);
    if (uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) throw zipBomb();
  }
}

export interface GuardedZip {
  /** The stored name for `name`, matched without regard to case (writers differ), or null. */
  find(name: string): string | null;
  /** The decompressed size an entry declares (held to while reading), 0 when missing. */
  size(name: string): number;
  /** An entry's text, decoded as UTF-8 across chunk boundaries, chunk by chunk. */
  text(name: string, signal?: AbortSignal): AsyncGenerator<string>;
  /** The start of an entry's text, at most about `chars` characters (the rest is not decompressed). */
  head(name: string, chars: number): Promise<string>;
  close(): Promise<void>;
}

/** Opens a zip and checks its directory; a file yauzl cannot read is damaged, a bomb refused. */
export async function openGuardedZip(path: string, limits = ZIP_LIMITS): Promise<GuardedZip> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch (e) {
    throw damaged(e);
  }
  // An unhandled 'error' event would crash the process; errors reach callers through promises instead.
  zip.on("error", () => {});
  try {
    const entries = await listEntries(zip, limits);
    return guarded(zip, entries);
  } catch (e) {
    zip.close();
    throw e;
  }
}

function listEntries(zip: yauzl.ZipFile, limits: typeof ZIP_LIMITS): Promise<Map<string, yauzl.Entry>> {
  // The entry count is known from the end-of-directory record, before any entry is listed.
  if (zip.entryCount > limits.maxEntries) return Promise.reject(zipBomb());
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    const sizes: yauzl.Entry[] = [];
    zip.on("entry", (entry: yauzl.Entry) => {
      sizes.push(entry);
      if (!entry.fileName.endsWith("/")) entries.set(entry.fileName.toLowerCase(), entry);
      zip.readEntry();
    });
    zip.once("end", () => {
      try {
        checkZipEntries(sizes, limits);
        resolve(entries);
      } catch (e) {
        reject(e);
      }
    });
    zip.once("error", (e) => reject(damaged(e)));
    zip.readEntry();
  });
}

function guarded(zip: yauzl.ZipFile, entries: Map<string, yauzl.Entry>): GuardedZip {
  const open = new Set<Readable>();

  async function stream(name: string): Promise<Readable> {
    const entry = entries.get(name.toLowerCase());
    if (!entry) throw damaged(new Error(`zip entry ${name} is missing`));
    if (entry.isEncrypted()) throw damaged(new Error(`zip entry ${name} is encrypted`));
    try {
      const s = await zip.openReadStreamPromise(entry);
      open.add(s);
      s.once("close", () => open.delete(s));
      return s;
    } catch (e) {
      throw damaged(e);
    }
  }

  async function* text(name: string, signal?: AbortSignal): AsyncGenerator<string> {
    signal?.throwIfAborted();
    const s = await stream(name);
    const stop = onAbort(signal, () => s.destroy());
    const decoder = new TextDecoder("utf-8");
    try {
      for await (const chunk of s) {
        const part = decoder.decode(chunk as Buffer, { stream: true });
        if (part) yield part;
      }
      const rest = decoder.decode();
      if (rest) yield rest;
    } catch (e) {
      signal?.throwIfAborted();
      throw damaged(e);
    } finally {
      stop();
      s.destroy();
    }
  }

  return {
    find: (name) => entries.get(name.toLowerCase())?.fileName ?? null,
    size: (name) => entries.get(name.toLowerCase())?.uncompressedSize ?? 0,
    text,
    async head(name, chars) {
      let out = "";
      for await (const part of text(name)) {
        out += part;
        if (out.length >= chars) break;
      }
      return out;
    },
    async close() {
      for (const s of open) s.destroy();
      zip.close();
    },
  };
}
