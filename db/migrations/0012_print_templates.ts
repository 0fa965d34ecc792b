// Template printing 模板打印 (SPEC §A7): the print templates an office designs (envelopes, badges,
// certificates …), each owned by an org node and seen by the offices under it. The built-in templates
// live in print-templates/ as files; print jobs are rows of transfer_jobs (kind "print").
// Frozen in time: written against Kysely<any>, imports nothing from today's code.
import { type Kysely, MysqlAdapter, sql } from "kysely";

const longText = (db: Kysely<any>) =>
  db.getExecutor().adapter instanceof MysqlAdapter ? sql`mediumtext` : sql`text`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("print_templates")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("table_id", "integer", (c) => c.notNull().references("data_tables.id"))
    .addColumn("name", "varchar(100)", (c) => c.notNull())
    .addColumn("category", "varchar(16)", (c) => c.notNull())
    .addColumn("definition", longText(db), (c) => c.notNull())
    .addColumn("org_id", "integer", (c) => c.notNull().references("orgs.id"))
    .addColumn("org_path", "varchar(255)", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("updated_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("print_templates_org").on("print_templates").columns(["org_path"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("print_templates").execute();
}
