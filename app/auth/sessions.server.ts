// Sessions live in the database (app nodes stay stateless). The cookie holds a random token;
// the table holds only its SHA-256.
import crypto from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/types.ts";
import type { Config } from "../core/config.server.ts";
import { isStaffRole, type Role } from "./permissions.ts";

export const SESSION_COOKIE = "linli_session";
const STAFF_ABSOLUTE_MS = 12 * 3600_000;

export const sha256 = (value: string) => crypto.createHash("sha256").update(value).digest("hex");
export const randomToken = (bytes = 32) => crypto.randomBytes(bytes).toString("base64url");

function idleMs(config: Config, role: Role): number {
  return isStaffRole(role) ? config.staffIdleMinutes * 60_000 : config.residentIdleDays * 86_400_000;
}

export async function createSession(
  db: Kysely<DB>,
  config: Config,
  user: { id: number; role: Role },
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const now = Date.now();
  await db
    .insertInto("sessions")
    .values({
      id: sha256(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: now + idleMs(config, user.role),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 255) ?? null,
    })
    .execute();
  return { token, csrfToken };
}

export interface SessionRow {
  id: string;
  userId: number;
  csrfToken: string;
}

/**
 * The live session for a cookie token, sliding its idle expiry forward. Expired sessions (idle too long,
 * or a staff session older than its absolute limit) are deleted and yield null.
 */
export async function touchSession(
  db: Kysely<DB>,
  config: Config,
  token: string,
  role: (userId: number) => Promise<Role | null>,
): Promise<SessionRow | null> {
  const id = sha256(token);
  const row = await db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return null;
  const now = Date.now();
  const userRole = await role(row.user_id);
  const tooOld =
    userRole !== null && isStaffRole(userRole) && now - Number(row.created_at) > STAFF_ABSOLUTE_MS;
  if (!userRole || Number(row.expires_at) <= now || tooOld) {
    await db.deleteFrom("sessions").where("id", "=", id).execute();
    return null;
  }
  // Write at most once a minute per session: enough for idle tracking, cheap on every request.
  if (now - Number(row.last_seen_at) > 60_000) {
    await db
      .updateTable("sessions")
      .set({ last_seen_at: now, expires_at: now + idleMs(config, userRole) })
      .where("id", "=", id)
      .execute();
  }
  return { id, userId: row.user_id, csrfToken: row.csrf_token };
}

export async function deleteSession(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

export async function deleteUserSessions(db: Kysely<DB>, userId: number): Promise<number> {
  const result = await db.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
