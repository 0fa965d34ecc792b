// Writing one backup file: snapshot → every table's rows → the uploaded files → the manifest, gzip, the
// seal, all streamed into `<file>.partial`. The partial file is then read back and verified in full, made
// durable, and only then renamed to its final name — so a file under a final name is always complete.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import type { Kysely } from "kysely";
import type { Services } from "../core/services.server.ts";
import { BLOCK, block, END_BLOCK, entryStart } from "./archive.server.ts";
import { appVersion, fieldKeyId, type Manifest, type ManifestFile } from "./manifest.server.ts";
import { scanBackup } from "./read.server.ts";
import { type BackupHeader, backupKey, CHUNK, encodeHeader, sealer } from "./seal.server.ts";
import { openSnapshot, type Snapshot } from "./snapshot.server.ts";
import { encodeValue, listTables, readRows, TableChecksum } from "./tables.server.ts";

export type Phase = "snapshot" | "database" | "files" | "verify";

export interface WriteOptions {
  progress?(phase: Phase, percent: number): void;
  signal?: AbortSignal;
  /** Called inside the snapshot before anything is read from it (the restore drill takes its own sums). */
  onSnapshot?(db: Kysely<any>): Promise<void>;
}

export interface Written {
  file: string;
  size: number;
  sha256: string;
  manifest: Manifest;
}

export const partialOf = (file: string) => `${file}.partial`;
export const snapshotCopyOf = (file: string) => `${file}.snapshot.tmp`;

export async function writeBackupFile(services: Services, file: string, options: WriteOptions = {}) {
  const progress = options.progress ?? (() => {});
  const key = backupKey(services.config, services.keys);
  const createdAt = new Date().toISOString();
  const header: BackupHeader = {
    format: 1,
    app: "linli",
    appVersion: appVersion(),
    createdAt,
    engine: services.dialect.name,
    key: { id: key.id, source: key.source },
    cipher: "aes-256-gcm",
    compression: "gzip",
    chunkSize: CHUNK,
    salt: crypto.randomBytes(16).toString("hex"),
    hint: "Linli 邻里 backup: restore with `npx linli restore <file>` and the key it was made with",
  };
  const headerBytes = encodeHeader(header);
  const partial = partialOf(file);
  // Like the files themselves (0600): only the account the app runs as reads its backups.
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  progress("snapshot", 0);
  const snapshot = await openSnapshot(services, snapshotCopyOf(file));
  const hash = crypto.createHash("sha256");
  let size = 0;
  let manifest: Manifest | undefined;
  try {
    await options.onSnapshot?.(snapshot.db);
    const payload = payloadOf(services, snapshot, createdAt, progress, (m) => {
      manifest = m;
    });
    await pipeline(
      Readable.from(payload),
      zlib.createGzip({ level: 6 }),
      sealer(key.key, headerBytes, header.salt),
      async function* (sealed: AsyncIterable<Buffer>) {
        hash.update(headerBytes);
        size += headerBytes.length;
        yield headerBytes;
        for await (const chunk of sealed) {
          hash.update(chunk);
          size += chunk.length;
          yield chunk;
        }
      },
      (await fs.open(partial, "w", 0o600)).createWriteStream(),
      { signal: options.signal },
    );
    progress("verify", 90);
    const verified = await scanBackup(partial, key);
    if (JSON.stringify(verified.manifest) !== JSON.stringify(manifest))
      throw new Error("the backup read back differs from what was written");
    const handle = await fs.open(partial, "r+");
    await handle.sync();
    await handle.close();
    await fs.rename(partial, file);
    progress("verify", 100);
    return { file, size, sha256: hash.digest("hex"), manifest: verified.manifest } satisfies Written;
  } catch (error) {
    await fs.rm(partial, { force: true });
    throw error;
  } finally {
    await snapshot.close();
  }
}

async function* payloadOf(
  services: Services,
  snapshot: Snapshot,
  createdAt: string,
  progress: NonNullable<WriteOptions["progress"]>,
  done: (manifest: Manifest) => void,
): AsyncGenerator<Buffer> {
  const tables = await listTables(snapshot.db, snapshot.engine);
  let total = 0;
  for (const table of tables) {
    const row = await snapshot.db
      .selectFrom(table.name)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    total += Number(row.n);
  }
  const sums: Manifest["tables"] = {};
  let rows = 0;
  progress("database", 0);
  for (const table of tables) {
    yield entryStart({
      kind: "table",
      name: table.name,
      columns: table.columns,
      primaryKey: table.primaryKey,
    });
    const sum = new TableChecksum(table.columns, table.primaryKey);
    let lines: string[] = [];
    let bytes = 0;
    for await (const page of readRows(snapshot.db, table)) {
      for (const record of page) {
        const values = table.columns.map((c) => record[c]);
        sum.add(values);
        const line = JSON.stringify(values.map(encodeValue));
        lines.push(line);
        bytes += line.length + 1;
        if (bytes >= BLOCK) {
          yield block(Buffer.from(`${lines.join("\n")}\n`, "utf8"));
          lines = [];
          bytes = 0;
        }
      }
      rows += page.length;
      progress("database", Math.floor((rows / Math.max(total, 1)) * 70));
    }
    if (lines.length) yield block(Buffer.from(`${lines.join("\n")}\n`, "utf8"));
    yield END_BLOCK;
    sums[table.name] = { rows: sum.rows, checksum: sum.digest, maxId: sum.maxId, columns: table.columns };
  }
  const { migrations, binlog } = snapshot;
  // The database part is complete: let go of the snapshot (MySQL's transaction) before copying files.
  await snapshot.close();

  const files: ManifestFile[] = [];
  const root = path.join(services.config.dataDir, "files");
  const all = await listFiles(root);
  progress("files", 70);
  for (const relative of all) {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(path.join(root, relative), "r");
    } catch (error) {
      // Removed since the listing (a purge): the snapshot may still name it, the disk no longer has it.
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw error;
    }
    try {
      yield entryStart({ kind: "file", path: relative });
      const hash = crypto.createHash("sha256");
      let size = 0;
      for await (const data of handle.createReadStream({ highWaterMark: BLOCK, autoClose: false })) {
        hash.update(data as Buffer);
        size += (data as Buffer).length;
        yield block(data as Buffer);
      }
      yield END_BLOCK;
      files.push({ path: relative, size, sha256: hash.digest("hex") });
    } finally {
      await handle.close();
    }
    progress("files", 70 + Math.floor((files.length / all.length) * 20));
  }

  const manifest: Manifest = {
    format: 1,
    appVersion: appVersion(),
    createdAt,
    engine: snapshot.engine,
    migration: migrations.at(-1) ?? null,
    migrations,
    binlog,
    tables: sums,
    files,
    totals: {
      tables: tables.length,
      rows,
      files: files.length,
      fileBytes: files.reduce((n, f) => n + f.size, 0),
    },
    fieldKeyId: fieldKeyId(services.keys),
  };
  done(manifest);
  yield entryStart({ kind: "manifest" });
  yield block(Buffer.from(JSON.stringify(manifest), "utf8"));
  yield END_BLOCK;
}

/** Every file under `root`, relative, sorted; temporary files of uploads under way are left out. */
export async function listFiles(root: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = (await fs.readdir(root, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile() && !e.name.endsWith(".tmp"))
      .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return entries.sort();
}
