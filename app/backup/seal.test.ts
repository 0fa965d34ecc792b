// The backup file's seal on its own: what goes in comes out, and any change — a flipped byte anywhere, a
// file cut at any point, bytes added after the end, another key — is refused with a message saying which.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterAll, describe, expect, it } from "vitest";
import {
  type BackupHeader,
  type BackupKey,
  CHUNK,
  encodeHeader,
  keyId,
  opener,
  readHeader,
  sealer,
} from "./seal.server.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "linli-seal-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const keyOf = (key: Buffer): BackupKey => ({ key, id: keyId(key), source: "backup-key" });
const key = keyOf(crypto.randomBytes(32));

function header(): BackupHeader {
  return {
    format: 1,
    app: "linli",
    appVersion: "test",
    createdAt: new Date().toISOString(),
    engine: "sqlite",
    key: { id: key.id, source: key.source },
    cipher: "aes-256-gcm",
    compression: "gzip",
    chunkSize: CHUNK,
    salt: crypto.randomBytes(16).toString("hex"),
    hint: "test",
  };
}

async function sealed(plain: Buffer): Promise<string> {
  const h = header();
  const bytes = encodeHeader(h);
  const file = path.join(dir, `${crypto.randomBytes(4).toString("hex")}.lbk`);
  const parts: Buffer[] = [bytes];
  await pipeline(Readable.from([plain]), sealer(key.key, bytes, h.salt), async (s: AsyncIterable<Buffer>) => {
    for await (const c of s) parts.push(c);
  });
  fs.writeFileSync(file, Buffer.concat(parts));
  return file;
}

async function opened(file: string, with_ = key): Promise<Buffer> {
  const { header: h, bytes } = await readHeader(file);
  if (h.key.id !== with_.id) throw new Error("another key");
  const out: Buffer[] = [];
  await pipeline(
    fs.createReadStream(file, { start: bytes.length }),
    opener(with_.key, bytes, h.salt),
    async (s: AsyncIterable<Buffer>) => {
      for await (const c of s) out.push(c);
    },
  );
  return Buffer.concat(out);
}

describe("backup seal", () => {
  const plain = crypto.randomBytes(CHUNK * 3 + 1234);

  it("opens what it sealed, across chunk boundaries and for an empty payload", async () => {
    expect((await opened(await sealed(plain))).equals(plain)).toBe(true);
    expect((await opened(await sealed(Buffer.alloc(CHUNK * 2)))).length).toBe(CHUNK * 2);
    expect((await opened(await sealed(Buffer.alloc(0)))).length).toBe(0);
  });

  it("refuses a file cut short at any point", async () => {
    const file = await sealed(plain);
    const whole = fs.readFileSync(file);
    const { bytes } = await readHeader(file);
    // In the header, inside a chunk's length, body and tag, at a chunk boundary, one byte short.
    const cuts = [bytes.length - 3, bytes.length + 2, bytes.length + 100, bytes.length + 4 + CHUNK + 16];
    cuts.push(bytes.length + 2 * (4 + CHUNK + 16), whole.length - 1);
    for (const at of cuts) {
      fs.writeFileSync(file, whole.subarray(0, at));
      await expect(opened(file), `cut at ${at}`).rejects.toThrow(/不完整|cut short|damaged/);
    }
  });

  it("refuses a flipped byte in the header, a chunk's length, body or tag", async () => {
    const file = await sealed(plain);
    const whole = fs.readFileSync(file);
    const { bytes } = await readHeader(file);
    const json = bytes.indexOf(Buffer.from('"appVersion":"test"')) + 15;
    for (const at of [
      json,
      bytes.length + 1,
      bytes.length + 500,
      bytes.length + 4 + CHUNK + 3,
      whole.length - 5,
    ]) {
      const copy = Buffer.from(whole);
      copy[at] = copy[at]! ^ 0x01;
      fs.writeFileSync(file, copy);
      await expect(opened(file), `flip at ${at}`).rejects.toThrow(
        /damaged or was altered|不是邻里|cut short/,
      );
    }
  });

  it("refuses chunks swapped and bytes after the end", async () => {
    const file = await sealed(plain);
    const whole = fs.readFileSync(file);
    const { bytes } = await readHeader(file);
    const size = 4 + CHUNK + 16;
    const a = whole.subarray(bytes.length, bytes.length + size);
    const b = whole.subarray(bytes.length + size, bytes.length + 2 * size);
    fs.writeFileSync(file, Buffer.concat([bytes, b, a, whole.subarray(bytes.length + 2 * size)]));
    await expect(opened(file)).rejects.toThrow(/chunk 1 failed authentication/);
    fs.writeFileSync(file, Buffer.concat([whole, Buffer.from("more")]));
    await expect(opened(file)).rejects.toThrow(/data after its end/);
  });

  it("names the key a file was sealed with, and another key does not open it", async () => {
    const file = await sealed(plain);
    const other = keyOf(crypto.randomBytes(32));
    expect((await readHeader(file)).header.key.id).toBe(key.id);
    expect(other.id).not.toBe(key.id);
    await expect(opened(file, { ...other, id: key.id })).rejects.toThrow(/chunk 1 failed authentication/);
  });

  it("tells a file that is no backup at all", async () => {
    const file = path.join(dir, "photo.jpg");
    fs.writeFileSync(file, crypto.randomBytes(100));
    await expect(readHeader(file)).rejects.toThrow(/不是邻里备份文件/);
  });
});
