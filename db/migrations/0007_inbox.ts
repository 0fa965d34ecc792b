// In-site messages 站内信: one row per recipient account, read or not. Domains post notices here (the
// outcome of a proposed change, a failed backup …); the mass-notice channel will post here too.
// Frozen in time: written against Kysely<any>, imports nothing from today's code.
import { type Kysely, MysqlAdapter, sql } from "kysely";

const documentType = (db: Kysely<any>) =>
  db.getExecutor().adapter instanceof MysqlAdapter ? sql`mediumtext` : sql`text`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("inbox_messages")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    // What kind of notice (self-service outcome, backup failure …), for icons and filters.
    .addColumn("kind", "varchar(32)", (c) => c.notNull())
    .addColumn("title", "varchar(200)", (c) => c.notNull())
    .addColumn("body", documentType(db), (c) => c.notNull())
    // A path inside the app the notice points at (never an outside address).
    .addColumn("link", "varchar(255)")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("read_at", "bigint")
    .execute();
  await db.schema
    .createIndex("inbox_messages_user")
    .on("inbox_messages")
    .columns(["user_id", "read_at", "id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("inbox_messages").execute();
}
