// Opens the system-of-record database from a DATABASE_URL: a SQLite file path / sqlite: URL, or mysql://.
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, MysqlDialect, SqliteDialect } from "kysely";
import { createPool } from "mysql2";
import { type Dialect, type DialectName, dialectFor } from "./dialect.ts";
import type { DB } from "./types.ts";

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** Human-readable target without credentials, for logs and /healthz. */
  describe: string;
  close(): Promise<void>;
}

export function parseDatabaseUrl(url: string): { kind: DialectName; target: string } {
  if (url.startsWith("mysql://") || url.startsWith("mariadb://")) return { kind: "mysql", target: url };
  if (url.startsWith("sqlite:")) return { kind: "sqlite", target: url.replace(/^sqlite:(\/\/)?/, "") };
  return { kind: "sqlite", target: url };
}

export function openDatabase(url: string): Database {
  const { kind, target } = parseDatabaseUrl(url);
  return kind === "mysql" ? openMysql(target) : openSqlite(target);
}

function openSqlite(file: string): Database {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    dialect: dialectFor("sqlite"),
    describe: `sqlite:${path.resolve(file)}`,
    close: () => db.destroy(),
  };
}

function openMysql(url: string): Database {
  const parsed = new URL(url.replace(/^mariadb:/, "mysql:"));
  const pool = createPool({
    host: parsed.hostname,
    port: Number(parsed.port || 3306),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: parsed.pathname.replace(/^\//, ""),
    charset: "utf8mb4_unicode_ci",
    connectionLimit: Number(parsed.searchParams.get("connectionLimit") ?? 10),
    supportBigNumbers: true,
    bigNumberStrings: false,
    timezone: "Z",
  });
  const db = new Kysely<DB>({ dialect: new MysqlDialect({ pool }) });
  return {
    db,
    dialect: dialectFor("mysql"),
    describe: `mysql://${parsed.hostname}:${parsed.port || 3306}${parsed.pathname}`,
    close: () => db.destroy(),
  };
}
