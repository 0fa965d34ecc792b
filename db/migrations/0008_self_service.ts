// Reviewed self-service updates (SPEC §A8): an account may be linked to the person record it belongs to
// (users.person_id), residents propose changes to their record that wait for staff (change_requests),
// and the built-in person table gets the fields residents see and may propose changes to.
// Frozen in time: written against Kysely<any>, imports nothing from today's code.
import { type Kysely, MysqlAdapter, sql } from "kysely";

const documentType = (db: Kysely<any>) =>
  db.getExecutor().adapter instanceof MysqlAdapter ? sql`mediumtext` : sql`text`;

// The built-in person table's defaults as they stood when this migration was written.
const SEEN = ["name", "document", "sex", "birthDate"];
const EDITABLE = ["mobile", "email", "address", "photo", "workUnit"];

export async function up(db: Kysely<any>): Promise<void> {
  // No foreign key: purging a record must not be blocked by the account linked to it (the link then
  // leads nowhere, and the profile says so).
  await db.schema.alterTable("users").addColumn("person_id", "integer").execute();
  await db.schema.createIndex("users_person").unique().on("users").column("person_id").execute();

  await db.schema
    .createTable("change_requests")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("table_id", "integer", (c) => c.notNull())
    .addColumn("record_id", "integer", (c) => c.notNull())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    // The record's org path when proposed: the review queue is scoped by it.
    .addColumn("org_path", "varchar(255)", (c) => c.notNull())
    .addColumn("base_version", "integer", (c) => c.notNull())
    // Raised whenever the resident changes a pending proposal, so a reviewer never decides on a
    // version they have not seen.
    .addColumn("revision", "integer", (c) => c.notNull().defaultTo(1))
    // JSON [{field, old, new}], sensitive values sealed as in the record's version rows.
    .addColumn("changes", documentType(db), (c) => c.notNull())
    .addColumn("status", "varchar(16)", (c) => c.notNull())
    // The record id while pending, else null: a unique index keeps one pending proposal per record on
    // both databases (MySQL has no partial indexes; NULLs never collide).
    .addColumn("open_record_id", "integer")
    .addColumn("reason", "varchar(500)")
    // JSON array of the field keys an approval applied.
    .addColumn("applied", documentType(db))
    .addColumn("reviewer_id", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addColumn("decided_at", "bigint")
    .execute();
  await db.schema
    .createIndex("change_requests_open")
    .unique()
    .on("change_requests")
    .column("open_record_id")
    .execute();
  await db.schema
    .createIndex("change_requests_queue")
    .on("change_requests")
    .columns(["status", "org_path"])
    .execute();
  await db.schema
    .createIndex("change_requests_user")
    .on("change_requests")
    .columns(["user_id", "id"])
    .execute();

  const table = await db
    .selectFrom("data_tables")
    .select("id")
    .where("key", "=", "people")
    .where("builtin", "=", 1)
    .executeTakeFirst();
  if (!table) return;
  const fields = await db
    .selectFrom("data_fields")
    .select(["id", "key", "options"])
    .where("table_id", "=", table.id)
    .where("builtin", "=", 1)
    .where("key", "in", [...SEEN, ...EDITABLE])
    .execute();
  for (const field of fields) {
    const options = JSON.parse(field.options) as Record<string, unknown>;
    const editable = EDITABLE.includes(field.key);
    const next = { ...options, residentVisible: true, ...(editable ? { residentEditable: true } : {}) };
    await db
      .updateTable("data_fields")
      .set({ options: JSON.stringify(next) })
      .where("id", "=", field.id)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("change_requests").execute();
  const index = db.schema.dropIndex("users_person");
  // MySQL names the table of an index; SQLite's DROP INDEX takes no ON.
  await (db.getExecutor().adapter instanceof MysqlAdapter ? index.on("users") : index).execute();
  await db.schema.alterTable("users").dropColumn("person_id").execute();
}
