// The query engine's own state: saved views (保存的查询) and colour marks (颜色标记). A palette gives each
// colour of a table the meaning staff chose; record_marks is append-only — every change of a row's
// colour is a new row, the newest per record wins — so replicas follow it by id and an undo can go back.
// Frozen in time: written against Kysely<any>, imports nothing from today's code.
import { type Kysely, MysqlAdapter, sql } from "kysely";

const documentType = (db: Kysely<any>) =>
  db.getExecutor().adapter instanceof MysqlAdapter ? sql`mediumtext` : sql`text`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("saved_views")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("table_id", "integer", (c) => c.notNull().references("data_tables.id"))
    .addColumn("name", "varchar(60)", (c) => c.notNull())
    .addColumn("owner_id", "integer", (c) => c.notNull().references("users.id"))
    // "private", "role" (everyone of share_role in the owner's scope) or "org" (everyone at or below share_org_id).
    .addColumn("share", "varchar(8)", (c) => c.notNull())
    .addColumn("share_role", "varchar(32)")
    .addColumn("share_org_id", "integer", (c) => c.references("orgs.id"))
    .addColumn("share_org_path", "varchar(255)")
    .addColumn("definition", documentType(db), (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("saved_views_owner_name")
    .unique()
    .on("saved_views")
    .columns(["table_id", "owner_id", "name"])
    .execute();

  await db.schema
    .createTable("colour_marks")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("table_id", "integer", (c) => c.notNull().references("data_tables.id"))
    .addColumn("colour", "varchar(7)", (c) => c.notNull())
    .addColumn("meaning", "varchar(60)", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex("colour_marks_table_colour")
    .unique()
    .on("colour_marks")
    .columns(["table_id", "colour"])
    .execute();

  await db.schema
    .createTable("record_marks")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("table_id", "integer", (c) => c.notNull())
    .addColumn("record_id", "integer", (c) => c.notNull())
    // Null: the colour was taken off.
    .addColumn("colour", "varchar(7)")
    .addColumn("user_id", "integer")
    .addColumn("at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("record_marks_record")
    .on("record_marks")
    .columns(["record_id", "id"])
    .execute();
  await db.schema.createIndex("record_marks_table").on("record_marks").columns(["table_id", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("record_marks").execute();
  await db.schema.dropTable("colour_marks").execute();
  await db.schema.dropTable("saved_views").execute();
}
