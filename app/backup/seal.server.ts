// The outer layer of a backup file: a small plain header, then the compressed payload sealed with
// AES-256-GCM in chunks of 64 KiB. Each chunk is [u32 length][ciphertext][16-byte tag] under a key made
// for this file alone (HKDF of the backup key with the header's random salt); the nonce is the chunk's
// number plus a flag on the last chunk, and the header's hash is associated data. So a changed byte
// anywhere (header included), chunks swapped or dropped, a file cut short at any point, or bytes added
// after the end are all detected — and told apart from a wrong key, which the header's key id names.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import { Transform, type TransformCallback } from "node:stream";
import type { Config } from "../core/config.server.ts";
import { invalid } from "../core/errors.ts";
import type { Keys } from "../core/keys.server.ts";

export const MAGIC = Buffer.from("LINLIBK1", "ascii");
export const CHUNK = 64 * 1024;
const TAG = 16;
const MAX_HEADER = 64 * 1024;

/** What anyone may read without the key: no secrets, no personal data. */
export interface BackupHeader {
  format: 1;
  app: "linli";
  appVersion: string;
  createdAt: string;
  engine: "sqlite" | "mysql";
  /** Which key sealed it: a fingerprint (not the key) and where it came from. */
  key: { id: string; source: "secret-key" | "backup-key" };
  cipher: "aes-256-gcm";
  compression: "gzip";
  chunkSize: number;
  salt: string;
  hint: string;
}

export interface BackupKey {
  key: Buffer;
  id: string;
  source: BackupHeader["key"]["source"];
}

/** LINLI_BACKUP_KEY when set, else the purpose key derived from LINLI_SECRET_KEY. */
export function backupKey(config: Config, keys: Keys): BackupKey {
  if (config.backupKey !== undefined) {
    if (!/^[0-9a-fA-F]{64}$/.test(config.backupKey))
      throw new Error("LINLI_BACKUP_KEY must be 64 hexadecimal characters (32 bytes)");
    const key = Buffer.from(config.backupKey, "hex");
    return { key, id: keyId(key), source: "backup-key" };
  }
  const key = keys.derive("backup");
  return { key, id: keyId(key), source: "secret-key" };
}

/**
 * The key that opens a backup: LINLI_BACKUP_KEY, the current master key's, or — during and after a key
 * rotation (LINLI_OLD_SECRET_KEYS) — an old master key's, whichever the header names.
 */
export function keyFor(header: BackupHeader, config: Config, keys: Keys): BackupKey {
  const current = backupKey(config, keys);
  const old = keys.previous.map((k) => {
    const key = k.derive("backup");
    return { key, id: keyId(key), source: "secret-key" as const };
  });
  const found = [current, ...old].find((k) => k.id === header.key.id);
  if (found) return found;
  checkKey(header, current);
  return current;
}

/** A fingerprint that tells keys apart and reveals nothing about them. */
export function keyId(key: Buffer): string {
  return crypto.createHmac("sha256", key).update("linli backup key id").digest("hex").slice(0, 16);
}

export function encodeHeader(header: BackupHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([MAGIC, length, json]);
}

/** Reads and checks the header; `bytes` is exactly what the file starts with. */
export async function readHeader(file: string): Promise<{ header: BackupHeader; bytes: Buffer }> {
  const handle = await fs.open(file, "r");
  try {
    const start = Buffer.alloc(MAGIC.length + 4);
    const { bytesRead } = await handle.read(start, 0, start.length, 0);
    if (bytesRead < start.length || !start.subarray(0, MAGIC.length).equals(MAGIC))
      throw invalid("这不是邻里备份文件 / This is not a Linli backup file");
    const length = start.readUInt32BE(MAGIC.length);
    if (length > MAX_HEADER) throw damaged("文件头无效", "the header is not valid");
    const json = Buffer.alloc(length);
    const read = await handle.read(json, 0, length, start.length);
    if (read.bytesRead < length) throw truncated();
    let header: BackupHeader;
    try {
      header = JSON.parse(json.toString("utf8"));
    } catch {
      throw damaged("文件头无效", "the header is not valid");
    }
    if (header.format !== 1 || header.cipher !== "aes-256-gcm" || header.chunkSize !== CHUNK)
      throw invalid(
        `不支持的备份格式 ${header.format}，请用较新版本的邻里恢复 / Unsupported backup format ${header.format}; restore it with a newer Linli`,
      );
    return { header, bytes: Buffer.concat([start, json]) };
  } finally {
    await handle.close();
  }
}

/** Refuses a key other than the one the backup names, before any data is read. */
export function checkKey(header: BackupHeader, key: BackupKey): void {
  if (header.key.id === key.id) return;
  const which =
    header.key.source === "backup-key" ? "LINLI_BACKUP_KEY" : "LINLI_SECRET_KEY (or LINLI_BACKUP_KEY)";
  throw invalid(
    `备份使用的密钥（编号 ${header.key.id}）与当前密钥（编号 ${key.id}）不同：请设置制作备份时的 ${which} / ` +
      `The backup was sealed with another key (id ${header.key.id}, yours is ${key.id}): set the ${which} it was made with`,
  );
}

const fileKey = (key: Buffer, salt: string) =>
  Buffer.from(crypto.hkdfSync("sha256", key, Buffer.from(salt, "hex"), "linli-backup-v1", 32));

function nonce(counter: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  n.writeUIntBE(counter, 0, 6);
  n[11] = last ? 1 : 0;
  return n;
}

/** Plaintext in, sealed chunks out; the last chunk (possibly empty) carries the end flag. */
export function sealer(key: Buffer, headerBytes: Buffer, salt: string): Transform {
  const k = fileKey(key, salt);
  const aad = crypto.createHash("sha256").update(headerBytes).digest();
  let pending: Buffer[] = [];
  let size = 0;
  let counter = 0;
  const seal = (plain: Buffer, last: boolean) => {
    const cipher = crypto.createCipheriv("aes-256-gcm", k, nonce(counter++, last));
    cipher.setAAD(aad);
    const body = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(plain.length);
    return Buffer.concat([length, body]);
  };
  return new Transform({
    transform(data: Buffer, _enc, done: TransformCallback) {
      pending.push(data);
      size += data.length;
      if (size >= CHUNK) {
        let all = Buffer.concat(pending);
        while (all.length >= CHUNK) {
          this.push(seal(all.subarray(0, CHUNK), false));
          all = all.subarray(CHUNK);
        }
        pending = [all];
        size = all.length;
      }
      done();
    },
    flush(done: TransformCallback) {
      this.push(seal(Buffer.concat(pending), true));
      done();
    },
  });
}

/** Sealed chunks in (the file after its header), authenticated plaintext out; any damage is an error. */
export function opener(key: Buffer, headerBytes: Buffer, salt: string): Transform {
  const k = fileKey(key, salt);
  const aad = crypto.createHash("sha256").update(headerBytes).digest();
  let buffer: Buffer = Buffer.alloc(0);
  let counter = 0;
  let ended = false;
  return new Transform({
    transform(data: Buffer, _enc, done: TransformCallback) {
      if (ended) return done(damaged("结尾之后还有多余的数据", "there is data after its end"));
      buffer = buffer.length ? Buffer.concat([buffer, data]) : data;
      try {
        while (!ended && buffer.length >= 4) {
          const length = buffer.readUInt32BE(0);
          if (length > CHUNK) throw damaged(`第 ${counter + 1} 块无效`, `chunk ${counter + 1} is not valid`);
          if (buffer.length < 4 + length + TAG) break;
          const body = buffer.subarray(4, 4 + length);
          const tag = buffer.subarray(4 + length, 4 + length + TAG);
          buffer = buffer.subarray(4 + length + TAG);
          this.push(open(body, tag));
        }
        if (ended && buffer.length) throw damaged("结尾之后还有多余的数据", "there is data after its end");
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done: TransformCallback) {
      done(ended ? undefined : truncated());
    },
  });

  function open(body: Buffer, tag: Buffer): Buffer {
    // A chunk opens either as a middle chunk or as the last one; anything else was altered.
    for (const last of [false, true]) {
      const decipher = crypto.createDecipheriv("aes-256-gcm", k, nonce(counter, last));
      decipher.setAAD(aad);
      decipher.setAuthTag(tag);
      try {
        const plain = Buffer.concat([decipher.update(body), decipher.final()]);
        counter++;
        ended = last;
        return plain;
      } catch {}
    }
    throw damaged(`第 ${counter + 1} 块校验失败`, `chunk ${counter + 1} failed authentication`);
  }
}

export const damaged = (zh: string, en: string) =>
  invalid(
    `备份文件已损坏或被改动（${zh}），拒绝恢复 / The backup file is damaged or was altered (${en}); refused`,
  );

export const truncated = () =>
  invalid("备份文件不完整（被截断），拒绝恢复 / The backup file is incomplete (cut short); refused");
