// The replica's snapshot on disk, so that a restart reads one file instead of decoding every record again
// (a full load costs about 50–100 µs a record: a minute or more for a million people).
//
// `<data dir>/replica/<table key>.duckdb` is a DuckDB database file holding:
//   meta     one row: the format, the table, the fingerprint of its columns, a check of the key, where the
//            change feeds stood (record_versions, record_marks) and the newest version row seen (anchor)
//   plain    id, system_id, org_path, deleted, search, its signature and every column of a non-sensitive field
//   sealed   the columns of sensitive fields (ID and phone numbers …) in chunks of 10,000 rows: each chunk
//            the JSON of its ids and values, sealed with AES-256-GCM under a key derived for this purpose
//            alone, the chunk's place and the snapshot's identity bound as associated data
//   marks    record_id, colour: the colour marks
//   history_versions, history_changes   the record history for statistics as of a past moment
//            (analytics/history.server.ts; non-sensitive fields only)
// No sensitive value is ever written in plain text (the search text holds non-sensitive text only). DuckDB's
// own database encryption is not used: without the httpfs extension it can read encrypted files but not
// write them. The file is written under a temporary name and renamed into place, so a reader sees either
// the old snapshot or the new one. A snapshot that is missing, unreadable, of another format, another
// table, another set of columns, another key or another database is ignored: the replica loads in full.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { blobValue } from "@duckdb/node-api";
import type { Kysely } from "kysely";
import type { Keys } from "../app/core/keys.server.ts";
import type { TableDef } from "../app/schema/tables.server.ts";
import type { DB } from "../db/types.ts";
import type { FeedPosition } from "./change-feed.server.ts";
import { quoteIdent, type ReplicaColumn } from "./columns.ts";
import { FIXED_COLUMNS } from "./decode.ts";
import { HISTORY_TABLES } from "./history.server.ts";

/** Bump when the layout of the file or the meaning of its columns changes. */
const FORMAT = 3;
const CHUNK_ROWS = 10_000;
/** Temporary files older than this are left-overs of a crash and removed. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/** The newest version row a snapshot reflects: it must still be there, unchanged, in the database. */
export interface Anchor {
  id: number;
  recordId: number;
  at: number;
}

export interface SnapshotState {
  versions: FeedPosition;
  marks: FeedPosition;
  anchor: Anchor | null;
}

interface Meta extends SnapshotState {
  format: number;
  /** Random per snapshot: chunks of one snapshot do not open in another. */
  id: string;
  tableId: number;
  tableKey: string;
  fingerprint: string;
  keyCheck: string;
  rows: number;
  /** Sensitive columns in the order of the chunks' keys c0, c1, … */
  sealed: string[];
  writtenAt: number;
}

export const snapshotFile = (dir: string, tableKey: string) =>
  path.join(dir, `${tableKey.replace(/[^A-Za-z0-9_-]/g, "_")}.duckdb`);

/** The columns whose values are sealed on disk: every column of a sensitive field (derived ones too). */
export const sealedColumns = (columns: readonly ReplicaColumn[]) => columns.filter((c) => c.field.sensitive);

/**
 * What a snapshot's columns must match: each column's name, type and part, and what decides its cells
 * and the search text (field type, sensitive, person name), independent of column order — plus the code
 * that derives cells (columns.ts, the pinyin keys), so a snapshot made by other code is not trusted.
 */
export function fingerprint(columns: readonly ReplicaColumn[]): string {
  const described = columns
    .map((c) =>
      JSON.stringify([c.name, c.type, c.part, c.field.type, c.field.sensitive, !!c.field.options.personName]),
    )
    .sort();
  return crypto
    .createHash("sha256")
    .update(JSON.stringify([FORMAT, derivationCode(), described]))
    .digest("base64url");
}

let derivation: string | undefined;
/** A digest of the source that turns values into cells; stable while the code is. */
function derivationCode(): string {
  if (derivation === undefined) {
    const hash = crypto.createHash("sha256");
    for (const file of ["./columns.ts", "./decode.ts", "./signature.ts", "../app/query/pinyin/keys.ts"]) {
      try {
        hash.update(fs.readFileSync(new URL(file, import.meta.url)));
      } catch {
        hash.update(`unreadable ${file}`);
      }
    }
    derivation = hash.digest("base64url");
  }
  return derivation;
}

const snapshotKey = (keys: Pick<Keys, "derive">) => keys.derive("replica-snapshot");

/** Tells whether a snapshot was written under the current key without trying to open a chunk. */
const keyCheck = (key: Buffer) =>
  crypto.createHmac("sha256", key).update("linli replica snapshot key check").digest("base64url");

const chunkAad = (meta: Pick<Meta, "format" | "id" | "tableKey" | "fingerprint">, chunk: number) =>
  Buffer.from(
    `linli/replica-snapshot/${meta.format}/${meta.id}/${meta.tableKey}/${meta.fingerprint}/${chunk}`,
  );

function seal(key: Buffer, plain: string, aad: Buffer): { nonce: Buffer; body: Buffer } {
  const nonce = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return { nonce, body };
}

function open(key: Buffer, nonce: Uint8Array, body: Uint8Array, aad: Buffer): string {
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, nonce);
  decipher.setAAD(aad);
  decipher.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString(
    "utf8",
  );
}

export interface WriteSnapshot {
  dir: string;
  table: Pick<TableDef, "id" | "key">;
  /** The replica's columns, in its physical order. */
  columns: readonly ReplicaColumn[];
  keys: Pick<Keys, "derive">;
  /** A connection of the replica's DuckDB instance, used for this write only. */
  connection: DuckDBConnection;
  /**
   * Runs `begin` (which opens a transaction on `connection` and reads the replica once, fixing what the
   * transaction sees) while the replica does not refresh, and returns the feeds' positions of that moment.
   */
  pin(begin: () => Promise<void>): Promise<SnapshotState>;
}

/** Writes the snapshot; resolves with its size in bytes. */
export async function writeSnapshot(w: WriteSnapshot): Promise<number> {
  fs.mkdirSync(w.dir, { recursive: true, mode: 0o700 });
  removeStaleTemporaries(w.dir);
  const final = snapshotFile(w.dir, w.table.key);
  const temp = `${final}.${process.pid}-${crypto.randomBytes(4).toString("hex")}.tmp`;
  const alias = `snap_${crypto.randomBytes(4).toString("hex")}`;
  const c = w.connection;
  await c.run(`ATTACH ${literal(temp)} AS ${alias}`);
  let attached = true;
  let open_ = false;
  try {
    const state = await w.pin(async () => {
      await c.run("BEGIN TRANSACTION");
      open_ = true;
      await c.run("SELECT count(*) FROM records");
      await c.run("SELECT count(*) FROM marks");
      for (const name of HISTORY_TABLES) await c.run(`SELECT count(*) FROM ${name}`);
    });
    const sealed = sealedColumns(w.columns);
    const plain = [...FIXED_COLUMNS, ...w.columns.filter((c) => !c.field.sensitive).map((c) => c.name)];
    const key = snapshotKey(w.keys);
    const meta: Omit<Meta, "rows"> = {
      format: FORMAT,
      id: crypto.randomBytes(12).toString("base64url"),
      tableId: w.table.id,
      tableKey: w.table.key,
      fingerprint: fingerprint(w.columns),
      keyCheck: keyCheck(key),
      sealed: sealed.map((c) => c.name),
      writtenAt: Date.now(),
      ...state,
    };

    await c.run(
      `CREATE TABLE ${alias}.plain AS SELECT ${plain.map(quoteIdent).join(", ")} FROM records ORDER BY id`,
    );
    await c.run(`CREATE TABLE ${alias}.marks AS SELECT record_id, colour FROM marks ORDER BY record_id`);
    for (const name of HISTORY_TABLES)
      await c.run(`CREATE TABLE ${alias}.${name} AS SELECT * FROM ${name} ORDER BY record_id`);
    await c.run(`CREATE TABLE ${alias}.sealed (chunk INTEGER, nonce BLOB, body BLOB)`);
    const rows = Number(
      (await c.runAndReadAll("SELECT count(*) AS n FROM records")).getRowObjectsJS()[0]!.n as bigint,
    );
    if (sealed.length > 0) {
      // DuckDB writes each chunk's JSON itself; only the JSON text passes through JavaScript.
      const lists = [
        `'id': list(id ORDER BY id)`,
        ...sealed.map((col, i) => `'c${i}': list(${quoteIdent(col.name)} ORDER BY id)`),
      ];
      const reader = await c.runAndReadAll(
        `SELECT chunk, to_json({${lists.join(", ")}})::VARCHAR AS body
           FROM (SELECT *, (row_number() OVER (ORDER BY id) - 1) // ${CHUNK_ROWS} AS chunk FROM records)
          GROUP BY chunk ORDER BY chunk`,
      );
      for (const row of reader.getRowObjectsJS()) {
        const chunk = Number(row.chunk as bigint);
        const { nonce, body } = seal(key, String(row.body), chunkAad(meta, chunk));
        await c.run(`INSERT INTO ${alias}.sealed VALUES ($chunk, $nonce, $body)`, {
          chunk,
          nonce: blobValue(nonce),
          body: blobValue(body),
        });
      }
    }
    await c.run(`CREATE TABLE ${alias}.meta (value VARCHAR)`);
    await c.run(`INSERT INTO ${alias}.meta VALUES ($value)`, { value: JSON.stringify({ ...meta, rows }) });
    await c.run("COMMIT");
    open_ = false;
    await c.run(`DETACH ${alias}`);
    attached = false;
    fs.chmodSync(temp, 0o600);
    syncFile(temp);
    fs.renameSync(temp, final);
    syncFile(w.dir);
    return fs.statSync(final).size;
  } catch (error) {
    if (open_) await c.run("ROLLBACK").catch(() => {});
    if (attached) await c.run(`DETACH ${alias}`).catch(() => {});
    for (const file of [temp, `${temp}.wal`]) fs.rmSync(file, { force: true });
    throw error;
  }
}

export type RestoreResult =
  | { ok: true; state: SnapshotState; rows: number; writtenAt: number }
  | { ok: false; reason: string };

export interface RestoreSnapshot {
  dir: string;
  table: TableDef;
  /** The columns the replica will have (the table's, in order); `records` already exists with them. */
  columns: readonly ReplicaColumn[];
  keys: Pick<Keys, "derive">;
  db: Kysely<DB>;
  connection: DuckDBConnection;
  /** Filled with the time of each step, in ms. */
  steps?: Record<string, number>;
}

/**
 * Fills the empty `records` and `marks` tables from the snapshot when it is usable; otherwise leaves them
 * empty and says why.
 */
export async function restoreSnapshot(r: RestoreSnapshot): Promise<RestoreResult> {
  const file = snapshotFile(r.dir, r.table.key);
  if (!fs.existsSync(file)) return { ok: false, reason: "no snapshot" };
  const c = r.connection;
  const alias = `snap_${crypto.randomBytes(4).toString("hex")}`;
  let lap = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    if (r.steps) r.steps[name] = Math.round(now - lap);
    lap = now;
  };
  try {
    await c.run(`ATTACH ${literal(file)} AS ${alias} (READ_ONLY)`);
  } catch (error) {
    return { ok: false, reason: `unreadable: ${(error as Error).message.split("\n")[0]}` };
  }
  try {
    const meta = JSON.parse(
      String((await c.runAndReadAll(`SELECT value FROM ${alias}.meta`)).getRowObjectsJS()[0]?.value),
    ) as Meta;
    const key = snapshotKey(r.keys);
    if (meta.format !== FORMAT) return { ok: false, reason: `format ${meta.format}, not ${FORMAT}` };
    if (meta.tableId !== r.table.id || meta.tableKey !== r.table.key)
      return { ok: false, reason: "another table" };
    if (meta.fingerprint !== fingerprint(r.columns))
      return { ok: false, reason: "the table's columns (or the code deriving them) changed" };
    if (meta.keyCheck !== keyCheck(key)) return { ok: false, reason: "the key changed" };
    if (meta.anchor && !(await anchorHolds(r.db, meta.anchor)))
      return { ok: false, reason: "the database is not the one the snapshot was taken from" };

    const sealed = meta.sealed.map((name) => r.columns.find((col) => col.name === name));
    if (sealed.some((col) => !col?.field.sensitive))
      return { ok: false, reason: "the sealed columns do not match" };
    const sealedNames = new Set(meta.sealed);
    await c.run(
      `CREATE TEMP TABLE opened (id BIGINT${sealed.map((col) => `, ${quoteIdent(col!.name)} ${col!.type}`).join("")})`,
    );
    try {
      if (sealed.length > 0) {
        const shape = JSON.stringify({
          id: ["BIGINT"],
          ...Object.fromEntries(sealed.map((col, i) => [`c${i}`, [jsonType(col!.type)]])),
        });
        const unnest = ["unnest(j.id)", ...sealed.map((_, i) => `unnest(j.c${i})`)].join(", ");
        const chunks = (
          await c.runAndReadAll(`SELECT chunk, nonce, body FROM ${alias}.sealed ORDER BY chunk`)
        ).getRowObjects();
        for (const chunk of chunks) {
          const json = open(
            key,
            bytes(chunk.nonce),
            bytes(chunk.body),
            chunkAad(meta, Number(chunk.chunk as bigint)),
          );
          await c.run(`INSERT INTO opened SELECT ${unnest} FROM (SELECT from_json($json, $shape) AS j)`, {
            json,
            shape,
          });
        }
      }
      step("open sealed columns");
      const select = [
        ...FIXED_COLUMNS.map((name) => `p.${quoteIdent(name)}`),
        ...r.columns.map((col) =>
          sealedNames.has(col.name) ? `o.${quoteIdent(col.name)}` : `p.${quoteIdent(col.name)}`,
        ),
      ];
      await c.run(
        `INSERT INTO records SELECT ${select.join(", ")} FROM ${alias}.plain p ` +
          `${sealed.length > 0 ? "LEFT JOIN opened o USING (id)" : ""} ORDER BY p.id`,
      );
      step("read rows");
      await c.run(`INSERT INTO marks SELECT record_id, colour FROM ${alias}.marks`);
      for (const name of HISTORY_TABLES) await c.run(`INSERT INTO ${name} SELECT * FROM ${alias}.${name}`);
      step("read history");
    } finally {
      await c.run("DROP TABLE IF EXISTS opened");
    }
    const rows = Number((await c.runAndReadAll("SELECT count(*) AS n FROM records")).getRowObjectsJS()[0]!.n);
    if (rows !== meta.rows) throw new Error(`holds ${rows} rows, its header says ${meta.rows}`);
    return {
      ok: true,
      rows,
      writtenAt: meta.writtenAt,
      state: { versions: meta.versions, marks: meta.marks, anchor: meta.anchor },
    };
  } catch (error) {
    await c.run("DELETE FROM records").catch(() => {});
    await c.run("DELETE FROM marks").catch(() => {});
    for (const name of HISTORY_TABLES) await c.run(`DELETE FROM ${name}`).catch(() => {});
    return { ok: false, reason: `unreadable: ${(error as Error).message.split("\n")[0]}` };
  } finally {
    await c.run(`DETACH ${alias}`).catch(() => {});
  }
}

/** The version row the snapshot last saw is still there with the same record and time. */
async function anchorHolds(db: Kysely<DB>, anchor: Anchor): Promise<boolean> {
  const row = await db
    .selectFrom("record_versions")
    .select(["record_id", "at"])
    .where("id", "=", anchor.id)
    .executeTakeFirst();
  return !!row && Number(row.record_id) === anchor.recordId && Number(row.at) === anchor.at;
}

const jsonType = (type: ReplicaColumn["type"]): unknown => (type === "VARCHAR[]" ? ["VARCHAR"] : type);

const bytes = (value: unknown): Uint8Array =>
  value instanceof Uint8Array ? value : (value as { bytes: Uint8Array }).bytes;

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

function syncFile(file: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, "r");
    fs.fsyncSync(fd);
  } catch {
    // Not every file system lets a directory be synced; the rename is atomic all the same.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function removeStaleTemporaries(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    if (!/\.tmp(\.wal)?$/.test(name)) continue;
    const file = path.join(dir, name);
    try {
      if (Date.now() - fs.statSync(file).mtimeMs > STALE_TEMP_MS) fs.rmSync(file, { force: true });
    } catch {
      // Another process removed or renamed it meanwhile.
    }
  }
}
