// A consistent, read-only view of the whole database while the app keeps writing — the one part of a
// backup that differs by engine, and so kept here (beside db/dialect.ts's differences of everyday SQL):
// - SQLite: the online backup API copies the file page by page into a temporary file. It copies all
//   pages in one step, inside one read transaction: in WAL mode writers (this process or another, such
//   as `npm start` while an operator runs `linli backup`) go on meanwhile, and a copy made in several
//   steps would restart after every write of another connection. Rows are then read from the copy.
// - MySQL/MariaDB: one connection, one REPEATABLE READ transaction started WITH CONSISTENT SNAPSHOT
//   (as mysqldump --single-transaction does); every table is read inside it, then it is rolled back.
import fs from "node:fs/promises";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import { parseDatabaseUrl } from "../../db/connection.ts";
import type { Services } from "../core/services.server.ts";
import type { Engine } from "./tables.server.ts";

export interface Snapshot {
  db: Kysely<any>;
  engine: Engine;
  /** The migrations applied in the snapshot, oldest first. */
  migrations: string[];
  /** MariaDB with binary logging: where the binlog stood at the snapshot (point-in-time recovery). */
  binlog: { file: string; position: number } | null;
  close(): Promise<void>;
}

/** `temporary`: where SQLite's copy goes while rows are read from it (removed by close). */
export async function openSnapshot(services: Services, temporary: string): Promise<Snapshot> {
  return services.dialect.name === "mysql" ? mysqlSnapshot(services) : sqliteSnapshot(services, temporary);
}

async function sqliteSnapshot(services: Services, temporary: string): Promise<Snapshot> {
  const file = parseDatabaseUrl(services.config.databaseUrl).target;
  await removeCopy(temporary);
  const source = new SQLite(file, { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    await source.backup(temporary, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite(temporary) }) });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await db.destroy();
    await removeCopy(temporary);
  };
  try {
    return { db, engine: "sqlite", migrations: await appliedMigrations(db), binlog: null, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function mysqlSnapshot(services: Services): Promise<Snapshot> {
  // The connection is held until close: the snapshot lives in its transaction.
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let opened: (db: Kysely<any>) => void = () => {};
  const ready = new Promise<Kysely<any>>((resolve) => {
    opened = resolve;
  });
  const held = services.db.connection().execute(async (conn) => {
    await sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`.execute(conn);
    await sql`START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY`.execute(conn);
    try {
      opened(conn as unknown as Kysely<any>);
      await released;
    } finally {
      await sql`ROLLBACK`.execute(conn);
    }
  });
  const db = await Promise.race([ready, held.then(() => Promise.reject(new Error("snapshot ended")))]);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    release();
    await held;
  };
  try {
    return {
      db,
      engine: "mysql",
      migrations: await appliedMigrations(db),
      binlog: await binlogAt(db),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

// MariaDB reports the binlog position matching the consistent snapshot; MySQL and servers without
// binary logging report nothing.
async function binlogAt(db: Kysely<any>): Promise<Snapshot["binlog"]> {
  const { rows } = await sql<{ Variable_name: string; Value: string }>`
    SHOW STATUS LIKE 'binlog_snapshot_%'`.execute(db);
  const file = rows.find((r) => r.Variable_name === "Binlog_snapshot_file")?.Value;
  const position = Number(rows.find((r) => r.Variable_name === "Binlog_snapshot_position")?.Value);
  return file && Number.isFinite(position) ? { file, position } : null;
}

async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return rows.map((r) => r.name);
}

/** The copy and the files SQLite keeps beside it. */
export async function removeCopy(file: string): Promise<void> {
  await Promise.all(["", "-wal", "-shm", "-journal"].map((s) => fs.rm(file + s, { force: true })));
}
