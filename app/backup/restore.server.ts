// `linli restore FILE`: put a backup back into an empty database and data directory, and prove it.
// Order: key and target checks (cheap, before anything is read) → the whole file verified against its
// manifest (nothing written yet: a damaged or cut-off file leaves the target untouched) → the schema
// built to the backup's migration → rows loaded and files copied → every table's row count and checksum
// and every file's hash compared with the manifest → today's migrations → `backup.restored` in the log.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { type Kysely, Migrator, sql } from "kysely";
import { openDatabase } from "../../db/connection.ts";
import { migrateToLatest } from "../../db/migrate.ts";
import { migrations } from "../../db/migrations/index.ts";
import { recordAudit } from "../audit/log.server.ts";
import type { Config } from "../core/config.server.ts";
import { conflict, invalid } from "../core/errors.ts";
import type { Keys } from "../core/keys.server.ts";
import { fieldKeyId, type Manifest } from "./manifest.server.ts";
import { type FileSink, scanBackup } from "./read.server.ts";
import { type BackupHeader, keyFor, readHeader } from "./seal.server.ts";
import { checksumTables, type Engine } from "./tables.server.ts";
import { listFiles } from "./write.server.ts";

export interface RestoreOptions {
  /** Replace a database (and files directory) that is in use. */
  force?: boolean;
  /**
   * Leave the database exactly as backed up — no newer migrations, no `backup.restored` row — so MariaDB's
   * binlogs from the backup's position can be replayed onto it (point-in-time recovery); start the app after.
   */
  forReplay?: boolean;
  progress?(step: "verify" | "schema" | "load" | "check" | "done", detail?: string): void;
}

export interface Restored {
  header: BackupHeader;
  manifest: Manifest;
  /** Set when the sensitive fields were sealed under another LINLI_SECRET_KEY than the one given. */
  keyWarning: boolean;
  /** Where an existing files directory was moved (with --force). */
  movedFiles: string | null;
}

export async function restoreBackup(
  config: Config,
  keys: Keys,
  file: string,
  options: RestoreOptions = {},
): Promise<Restored> {
  const progress = options.progress ?? (() => {});
  const key = keyFor((await readHeader(file)).header, config, keys);
  const database = openDatabase(config.databaseUrl);
  const engine = database.dialect.name;
  const db = database.db as unknown as Kysely<any>;
  const filesDir = path.join(config.dataDir, "files");
  try {
    const state = await databaseState(db, engine);
    const present = await listFiles(filesDir);
    if (!options.force && state === "in-use")
      throw conflict(
        `目标数据库 ${database.describe} 不是空的，拒绝覆盖；确需替换请加 --force / The target database ${database.describe} is not empty; refused (add --force to replace it)`,
      );
    if (!options.force && present.length)
      throw conflict(
        `数据目录 ${filesDir} 中已有 ${present.length} 个文件，拒绝覆盖；确需替换请加 --force / ${filesDir} already holds ${present.length} files; refused (add --force to replace them)`,
      );

    progress("verify");
    const { header, manifest } = await scanBackup(file, key);
    const unknown = manifest.migrations.filter((m) => !(m in migrations));
    if (unknown.length)
      throw invalid(
        `备份来自较新的版本（${unknown.join("、")}），请先升级邻里 / The backup comes from a newer version (${unknown.join(", ")}); upgrade Linli first`,
      );

    progress("schema");
    await dropAllTables(db, engine);
    const movedFiles = present.length ? await moveAside(filesDir) : null;
    await fs.rm(path.join(config.dataDir, "replica"), { recursive: true, force: true });
    await database.dialect.prepareDatabase(db);
    if (manifest.migration) {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      const { error } = await migrator.migrateTo(manifest.migration);
      if (error) throw error;
    }

    progress("load");
    await withoutForeignKeys(db, engine, async (conn) => {
      // Rows the migrations themselves wrote (the system log's head row) give way to the backup's.
      for (const table of Object.keys(manifest.tables)) await conn.deleteFrom(table).execute();
      await scanBackup(file, key, {
        rows: (table, columns, rows) => insertRows(conn, engine, table, columns, rows),
        file: (relative) => fileSink(path.join(filesDir, ...relative.split("/"))),
      });
    });

    progress("check");
    await checkRestored(db, engine, manifest, filesDir);
    const known = [keys, ...keys.previous].map((k) => fieldKeyId(k));
    const done = { header, manifest, keyWarning: !known.includes(manifest.fieldKeyId), movedFiles };
    if (options.forReplay) return done;
    await migrateToLatest(database);
    await recordAudit(database.db, database.dialect, {
      event: "backup.restored",
      actorName: "linli restore",
      data: {
        file: path.basename(file),
        createdAt: header.createdAt,
        engine: manifest.engine,
        rows: manifest.totals.rows,
        files: manifest.totals.files,
        forced: state === "in-use" || present.length > 0,
      },
    });
    progress("done");
    return done;
  } finally {
    await database.close();
  }
}

/** "empty": no tables; "unused": only what migrations and a first start write; else "in-use". */
async function databaseState(db: Kysely<any>, engine: Engine): Promise<"empty" | "unused" | "in-use"> {
  const tables = await tableNames(db, engine);
  if (!tables.length) return "empty";
  for (const table of ["orgs", "users", "records", "audit_log"]) {
    if (!tables.includes(table)) continue;
    const row = await db.selectFrom(table).select(sql`1`.as("x")).limit(1).executeTakeFirst();
    if (row) return "in-use";
  }
  return "unused";
}

async function tableNames(db: Kysely<any>, engine: Engine): Promise<string[]> {
  const { rows } =
    engine === "mysql"
      ? await sql<{ name: string }>`SELECT TABLE_NAME AS name FROM information_schema.TABLES
          WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'`.execute(db)
      : await sql<{ name: string }>`SELECT name FROM sqlite_master
          WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(db);
  return rows.map((r) => r.name);
}

async function dropAllTables(db: Kysely<any>, engine: Engine): Promise<void> {
  await withoutForeignKeys(db, engine, async (conn) => {
    for (const table of await tableNames(conn, engine)) await conn.schema.dropTable(table).execute();
  });
}

/** Rows go back as they were, so a row may come before the row it refers to (an org moved later). */
async function withoutForeignKeys(
  db: Kysely<any>,
  engine: Engine,
  fn: (conn: Kysely<any>) => Promise<void>,
): Promise<void> {
  await db.connection().execute(async (conn) => {
    const off = engine === "mysql" ? sql`SET FOREIGN_KEY_CHECKS = 0` : sql`PRAGMA foreign_keys = OFF`;
    const on = engine === "mysql" ? sql`SET FOREIGN_KEY_CHECKS = 1` : sql`PRAGMA foreign_keys = ON`;
    await off.execute(conn);
    try {
      await fn(conn);
    } finally {
      await on.execute(conn);
    }
  });
}

async function insertRows(
  conn: Kysely<any>,
  engine: Engine,
  table: string,
  columns: string[],
  rows: unknown[][],
): Promise<void> {
  if (!rows.length) return;
  // Below SQLite's 32,766 bound parameters, and small enough for MySQL's packet limit.
  const per = Math.max(1, Math.min(500, Math.floor(20_000 / columns.length)));
  await sql.raw(engine === "mysql" ? "START TRANSACTION" : "BEGIN").execute(conn);
  try {
    for (let i = 0; i < rows.length; i += per) {
      const values = rows
        .slice(i, i + per)
        .map((row) => Object.fromEntries(columns.map((c, j) => [c, row[j] ?? null])));
      await conn.insertInto(table).values(values).execute();
    }
    await sql.raw("COMMIT").execute(conn);
  } catch (error) {
    await sql.raw("ROLLBACK").execute(conn);
    throw error;
  }
}

async function fileSink(target: string): Promise<FileSink> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${crypto.randomBytes(4).toString("hex")}.tmp`;
  const handle = await fs.open(temporary, "wx", 0o600);
  return {
    write: async (data) => {
      await handle.write(data);
    },
    end: async () => {
      await handle.close();
      await fs.rename(temporary, target);
    },
  };
}

async function checkRestored(db: Kysely<any>, engine: Engine, manifest: Manifest, filesDir: string) {
  const sums = await checksumTables(db, engine);
  const wrong: string[] = [];
  for (const [name, want] of Object.entries(manifest.tables)) {
    const got = sums[name];
    if (!got || got.rows !== want.rows || got.checksum !== want.checksum)
      wrong.push(`${name} (${got?.rows ?? 0}/${want.rows})`);
  }
  for (const want of manifest.files) {
    const data = await fs.readFile(path.join(filesDir, ...want.path.split("/"))).catch(() => null);
    if (!data || crypto.createHash("sha256").update(data).digest("hex") !== want.sha256)
      wrong.push(want.path);
  }
  if (wrong.length)
    throw new Error(
      `restored data differs from the backup's manifest: ${wrong.slice(0, 10).join(", ")}; the target holds a partial restore — empty it and restore again`,
    );
}

async function moveAside(dir: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");
  const aside = `${dir}.before-restore-${stamp}`;
  await fs.rename(dir, aside);
  return aside;
}
