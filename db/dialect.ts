// The few places where SQLite and MySQL/MariaDB differ. Everything else is plain Kysely.
import { type InsertQueryBuilder, type Kysely, type RawBuilder, type SelectQueryBuilder, sql } from "kysely";

export type DialectName = "sqlite" | "mysql";

export interface Dialect {
  name: DialectName;
  /** Concatenate SQL expressions. */
  concat(...parts: RawBuilder<unknown>[]): RawBuilder<string>;
  /** Lock the selected rows until the transaction ends (no-op on SQLite, whose writers are serialised). */
  forUpdate<DB, TB extends keyof DB, O>(qb: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O>;
  /** The text at `$.key` of a JSON document column (null when absent). */
  jsonText(column: RawBuilder<unknown>, key: string): RawBuilder<string | null>;
  /** Prepare a fresh database before migrations run. */
  prepareDatabase(db: Kysely<unknown>): Promise<void>;
  /**
   * Insert a counter row, or add its `column` to the stored row's when the key (`conflict`, the table's
   * primary key) exists already: one statement, so processes adding to one row at once never lose counts.
   */
  insertOrAdd<DB, TB extends keyof DB, O>(
    qb: InsertQueryBuilder<DB, TB, O>,
    conflict: readonly string[],
    column: string,
  ): InsertQueryBuilder<DB, TB, O>;
  /** Skip rows whose unique key exists already (INSERT OR IGNORE / INSERT IGNORE). */
  insertIgnore<DB, TB extends keyof DB, O>(qb: InsertQueryBuilder<DB, TB, O>): InsertQueryBuilder<DB, TB, O>;
}

const sqliteDialect: Dialect = {
  name: "sqlite",
  concat: (...parts) => sql<string>`(${sql.join(parts, sql` || `)})`,
  forUpdate: (qb) => qb,
  jsonText: (column, key) => sql<string | null>`json_extract(${column}, ${`$.${key}`})`,
  async prepareDatabase(db) {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  },
  insertOrAdd: (qb, conflict, column) =>
    qb.onConflict((oc) =>
      oc
        .columns(conflict as never)
        .doUpdateSet({ [column]: sql`${sql.ref(column)} + ${sql.ref(`excluded.${column}`)}` } as never),
    ),
  insertIgnore: (qb) => qb.orIgnore(),
};

const mysqlDialect: Dialect = {
  name: "mysql",
  concat: (...parts) => sql<string>`CONCAT(${sql.join(parts)})`,
  forUpdate: (qb) => qb.forUpdate(),
  jsonText: (column, key) => sql<string | null>`JSON_UNQUOTE(JSON_EXTRACT(${column}, ${`$.${key}`}))`,
  async prepareDatabase(db) {
    // Chinese text, including characters outside the BMP, needs utf8mb4 as the default for new tables.
    await sql`ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`.execute(db);
  },
  // VALUES(col) rather than MySQL 8's row alias: MariaDB knows only VALUES(). The key is the primary key.
  insertOrAdd: (qb, _conflict, column) =>
    qb.onDuplicateKeyUpdate({ [column]: sql`${sql.ref(column)} + VALUES(${sql.ref(column)})` } as never),
  insertIgnore: (qb) => qb.ignore(),
};

export function dialectFor(name: DialectName): Dialect {
  return name === "mysql" ? mysqlDialect : sqliteDialect;
}

/** True for a unique-constraint violation on either database (two writers raced past a check). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "ER_DUP_ENTRY"
  );
}
