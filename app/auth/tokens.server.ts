// Personal API tokens for integrators: created and revoked by their owner; the secret is shown once.
import { z } from "zod";
import { recordAudit } from "../audit/log.server.ts";
import { notFound } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";
import { authorize } from "./access.server.ts";
import { randomToken, sha256 } from "./sessions.server.ts";

export const TOKEN_PREFIX = "lnl_";

export interface ApiToken {
  id: number;
  name: string;
  prefix: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export const createTokenSchema = z.object({
  name: z.string({ error: "必填 / Required" }).trim().min(1, "请填写用途 / Name the token").max(100),
});

export async function listTokens(services: Services, caller: Caller): Promise<ApiToken[]> {
  await authorize(services, caller, "token.manage");
  const rows = await services.db
    .selectFrom("api_tokens")
    .selectAll()
    .where("user_id", "=", caller.actor.id)
    .orderBy("id", "desc")
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    prefix: r.prefix,
    createdAt: Number(r.created_at),
    lastUsedAt: r.last_used_at === null ? null : Number(r.last_used_at),
    revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
  }));
}

export async function createToken(
  services: Services,
  caller: Caller,
  input: unknown,
): Promise<{ token: string; id: number; name: string }> {
  await authorize(services, caller, "token.manage");
  const { name } = parseInput(createTokenSchema, input);
  const token = `${TOKEN_PREFIX}${randomToken(30)}`;
  const prefix = token.slice(0, 10);
  const result = await services.db
    .insertInto("api_tokens")
    .values({ user_id: caller.actor.id, name, token_hash: sha256(token), prefix, created_at: Date.now() })
    .executeTakeFirstOrThrow();
  const id = Number(result.insertId);
  await recordAudit(services.db, services.dialect, {
    event: "token.created",
    data: { name, prefix },
    caller,
    target: { type: "api_token", id },
  });
  return { token, id, name };
}

export async function revokeToken(services: Services, caller: Caller, id: number): Promise<void> {
  await authorize(services, caller, "token.manage");
  if (!Number.isSafeInteger(id) || id < 1) throw notFound("令牌不存在或已吊销 / No such active token");
  const row = await services.db
    .selectFrom("api_tokens")
    .select(["name", "prefix"])
    .where("id", "=", id)
    .where("user_id", "=", caller.actor.id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (!row) throw notFound("令牌不存在或已吊销 / No such active token");
  await services.db.updateTable("api_tokens").set({ revoked_at: Date.now() }).where("id", "=", id).execute();
  await recordAudit(services.db, services.dialect, {
    event: "token.revoked",
    data: { name: row.name, prefix: row.prefix },
    caller,
    target: { type: "api_token", id },
  });
}

/** The owner of a live bearer token, or null. Marks the token used (at most once a minute) and counts the use. */
export async function userIdForToken(services: Services, token: string): Promise<number | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await services.db
    .selectFrom("api_tokens")
    // The owner's org only for the usage count: read in the same query, not another round trip.
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .innerJoin("orgs", "orgs.id", "users.org_id")
    .select(["api_tokens.id", "api_tokens.user_id", "api_tokens.last_used_at", "orgs.path as org_path"])
    .where("api_tokens.token_hash", "=", sha256(token))
    .where("api_tokens.revoked_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  services.usage.count("api.token", row.org_path);
  const now = Date.now();
  if (!row.last_used_at || now - Number(row.last_used_at) > 60_000) {
    await services.db.updateTable("api_tokens").set({ last_used_at: now }).where("id", "=", row.id).execute();
  }
  return Number(row.user_id);
}
