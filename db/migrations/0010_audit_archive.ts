// The system log's archive points: each row is one file under <data dir>/audit-archive/ holding log rows
// removed after the retention period, with the last hash it ends on, so verify knows what the first kept
// row must link to. Frozen in time: written against Kysely<any>, imports nothing from today's code.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("audit_archive")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("file", "varchar(255)", (c) => c.notNull())
    .addColumn("first_id", "bigint", (c) => c.notNull())
    .addColumn("last_id", "bigint", (c) => c.notNull())
    .addColumn("row_count", "integer", (c) => c.notNull())
    .addColumn("last_hash", "varchar(64)", (c) => c.notNull())
    // The file's own SHA-256, to tell a copy kept off-site is the one written.
    .addColumn("sha256", "varchar(64)", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("audit_archive").execute();
}
