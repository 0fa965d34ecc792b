// Backups 数据备份: one row per run (scheduled, from the console, or `linli backup`), so every process on
// the database sees which backups exist, which one runs and how each ended. A row is written as `running`
// before the file exists and becomes `done` only after the file is complete, verified and renamed into
// place; a scheduled run claims its slot ("daily:2026-12-07") through a unique column, so several
// processes sharing one database make that backup once.
// Frozen in time: written against Kysely<any>, imports nothing from today's code.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("backups")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    // running | done | failed | interrupted | removed (retention deleted the file)
    .addColumn("status", "varchar(12)", (c) => c.notNull())
    // schedule | console | cli
    .addColumn("started_via", "varchar(12)", (c) => c.notNull())
    // The schedule's claim: unique, so two processes never make the same scheduled backup.
    .addColumn("slot", "varchar(40)", (c) => c.unique())
    // Where the finished file is (or was to be) written, on the machine that made it.
    .addColumn("location", "varchar(1000)", (c) => c.notNull())
    .addColumn("size", "bigint")
    // SHA-256 of the whole file: compare an off-site copy without the key.
    .addColumn("sha256", "varchar(64)")
    .addColumn("row_count", "bigint")
    .addColumn("file_count", "integer")
    // What the run is doing (snapshot, database, files, verify) and how far, 0–100.
    .addColumn("phase", "varchar(16)")
    .addColumn("progress", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("error", "varchar(1000)")
    // Which process runs it: a row left running by a dead process is marked interrupted.
    .addColumn("host", "varchar(255)", (c) => c.notNull())
    .addColumn("pid", "integer", (c) => c.notNull())
    .addColumn("user_id", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    // The heartbeat: written with each progress step.
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addColumn("finished_at", "bigint")
    .execute();
  await db.schema.createIndex("backups_status").on("backups").columns(["status", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("backups").execute();
}
