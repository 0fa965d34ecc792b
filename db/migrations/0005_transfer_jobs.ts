// Imports and exports run as background jobs (SPEC §A4). A job row says what was asked, how far it got
// and how it ended; `committed_through` is written in the same transaction as each committed batch, so
// after a crash the row states exactly which prefix of the file is in the database.
// Frozen in time: written against Kysely<any>, imports nothing from today's code.
import { type Kysely, MysqlAdapter, sql } from "kysely";

const documentType = (db: Kysely<any>) =>
  db.getExecutor().adapter instanceof MysqlAdapter ? sql`mediumtext` : sql`text`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("transfer_jobs")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    // "import" or "export"
    .addColumn("kind", "varchar(8)", (c) => c.notNull())
    .addColumn("table_id", "integer", (c) => c.notNull().references("data_tables.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    // The caller's scope when the job was made, so lists are scoped like records.
    .addColumn("org_path", "varchar(255)", (c) => c.notNull())
    // queued | running | done | failed | cancelled | interrupted
    .addColumn("status", "varchar(12)", (c) => c.notNull())
    // import: "dry-run" or "commit"; export: the format
    .addColumn("phase", "varchar(12)", (c) => c.notNull())
    .addColumn("file_name", "varchar(255)", (c) => c.notNull())
    .addColumn("options", documentType(db), (c) => c.notNull())
    .addColumn("done", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("total", "integer")
    // Sheet row number up to which rows are committed (imports that write in batches).
    .addColumn("committed_through", "integer")
    .addColumn("committed_rows", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("result", documentType(db))
    .addColumn("error", "varchar(1000)")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("started_at", "bigint")
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addColumn("finished_at", "bigint")
    .execute();
  await db.schema.createIndex("transfer_jobs_status").on("transfer_jobs").column("status").execute();
  await db.schema.createIndex("transfer_jobs_org").on("transfer_jobs").columns(["org_path", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("transfer_jobs").execute();
}
