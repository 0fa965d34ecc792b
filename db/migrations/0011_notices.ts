// Mass notices 一键群发 (SPEC §A6): campaigns, their per-recipient messages (the durable queue), rules that
// start campaigns by themselves (birthdays, reminders before a date), opt-outs, and recipient groups.
// A message is unique per (campaign, channel, record): queueing a campaign again after a crash adds nothing
// twice, and a rule's run is unique per (rule, day), so several processes start it once.
// Frozen in time: written against Kysely<any>, imports nothing from today's code.
import { type Kysely, MysqlAdapter, sql } from "kysely";

const longText = (db: Kysely<any>) =>
  db.getExecutor().adapter instanceof MysqlAdapter ? sql`mediumtext` : sql`text`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("notice_rules")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("table_id", "integer", (c) => c.notNull().references("data_tables.id"))
    .addColumn("name", "varchar(100)", (c) => c.notNull())
    // birthday | before_date
    .addColumn("kind", "varchar(16)", (c) => c.notNull())
    // The date field a reminder counts from (before_date), by key.
    .addColumn("field", "varchar(80)")
    .addColumn("days_before", "integer", (c) => c.notNull().defaultTo(0))
    // Time of day it runs, Beijing time, "08:00".
    .addColumn("run_at", "varchar(5)", (c) => c.notNull())
    .addColumn("channels", "varchar(100)", (c) => c.notNull())
    .addColumn("content", longText(db), (c) => c.notNull())
    // Narrows whom it reaches: a view query (filter, org …) as JSON; null: everybody in scope.
    .addColumn("audience", longText(db))
    .addColumn("paused", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("org_id", "integer", (c) => c.notNull().references("orgs.id"))
    .addColumn("org_path", "varchar(255)", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addColumn("next_run_at", "bigint")
    .addColumn("last_run_at", "bigint")
    .execute();

  await db.schema
    .createTable("campaigns")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("table_id", "integer", (c) => c.notNull().references("data_tables.id"))
    .addColumn("title", "varchar(200)", (c) => c.notNull())
    // scheduled | queueing | sending | paused | done | cancelled | failed
    .addColumn("status", "varchar(12)", (c) => c.notNull())
    .addColumn("channels", "varchar(100)", (c) => c.notNull())
    .addColumn("content", longText(db), (c) => c.notNull())
    // Whom: { kind: "ids" | "query" | "view" | "group" | "rule", … } as JSON.
    .addColumn("audience", longText(db), (c) => c.notNull())
    // Which field holds each channel's address ({ "email": "email", "sms": "mobile" }), as JSON.
    .addColumn("address_fields", "varchar(500)", (c) => c.notNull())
    .addColumn("org_id", "integer", (c) => c.notNull().references("orgs.id"))
    .addColumn("org_path", "varchar(255)", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("send_at", "bigint", (c) => c.notNull())
    .addColumn("rule_id", "integer", (c) => c.references("notice_rules.id"))
    // A rule's run of one day ("2026-12-07"): unique with rule_id.
    .addColumn("run_key", "varchar(20)")
    // Queueing: recipients resolved and rendered so far, of how many; its heartbeat (a dead process's
    // queueing is taken over by another).
    .addColumn("queued", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("total", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("lease_until", "bigint")
    .addColumn("error", "varchar(1000)")
    .addColumn("finished_at", "bigint")
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addUniqueConstraint("campaigns_rule_run", ["rule_id", "run_key"])
    .execute();
  await db.schema.createIndex("campaigns_status").on("campaigns").columns(["status", "send_at"]).execute();
  await db.schema.createIndex("campaigns_scope").on("campaigns").columns(["org_path", "id"]).execute();

  await db.schema
    .createTable("campaign_messages")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("campaign_id", "integer", (c) => c.notNull().references("campaigns.id"))
    .addColumn("channel", "varchar(8)", (c) => c.notNull())
    .addColumn("record_id", "integer", (c) => c.notNull())
    .addColumn("system_id", "varchar(40)", (c) => c.notNull())
    .addColumn("name", "varchar(100)", (c) => c.notNull())
    // The address sealed like a sensitive value (bound to campaign, record and channel); null: none.
    .addColumn("address", "varchar(500)")
    // Masked, for the report: 138****8000, z***@qq.com.
    .addColumn("address_hint", "varchar(100)")
    .addColumn("subject", "varchar(300)", (c) => c.notNull())
    .addColumn("body", longText(db), (c) => c.notNull())
    .addColumn("html", longText(db))
    .addColumn("params", "text")
    // queued | sending | sent | failed | bounced | opted_out | cancelled
    .addColumn("status", "varchar(12)", (c) => c.notNull())
    .addColumn("reason", "varchar(500)")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_at", "bigint", (c) => c.notNull())
    // The process and batch that claimed it, and until when the claim holds (renewed while it sends).
    .addColumn("claim", "varchar(40)")
    .addColumn("claimed_until", "bigint")
    .addColumn("provider", "varchar(16)")
    .addColumn("provider_id", "varchar(200)")
    .addColumn("sent_at", "bigint")
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addUniqueConstraint("campaign_messages_once", ["campaign_id", "channel", "record_id"])
    .execute();
  await db.schema
    .createIndex("campaign_messages_due")
    .on("campaign_messages")
    .columns(["status", "channel", "next_at"])
    .execute();
  await db.schema.createIndex("campaign_messages_claim").on("campaign_messages").columns(["claim"]).execute();
  await db.schema
    .createIndex("campaign_messages_report")
    .on("campaign_messages")
    .columns(["campaign_id", "status", "id"])
    .execute();

  // Who asked not to receive a channel's notices: a keyed digest of the address, never the address.
  await db.schema
    .createTable("notice_opt_outs")
    .addColumn("channel", "varchar(8)", (c) => c.notNull())
    .addColumn("digest", "varchar(64)", (c) => c.notNull())
    // The address sealed (a key rotation re-seals it and recomputes the digest).
    .addColumn("address", "varchar(500)", (c) => c.notNull())
    .addColumn("hint", "varchar(100)", (c) => c.notNull())
    // unsubscribe-link | staff
    .addColumn("via", "varchar(20)", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("notice_opt_outs_pk", ["channel", "digest"])
    .execute();

  // Recipient groups 收件人分组: named lists of records staff keep for notices.
  await db.schema
    .createTable("notice_groups")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("table_id", "integer", (c) => c.notNull().references("data_tables.id"))
    .addColumn("name", "varchar(100)", (c) => c.notNull())
    .addColumn("org_id", "integer", (c) => c.notNull().references("orgs.id"))
    .addColumn("org_path", "varchar(255)", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("notice_group_members")
    .addColumn("group_id", "integer", (c) => c.notNull().references("notice_groups.id").onDelete("cascade"))
    .addColumn("record_id", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("notice_group_members_pk", ["group_id", "record_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "notice_group_members",
    "notice_groups",
    "notice_opt_outs",
    "campaign_messages",
    "campaigns",
    "notice_rules",
  ])
    await db.schema.dropTable(table).execute();
}
