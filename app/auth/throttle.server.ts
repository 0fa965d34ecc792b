// Login throttling: failures counted per username and per IP in the database (so every app node agrees);
// too many in the window lock that key for a while.
import type { Kysely } from "kysely";
import type { DB } from "../../db/types.ts";

export const USER_LIMIT = 5;
export const IP_LIMIT = 30;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

export const userKey = (username: string) => `user:${username.toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/** Milliseconds until the key is unlocked, or 0 when it is not locked. */
export async function lockedFor(db: Kysely<DB>, key: string, now = Date.now()): Promise<number> {
  const row = await db
    .selectFrom("login_throttle")
    .select("locked_until")
    .where("key", "=", key)
    .executeTakeFirst();
  const until = row?.locked_until ? Number(row.locked_until) : 0;
  return until > now ? until - now : 0;
}

/** Count one failure; returns the failures in the window and whether this one caused a lock. */
export async function registerFailure(
  db: Kysely<DB>,
  key: string,
  limit: number,
  now = Date.now(),
): Promise<{ failures: number; locked: boolean }> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("login_throttle").selectAll().where("key", "=", key).executeTakeFirst();
    const fresh = !row || now - Number(row.window_start) > WINDOW_MS;
    const failures = fresh ? 1 : row.failures + 1;
    const locked = failures >= limit;
    const values = {
      failures: locked ? 0 : failures,
      window_start: fresh ? now : Number(row.window_start),
      locked_until: locked ? now + LOCK_MS : null,
    };
    if (row) await trx.updateTable("login_throttle").set(values).where("key", "=", key).execute();
    else
      await trx
        .insertInto("login_throttle")
        .values({ key, ...values })
        .execute();
    return { failures, locked };
  });
}

export async function clearFailures(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom("login_throttle").where("key", "=", key).execute();
}
