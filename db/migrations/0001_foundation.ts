// Foundation: org tree, accounts, sessions, API tokens, login throttling, system log, settings.
// Frozen in time: written against Kysely<any>, imports nothing from today's code.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("orgs")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("parent_id", "integer", (c) => c.references("orgs.id"))
    .addColumn("kind", "varchar(16)", (c) => c.notNull())
    .addColumn("name", "varchar(100)", (c) => c.notNull())
    .addColumn("path", "varchar(255)", (c) => c.notNull())
    .addColumn("sort", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("orgs_path").on("orgs").column("path").execute();
  await db.schema.createIndex("orgs_parent").on("orgs").columns(["parent_id", "sort"]).execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("username", "varchar(64)", (c) => c.notNull().unique())
    .addColumn("mobile", "varchar(20)", (c) => c.unique())
    .addColumn("display_name", "varchar(100)", (c) => c.notNull())
    .addColumn("password_hash", "varchar(255)", (c) => c.notNull())
    .addColumn("role", "varchar(32)", (c) => c.notNull())
    .addColumn("org_id", "integer", (c) => c.notNull().references("orgs.id"))
    .addColumn("status", "varchar(16)", (c) => c.notNull())
    .addColumn("password_changed_at", "bigint", (c) => c.notNull())
    .addColumn("last_login_at", "bigint")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("users_org").on("users").column("org_id").execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "varchar(64)", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("csrf_token", "varchar(64)", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("last_seen_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .addColumn("ip", "varchar(64)")
    .addColumn("user_agent", "varchar(255)")
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("api_tokens")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("name", "varchar(100)", (c) => c.notNull())
    .addColumn("token_hash", "varchar(64)", (c) => c.notNull().unique())
    .addColumn("prefix", "varchar(16)", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("last_used_at", "bigint")
    .addColumn("revoked_at", "bigint")
    .execute();
  await db.schema.createIndex("api_tokens_user").on("api_tokens").column("user_id").execute();

  await db.schema
    .createTable("login_throttle")
    .addColumn("key", "varchar(191)", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("window_start", "bigint", (c) => c.notNull())
    .addColumn("locked_until", "bigint")
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "bigint", (c) => c.primaryKey())
    .addColumn("at", "bigint", (c) => c.notNull())
    .addColumn("event", "varchar(64)", (c) => c.notNull())
    .addColumn("actor_id", "integer")
    .addColumn("actor_name", "varchar(100)")
    .addColumn("actor_role", "varchar(32)")
    .addColumn("ip", "varchar(64)")
    .addColumn("target_type", "varchar(32)")
    .addColumn("target_id", "varchar(64)")
    .addColumn("org_path", "varchar(255)")
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("prev_hash", "varchar(64)", (c) => c.notNull())
    .addColumn("hash", "varchar(64)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_log_at").on("audit_log").column("at").execute();
  await db.schema.createIndex("audit_log_event").on("audit_log").columns(["event", "at"]).execute();
  await db.schema.createIndex("audit_log_actor").on("audit_log").columns(["actor_id", "at"]).execute();

  // One row holding the chain's head; writers lock it so the chain never forks.
  await db.schema
    .createTable("audit_head")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("last_id", "bigint", (c) => c.notNull())
    .addColumn("last_hash", "varchar(64)", (c) => c.notNull())
    .execute();
  await db
    .insertInto("audit_head")
    .values({ id: 1, last_id: 0, last_hash: "0".repeat(64) })
    .execute();

  await db.schema
    .createTable("settings")
    .addColumn("key", "varchar(64)", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "settings",
    "audit_head",
    "audit_log",
    "login_throttle",
    "api_tokens",
    "sessions",
    "users",
    "orgs",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
