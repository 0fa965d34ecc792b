// The community dynamic database: staff-defined tables and fields, dictionaries, records as JSON
// documents with a few indexed columns, their versions, links, blind indexes for encrypted values,
// and uploaded files. Field changes are metadata only, so they take no time on a million records.
// Frozen in time: written against Kysely<any>, imports nothing from today's code.
import { type Kysely, MysqlAdapter, sql } from "kysely";

/** A record document can outgrow MySQL's 64 KB TEXT (long notes); SQLite's TEXT has no such limit. */
function documentType(db: Kysely<any>) {
  return db.getExecutor().adapter instanceof MysqlAdapter ? sql`mediumtext` : sql`text`;
}

export async function up(db: Kysely<any>): Promise<void> {
  const doc = documentType(db);

  await db.schema
    .createTable("data_tables")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("key", "varchar(64)", (c) => c.notNull().unique())
    .addColumn("name", "varchar(100)", (c) => c.notNull())
    .addColumn("kind", "varchar(8)", (c) => c.notNull())
    .addColumn("parent_id", "integer", (c) => c.references("data_tables.id"))
    .addColumn("id_prefix", "varchar(8)", (c) => c.notNull())
    .addColumn("next_number", "bigint", (c) => c.notNull().defaultTo(1))
    .addColumn("builtin", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("sort", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("data_tables_parent").on("data_tables").column("parent_id").execute();

  await db.schema
    .createTable("data_fields")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("table_id", "integer", (c) => c.notNull().references("data_tables.id"))
    .addColumn("key", "varchar(64)", (c) => c.notNull())
    .addColumn("label", "varchar(100)", (c) => c.notNull())
    .addColumn("type", "varchar(32)", (c) => c.notNull())
    .addColumn("options", "text", (c) => c.notNull())
    .addColumn("required", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("sensitive", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("hidden", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("builtin", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("sort", "integer", (c) => c.notNull())
    .addColumn("removed_at", "bigint")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addUniqueConstraint("data_fields_table_key", ["table_id", "key"])
    .execute();

  await db.schema
    .createTable("dictionaries")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("key", "varchar(64)", (c) => c.notNull().unique())
    .addColumn("name", "varchar(100)", (c) => c.notNull())
    .addColumn("name_en", "varchar(100)", (c) => c.notNull())
    .addColumn("standard", "varchar(100)")
    .addColumn("multiple", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("builtin", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("options", doc, (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("records")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("table_id", "integer", (c) => c.notNull().references("data_tables.id"))
    .addColumn("system_id", "varchar(32)", (c) => c.notNull().unique())
    .addColumn("parent_id", "integer", (c) => c.references("records.id"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("orgs.id"))
    .addColumn("org_path", "varchar(255)", (c) => c.notNull())
    .addColumn("data", doc, (c) => c.notNull())
    // Blind index of the (document type, number) a person is unique by; NULL for records without one.
    .addColumn("unique_key", "varchar(32)")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("created_by", "integer")
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addColumn("updated_by", "integer")
    .addColumn("deleted_at", "bigint")
    .addColumn("deleted_by", "integer")
    .addUniqueConstraint("records_table_unique_key", ["table_id", "unique_key"])
    .execute();
  await db.schema.createIndex("records_scope").on("records").columns(["table_id", "org_path"]).execute();
  await db.schema.createIndex("records_parent").on("records").column("parent_id").execute();
  await db.schema.createIndex("records_deleted").on("records").columns(["deleted_at", "table_id"]).execute();

  // One row per change: the history users read, the "as of" source, and the feed the replica follows.
  await db.schema
    .createTable("record_versions")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("record_id", "integer", (c) => c.notNull())
    .addColumn("table_id", "integer", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("kind", "varchar(16)", (c) => c.notNull())
    .addColumn("changes", doc, (c) => c.notNull())
    .addColumn("user_id", "integer")
    .addColumn("at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("record_versions_record")
    .on("record_versions")
    .columns(["record_id", "version"])
    .execute();
  await db.schema
    .createIndex("record_versions_table_at")
    .on("record_versions")
    .columns(["table_id", "at"])
    .execute();

  // Which record points at which through a link field, so deleting a linked record can be refused fast.
  await db.schema
    .createTable("record_links")
    .addColumn("from_id", "integer", (c) => c.notNull())
    .addColumn("field_id", "integer", (c) => c.notNull())
    .addColumn("to_id", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("record_links_pk", ["from_id", "field_id", "to_id"])
    .execute();
  await db.schema.createIndex("record_links_to").on("record_links").column("to_id").execute();

  // Keyed blind indexes of encrypted values (phone, other sensitive fields) for exact lookup.
  await db.schema
    .createTable("record_lookup")
    .addColumn("record_id", "integer", (c) => c.notNull())
    .addColumn("field_id", "integer", (c) => c.notNull())
    .addColumn("digest", "varchar(32)", (c) => c.notNull())
    .addPrimaryKeyConstraint("record_lookup_pk", ["record_id", "field_id"])
    .execute();
  await db.schema
    .createIndex("record_lookup_digest")
    .on("record_lookup")
    .columns(["field_id", "digest"])
    .execute();

  await db.schema
    .createTable("files")
    .addColumn("id", "varchar(40)", (c) => c.primaryKey())
    .addColumn("org_path", "varchar(255)", (c) => c.notNull())
    .addColumn("name", "varchar(255)", (c) => c.notNull())
    .addColumn("mime", "varchar(100)", (c) => c.notNull())
    .addColumn("size", "bigint", (c) => c.notNull())
    .addColumn("sha256", "varchar(64)", (c) => c.notNull())
    .addColumn("width", "integer")
    .addColumn("height", "integer")
    .addColumn("has_thumb", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("created_by", "integer")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "files",
    "record_lookup",
    "record_links",
    "record_versions",
    "records",
    "dictionaries",
    "data_fields",
    "data_tables",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
