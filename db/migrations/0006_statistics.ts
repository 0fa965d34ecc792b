// Statistics (SPEC §A5): saved dashboards and reports, and the daily usage counts of every platform
// function. Charts and reports are definitions (JSON) over the query engine; their numbers are never
// stored. Usage counts are kept per day, function and org: a request only bumps a counter in memory,
// and a background flush adds the counts up here (app/stats/usage.server.ts).
// Frozen in time: written against Kysely<any>, imports nothing from today's code.
import { type Kysely, MysqlAdapter, sql } from "kysely";

const documentType = (db: Kysely<any>) =>
  db.getExecutor().adapter instanceof MysqlAdapter ? sql`mediumtext` : sql`text`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const name of ["dashboards", "reports"]) {
    await db.schema
      .createTable(name)
      .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
      .addColumn("owner_id", "integer", (c) => c.notNull().references("users.id"))
      // The owner's scope when saved: a shared one is seen by staff on one line with it.
      .addColumn("anchor_path", "varchar(255)", (c) => c.notNull())
      .addColumn("shared", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("name", "varchar(100)", (c) => c.notNull())
      .addColumn("definition", documentType(db), (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("updated_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema.createIndex(`${name}_owner`).on(name).columns(["owner_id", "id"]).execute();
    await db.schema.createIndex(`${name}_anchor`).on(name).columns(["anchor_path", "id"]).execute();
  }

  await db.schema
    .createTable("usage_counts")
    // The day in China time, YYYY-MM-DD.
    .addColumn("day", "varchar(10)", (c) => c.notNull())
    // What was used: "auth.login", "portal.home", "query.search", "transfer.import" …
    .addColumn("feature", "varchar(48)", (c) => c.notNull())
    // The org path of the account that used it; "" for visitors who are not signed in.
    .addColumn("org_path", "varchar(255)", (c) => c.notNull())
    .addColumn("count", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("usage_counts_pk", ["day", "feature", "org_path"])
    .execute();
  await db.schema
    .createIndex("usage_counts_feature")
    .on("usage_counts")
    .columns(["feature", "day"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["usage_counts", "reports", "dashboards"]) await db.schema.dropTable(table).execute();
}
