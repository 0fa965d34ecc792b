// The payload inside the seal: a sequence of entries — every table's rows, every uploaded file, and last
// the manifest. An entry is [u32 length][JSON meta] followed by blocks [u32 length][bytes] and an empty
// block; block framing lets rows stream out of an open database snapshot without knowing sizes ahead.
import { damaged } from "./seal.server.ts";

export type EntryMeta =
  | { kind: "table"; name: string; columns: string[]; primaryKey: string[] }
  | { kind: "file"; path: string }
  | { kind: "manifest" };

/** Largest block a writer makes; a reader refuses anything much larger. */
export const BLOCK = 256 * 1024;
const MAX_BLOCK = 16 * 1024 * 1024;

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

export function entryStart(meta: EntryMeta): Buffer {
  const json = Buffer.from(JSON.stringify(meta), "utf8");
  return Buffer.concat([u32(json.length), json]);
}

export const block = (data: Buffer): Buffer => Buffer.concat([u32(data.length), data]);
export const END_BLOCK = u32(0);

export interface Entry {
  meta: EntryMeta;
  /** The entry's bytes; read it to the end before asking for the next entry. */
  body: AsyncGenerator<Buffer>;
}

/** The entries of a payload, in order; the manifest must be the last one. */
export async function* readEntries(source: AsyncIterable<Buffer>): AsyncGenerator<Entry> {
  const reader = new ByteReader(source[Symbol.asyncIterator]());
  let sawManifest = false;
  while (await reader.more()) {
    if (sawManifest) throw damaged("清单之后还有内容", "entries after the manifest");
    const meta = JSON.parse(
      (await reader.take(await reader.length(MAX_BLOCK))).toString("utf8"),
    ) as EntryMeta;
    let finished = false;
    const body = (async function* () {
      for (;;) {
        const length = await reader.length(MAX_BLOCK);
        if (length === 0) break;
        yield await reader.take(length);
      }
      finished = true;
    })();
    yield { meta, body };
    if (!finished) for await (const _ of body);
    if (meta.kind === "manifest") sawManifest = true;
  }
  if (!sawManifest) throw damaged("缺少清单", "the manifest is missing");
}

class ByteReader {
  private chunks: Buffer[] = [];
  private size = 0;
  private done = false;

  constructor(private readonly source: AsyncIterator<Buffer>) {}

  private async fill(n: number): Promise<boolean> {
    while (this.size < n && !this.done) {
      const next = await this.source.next();
      if (next.done) this.done = true;
      else if (next.value.length) {
        this.chunks.push(next.value);
        this.size += next.value.length;
      }
    }
    return this.size >= n;
  }

  async more(): Promise<boolean> {
    return this.fill(1);
  }

  async length(max: number): Promise<number> {
    const n = (await this.take(4)).readUInt32BE(0);
    if (n > max) throw damaged("数据块过大", "a block is too large");
    return n;
  }

  async take(n: number): Promise<Buffer> {
    if (!(await this.fill(n))) throw damaged("内容不完整", "the content ends early");
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    this.chunks = rest.length ? [rest] : [];
    this.size = rest.length;
    return out;
  }
}
