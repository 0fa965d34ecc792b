// The one place a row is added to `users` (console, CLI, demo data and test factories all come here).
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/types.ts";
import { mobileColumns, type Vault } from "./account-mobile.server.ts";

export interface NewUser {
  username: string;
  displayName: string;
  mobile: string | null;
  passwordHash: string;
  role: string;
  orgId: number;
}

export async function insertUser(
  db: Kysely<DB> | Transaction<DB>,
  vault: Vault,
  user: NewUser,
): Promise<number> {
  const now = Date.now();
  const result = await db
    .insertInto("users")
    .values({
      username: user.username,
      ...mobileColumns(vault, user.username, user.mobile),
      display_name: user.displayName,
      password_hash: user.passwordHash,
      role: user.role,
      org_id: user.orgId,
      status: "active",
      password_changed_at: now,
      created_at: now,
      updated_at: now,
    })
    .executeTakeFirstOrThrow();
  return Number(result.insertId);
}
