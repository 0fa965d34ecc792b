// Reading a backup file: header and key first, then every sealed chunk is authenticated, unpacked and
// compared with the manifest (each table's rows and checksum, each file's size and hash). A visitor may
// take the rows and file bytes as they pass (a restore); without one this is the verification that a
// backup runs before it is listed as good, and that a restore runs before it writes anything.
import crypto from "node:crypto";
import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import { isAppError } from "../core/errors.ts";
import { readEntries } from "./archive.server.ts";
import { type Manifest, safeRelative } from "./manifest.server.ts";
import { type BackupHeader, type BackupKey, checkKey, damaged, opener, readHeader } from "./seal.server.ts";
import { decodeValue, TableChecksum } from "./tables.server.ts";

export interface Visitor {
  /** A table's rows as they come, values in `columns` order, a block at a time. */
  rows?(table: string, columns: string[], rows: unknown[][]): Promise<void>;
  /** A file's bytes: return a sink, or nothing to skip it. */
  file?(relative: string): Promise<FileSink | undefined>;
  progress?(done: number): void;
}

export interface FileSink {
  write(data: Buffer): Promise<void>;
  end(): Promise<void>;
}

export interface ScanResult {
  header: BackupHeader;
  manifest: Manifest;
}

export async function scanBackup(file: string, key: BackupKey, visitor: Visitor = {}): Promise<ScanResult> {
  const { header, bytes } = await readHeader(file);
  checkKey(header, key);
  let manifest: Manifest | null = null;
  const tables = new Map<string, { rows: number; checksum: string }>();
  const files = new Map<string, { size: number; sha256: string }>();
  let done = 0;
  try {
    await pipeline(
      fs.createReadStream(file, { start: bytes.length, highWaterMark: 1 << 20 }),
      opener(key.key, bytes, header.salt),
      zlib.createGunzip(),
      async (plain: AsyncIterable<Buffer>) => {
        for await (const { meta, body } of readEntries(plain)) {
          if (meta.kind === "table") {
            const sum = new TableChecksum(meta.columns, meta.primaryKey);
            let rest = "";
            for await (const data of body) {
              const lines = (rest + data.toString("utf8")).split("\n");
              rest = lines.pop() ?? "";
              const rows = lines.map((line) => (JSON.parse(line) as unknown[]).map(decodeValue));
              for (const row of rows) sum.add(row);
              await visitor.rows?.(meta.name, meta.columns, rows);
              done += rows.length;
              visitor.progress?.(done);
            }
            if (rest) throw damaged("表数据不完整", "a table's rows end early");
            tables.set(meta.name, { rows: sum.rows, checksum: sum.digest });
          } else if (meta.kind === "file") {
            if (!safeRelative(meta.path)) throw damaged("文件路径无效", "a file path is not valid");
            const sink = await visitor.file?.(meta.path);
            const hash = crypto.createHash("sha256");
            let size = 0;
            for await (const data of body) {
              hash.update(data);
              size += data.length;
              await sink?.write(data);
            }
            await sink?.end();
            files.set(meta.path, { size, sha256: hash.digest("hex") });
            visitor.progress?.(++done);
          } else {
            const chunks: Buffer[] = [];
            for await (const data of body) chunks.push(data);
            manifest = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Manifest;
          }
        }
      },
    );
  } catch (error) {
    if (isAppError(error)) throw error;
    // Authenticated bytes that do not unpack can only come from a damaged writer; say so plainly.
    throw damaged("内容无法解开", `its content does not unpack: ${(error as Error).message}`);
  }
  if (!manifest) throw damaged("缺少清单", "the manifest is missing");
  compare(manifest, tables, files);
  return { header, manifest };
}

function compare(
  manifest: Manifest,
  tables: Map<string, { rows: number; checksum: string }>,
  files: Map<string, { size: number; sha256: string }>,
): void {
  const names = Object.keys(manifest.tables);
  if (names.length !== tables.size)
    throw damaged("表的数量与清单不符", "its tables differ from the manifest");
  for (const name of names) {
    const want = manifest.tables[name]!;
    const got = tables.get(name);
    if (!got || got.rows !== want.rows || got.checksum !== want.checksum)
      throw damaged(`表 ${name} 与清单不符`, `table ${name} differs from the manifest`);
  }
  if (manifest.files.length !== files.size)
    throw damaged("文件数量与清单不符", "its files differ from the manifest");
  for (const want of manifest.files) {
    const got = files.get(want.path);
    if (!got || got.size !== want.size || got.sha256 !== want.sha256)
      throw damaged(`文件 ${want.path} 与清单不符`, `file ${want.path} differs from the manifest`);
  }
}
