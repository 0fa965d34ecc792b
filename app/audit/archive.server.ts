// Retention of the system log: rows older than LINLI_AUDIT_RETENTION_DAYS (at least 180) leave the database
// only by way of an archive file. The oldest rows are streamed into <data dir>/audit-archive/ as gzip'd
// JSON lines with their hashes (checked on the way: a broken chain is never archived), the file is fsynced
// and named, and only then one transaction records the archive point, deletes exactly those rows and
// appends audit.archived. A failed write leaves every row in place; a file whose transaction failed is a
// harmless duplicate that the next round writes again.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import type { AuditRow } from "../../db/types.ts";
import type { Services } from "../core/services.server.ts";
import { type ChainBreak, checkRow, startCursor } from "./chain.ts";
import { chainStart, recordAudit } from "./log.server.ts";

export const ARCHIVE_DIR = "audit-archive";
const FORMAT = "linli-audit-archive";
const DAY = 24 * 60 * 60 * 1000;
// One file holds at most this many rows, so one round's delete stays a moderate transaction.
const MAX_ROWS_PER_FILE = 200_000;
const PAGE = 5_000;

export interface ArchiveWritten {
  file: string;
  firstId: number;
  lastId: number;
  rows: number;
  lastHash: string;
}

export const archiveDir = (services: Services) => path.join(services.config.dataDir, ARCHIVE_DIR);

/** Archive every row past the retention period, one file per MAX_ROWS_PER_FILE rows. */
export async function archiveExpired(services: Services, now = Date.now()): Promise<ArchiveWritten[]> {
  const cutoff = now - services.config.auditRetentionDays * DAY;
  const written: ArchiveWritten[] = [];
  for (;;) {
    const one = await archiveOnce(services, cutoff);
    if (!one) return written;
    written.push(one);
    if (one.rows < MAX_ROWS_PER_FILE) return written;
  }
}

async function archiveOnce(services: Services, cutoff: number): Promise<ArchiveWritten | null> {
  const { db } = services;
  const start = await chainStart(db);
  const lastId = await lastArchivable(services, start.afterId, cutoff);
  if (lastId <= start.afterId) return null;

  const dir = archiveDir(services);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const name = `audit-${pad(start.afterId + 1)}-${pad(lastId)}.jsonl.gz`;
  const final = path.join(dir, name);
  const tmp = `${final}.${process.pid}.tmp`;
  let lastHash = start.afterHash;
  let sha256: string;
  try {
    const digest = crypto.createHash("sha256");
    const lines = archiveLines(services, start, lastId, (hash) => {
      lastHash = hash;
    });
    const tap = new Transform({
      transform(chunk, _enc, done) {
        digest.update(chunk);
        done(null, chunk);
      },
    });
    await pipeline(Readable.from(lines), zlib.createGzip(), tap, fs.createWriteStream(tmp, { mode: 0o600 }));
    await fsyncPath(tmp);
    fs.renameSync(tmp, final);
    await fsyncPath(dir);
    sha256 = digest.digest("hex");
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }

  const rows = lastId - start.afterId;
  const done = await db.transaction().execute(async (trx) => {
    // The head lock orders this step with every writer and with another process archiving at once.
    await services.dialect
      .forUpdate(trx.selectFrom("audit_head").select("last_id").where("id", "=", 1))
      .executeTakeFirstOrThrow();
    const now = await chainStart(trx);
    if (now.afterId !== start.afterId) return false;
    await trx
      .insertInto("audit_archive")
      .values({
        file: name,
        first_id: start.afterId + 1,
        last_id: lastId,
        row_count: rows,
        last_hash: lastHash,
        sha256,
        created_at: Date.now(),
      })
      .execute();
    const deleted = await trx
      .deleteFrom("audit_log")
      .where("id", ">", start.afterId)
      .where("id", "<=", lastId)
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) !== rows) throw new Error("system log changed while it was archived");
    await recordAudit(trx, services.dialect, {
      event: "audit.archived",
      data: { file: name, firstId: start.afterId + 1, lastId, rows, lastHash },
      actorName: "system",
    });
    return true;
  });
  if (!done) return null; // another process archived first; its file holds the same rows
  return { file: name, firstId: start.afterId + 1, lastId, rows, lastHash };
}

/** The last id of the oldest run of rows all past the cutoff (a row within the period ends it). */
async function lastArchivable(services: Services, afterId: number, cutoff: number): Promise<number> {
  const { db } = services;
  const kept = await db
    .selectFrom("audit_log")
    .select("id")
    .where("id", ">", afterId)
    .where("at", ">=", cutoff)
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
  const head = await db.selectFrom("audit_head").select("last_id").executeTakeFirstOrThrow();
  const end = kept ? Number(kept.id) - 1 : Number(head.last_id);
  return Math.min(end, afterId + MAX_ROWS_PER_FILE);
}

/** Header, the rows (each checked against the chain), footer: one JSON object a line. */
async function* archiveLines(
  services: Services,
  start: { afterId: number; afterHash: string },
  lastId: number,
  onHash: (hash: string) => void,
): AsyncGenerator<string> {
  yield `${JSON.stringify({ format: FORMAT, version: 1, firstId: start.afterId + 1, lastId, prevHash: start.afterHash })}\n`;
  const cursor = startCursor(start.afterId, start.afterHash);
  let after = start.afterId;
  while (after < lastId) {
    const page = await services.db
      .selectFrom("audit_log")
      .selectAll()
      .where("id", ">", after)
      .where("id", "<=", lastId)
      .orderBy("id")
      .limit(PAGE)
      .execute();
    if (page.length === 0) break;
    let text = "";
    for (const row of page) {
      const broken = checkRow(cursor, row);
      if (broken)
        throw new Error(`system log row #${cursor.nextId} fails verification (${broken}); nothing archived`);
      text += `${JSON.stringify(plain(row))}\n`;
    }
    after = cursor.nextId - 1;
    onHash(cursor.prevHash);
    yield text;
  }
  if (cursor.nextId !== lastId + 1)
    throw new Error(`system log rows up to #${lastId} are missing; nothing archived`);
  yield `${JSON.stringify({ end: true, rows: cursor.rows, lastHash: cursor.prevHash })}\n`;
}

/** Numbers as numbers on both databases (MySQL hands bigint columns over as strings). */
const plain = (row: AuditRow): AuditRow => ({ ...row, id: Number(row.id), at: Number(row.at) });

const pad = (n: number) => String(n).padStart(10, "0");

async function fsyncPath(p: string) {
  const handle = await fs.promises.open(p, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export type ArchiveCheck =
  | { ok: true; firstId: number; lastId: number; rows: number; prevHash: string; lastHash: string }
  | { ok: false; firstBadId: number | null; reason: ChainBreak | "format" | "truncated"; rows: number };

/** Verify an archive file on its own: every row's hash and link, and that it ends where it says. */
export async function verifyArchiveFile(file: string): Promise<ArchiveCheck> {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let header: { format?: string; firstId?: number; lastId?: number; prevHash?: string } | null = null;
  let cursor = startCursor();
  try {
    for await (const line of lines) {
      if (!line) continue;
      const value = JSON.parse(line) as Record<string, unknown>;
      if (!header) {
        header = value;
        if (
          header.format !== FORMAT ||
          typeof header.firstId !== "number" ||
          typeof header.prevHash !== "string"
        )
          return { ok: false, firstBadId: null, reason: "format", rows: 0 };
        cursor = startCursor(header.firstId - 1, header.prevHash);
        continue;
      }
      if (value.end === true) {
        const ends = value.rows === cursor.rows && value.lastHash === cursor.prevHash;
        const complete = cursor.nextId - 1 === header.lastId;
        if (!ends || !complete)
          return { ok: false, firstBadId: cursor.nextId, reason: "truncated", rows: cursor.rows };
        return {
          ok: true,
          firstId: header.firstId!,
          lastId: header.lastId!,
          rows: cursor.rows,
          prevHash: header.prevHash!,
          lastHash: cursor.prevHash,
        };
      }
      const broken = checkRow(cursor, value as unknown as AuditRow);
      if (broken)
        return {
          ok: false,
          firstBadId: broken === "gap" ? cursor.nextId : Number(value.id),
          reason: broken,
          rows: cursor.rows,
        };
    }
  } catch {
    // Unreadable gzip or a line that is not JSON: the file was damaged or cut short.
    return { ok: false, firstBadId: cursor.nextId, reason: "truncated", rows: cursor.rows };
  }
  return {
    ok: false,
    firstBadId: header ? cursor.nextId : null,
    reason: header ? "truncated" : "format",
    rows: cursor.rows,
  };
}
