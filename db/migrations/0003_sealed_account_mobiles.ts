// Account mobile numbers leave plain text: a sealed copy for display and a keyed blind index for sign-in
// by mobile and for uniqueness. The application moves existing numbers over at start (it holds the key;
// a migration does not), then the plain column stays empty. Frozen in time: imports nothing of today's code.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").addColumn("mobile_sealed", "varchar(255)").execute();
  await db.schema.alterTable("users").addColumn("mobile_digest", "varchar(32)").execute();
  await db.schema.createIndex("users_mobile_digest").unique().on("users").column("mobile_digest").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("users_mobile_digest").on("users").execute();
  await db.schema.alterTable("users").dropColumn("mobile_digest").execute();
  await db.schema.alterTable("users").dropColumn("mobile_sealed").execute();
}
