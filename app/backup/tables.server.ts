// Which tables a backup holds and how their rows are read, written into the payload and checksummed.
// The table list is read from the database itself (not from db/types.ts), so a table added by a later
// migration is backed up without a change here. Every table has a primary key; rows are read in pages
// along it (keyset, never OFFSET), which works on any table size and inside one snapshot transaction.
//
// The checksum of a table is the same on SQLite and MySQL for the same rows: each row's values are
// canonicalised to text (NULL stays null, numbers in plain decimal, bytes in hex) in column-name order,
// hashed with SHA-256, and the hashes are added modulo 2^256. The sum does not depend on the order rows
// come in, because the two engines order text keys differently (MySQL's utf8mb4_unicode_ci against
// SQLite's bytes); tampering is the seal's job, this only has to tell whether two tables hold the same rows.
import crypto from "node:crypto";
import { type Expression, type Kysely, type SqlBool, sql } from "kysely";

export type Engine = "sqlite" | "mysql";

export interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
}

/** Rows about backup files of the machine that made them; the restored database starts without them. */
export const NOT_BACKED_UP = new Set(["backups"]);

export async function listTables(db: Kysely<any>, engine: Engine): Promise<TableInfo[]> {
  const tables = await db.introspection.getTables();
  const keys = await primaryKeys(db, engine);
  return tables
    .filter((t) => !t.isView && !NOT_BACKED_UP.has(t.name))
    .map((t) => {
      const primaryKey = keys.get(t.name) ?? [];
      if (!primaryKey.length) throw new Error(`table ${t.name} has no primary key; it cannot be backed up`);
      return { name: t.name, columns: t.columns.map((c) => c.name), primaryKey };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function primaryKeys(db: Kysely<any>, engine: Engine): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (engine === "mysql") {
    const { rows } = await sql<{ t: string; c: string }>`
      SELECT TABLE_NAME AS t, COLUMN_NAME AS c FROM information_schema.KEY_COLUMN_USAGE
      WHERE TABLE_SCHEMA = DATABASE() AND CONSTRAINT_NAME = 'PRIMARY'
      ORDER BY TABLE_NAME, ORDINAL_POSITION`.execute(db);
    for (const r of rows) out.set(r.t, [...(out.get(r.t) ?? []), r.c]);
    return out;
  }
  const { rows } = await sql<{ t: string; c: string; pk: number }>`
    SELECT m.name AS t, p.name AS c, p.pk AS pk FROM sqlite_master m, pragma_table_info(m.name) p
    WHERE m.type = 'table' AND p.pk > 0 ORDER BY m.name, p.pk`.execute(db);
  for (const r of rows) out.set(r.t, [...(out.get(r.t) ?? []), r.c]);
  return out;
}

/** The rows of a table in primary-key order, a page at a time. */
export async function* readRows(
  db: Kysely<any>,
  table: TableInfo,
  pageSize = 2000,
): AsyncGenerator<Record<string, unknown>[]> {
  let last: Record<string, unknown> | null = null;
  for (;;) {
    let query = db.selectFrom(table.name).select(table.columns);
    for (const key of table.primaryKey) query = query.orderBy(key);
    const after = last;
    if (after) query = query.where((eb) => afterKey(eb, table.primaryKey, after));
    const rows: Record<string, unknown>[] = await query.limit(pageSize).execute();
    if (rows.length) yield rows;
    if (rows.length < pageSize) return;
    last = rows[rows.length - 1]!;
  }
}

// (a > x) OR (a = x AND b > y) …: spelled out rather than a row comparison, which MariaDB may not run
// through the primary key's index.
function afterKey(eb: any, keys: string[], row: Record<string, unknown>): Expression<SqlBool> {
  return eb.or(
    keys.map((key, i) =>
      eb.and([...keys.slice(0, i).map((k) => eb(k, "=", row[k])), eb(key, ">", row[key])]),
    ),
  );
}

/** A value as the payload stores it: JSON, with bytes as {"$b": base64}. */
export function encodeValue(value: unknown): unknown {
  if (Buffer.isBuffer(value) || value instanceof Uint8Array)
    return { $b: Buffer.from(value).toString("base64") };
  if (typeof value === "bigint") return value.toString();
  return value ?? null;
}

export function decodeValue(value: unknown): unknown {
  if (value && typeof value === "object" && "$b" in value) return Buffer.from(String(value.$b), "base64");
  return value;
}

/** A value as the checksum sees it: text, the same from either engine. */
export function canonical(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value) || value instanceof Uint8Array)
    return `\\x${Buffer.from(value).toString("hex")}`;
  if (typeof value === "boolean") return value ? "1" : "0";
  return String(value);
}

const MOD = 1n << 256n;

export class TableChecksum {
  rows = 0;
  /** The largest value of a single numeric primary key (the drill compares rows up to it). */
  maxId: number | null = null;
  private sum = 0n;
  private readonly order: number[];
  private readonly idIndex: number;

  constructor(
    readonly columns: string[],
    primaryKey: string[] = [],
  ) {
    this.order = columns.map((_, i) => i).sort((a, b) => (columns[a]! < columns[b]! ? -1 : 1));
    this.idIndex = primaryKey.length === 1 ? columns.indexOf(primaryKey[0]!) : -1;
  }

  /** One row, its values in `columns` order. */
  add(values: readonly unknown[]): void {
    const text = JSON.stringify(this.order.map((i) => canonical(values[i])));
    const hash = crypto.createHash("sha256").update(text).digest("hex");
    this.sum = (this.sum + BigInt(`0x${hash}`)) % MOD;
    this.rows++;
    if (this.idIndex >= 0) {
      const id = Number(values[this.idIndex]);
      if (Number.isFinite(id) && (this.maxId === null || id > this.maxId)) this.maxId = id;
    }
  }

  addRecord(row: Record<string, unknown>): void {
    this.add(this.columns.map((c) => row[c]));
  }

  get digest(): string {
    return this.sum.toString(16).padStart(64, "0");
  }
}

export interface TableSum {
  rows: number;
  checksum: string;
  maxId: number | null;
}

/** Row count and checksum of every table of a database as it is now. */
export async function checksumTables(db: Kysely<any>, engine: Engine): Promise<Record<string, TableSum>> {
  const out: Record<string, TableSum> = {};
  for (const table of await listTables(db, engine)) {
    const sum = new TableChecksum(table.columns, table.primaryKey);
    for await (const page of readRows(db, table)) for (const row of page) sum.addRecord(row);
    out[table.name] = { rows: sum.rows, checksum: sum.digest, maxId: sum.maxId };
  }
  return out;
}
