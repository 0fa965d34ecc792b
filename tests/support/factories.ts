// Test data builders: callers for demo accounts, orgs by name.
import { loadActorByUsername } from "../../app/auth/actor.server.ts";
import { insertUser } from "../../app/auth/users.server.ts";
import type { Caller, Services } from "../../app/core/services.server.ts";

export async function callerFor(services: Services, username: string, ip = "127.0.0.1"): Promise<Caller> {
  const actor = await loadActorByUsername(services.db, username);
  if (!actor) throw new Error(`no active demo account ${username}`);
  return { actor, ip, via: "session" };
}

export async function orgId(services: Services, name: string, parentName?: string): Promise<number> {
  let q = services.db.selectFrom("orgs as o").select("o.id").where("o.name", "=", name);
  if (parentName) {
    q = q.innerJoin("orgs as p", "p.id", "o.parent_id").where("p.name", "=", parentName);
  }
  const rows = await q.execute();
  if (rows.length !== 1) throw new Error(`expected one org named ${name}, found ${rows.length}`);
  return Number(rows[0]!.id);
}

export async function accountId(services: Services, username: string): Promise<number> {
  const row = await services.db
    .selectFrom("users")
    .select("id")
    .where("username", "=", username)
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function auditEvents(services: Services, event: string) {
  return services.db.selectFrom("audit_log").selectAll().where("event", "=", event).orderBy("id").execute();
}

/** Insert an org node directly (e.g. a second street, which no console user may create). */
export async function addOrg(
  services: Services,
  parentId: number | null,
  kind: "street" | "community" | "grid" | "enterprise" | "merchant",
  name: string,
): Promise<{ id: number; path: string }> {
  const parent = parentId
    ? await services.db.selectFrom("orgs").select("path").where("id", "=", parentId).executeTakeFirstOrThrow()
    : { path: "/" };
  const now = Date.now();
  const result = await services.db
    .insertInto("orgs")
    .values({ parent_id: parentId, kind, name, path: "", sort: 0, created_at: now, updated_at: now })
    .executeTakeFirstOrThrow();
  const id = Number(result.insertId);
  const path = `${parent.path}${id}/`;
  await services.db.updateTable("orgs").set({ path }).where("id", "=", id).execute();
  return { id, path };
}

/** Insert an account directly (password Linli@2026 hash reused from the demo admin). */
export async function addAccount(
  services: Services,
  username: string,
  role: string,
  orgId: number,
): Promise<number> {
  const template = await services.db
    .selectFrom("users")
    .select("password_hash")
    .where("username", "=", "admin")
    .executeTakeFirstOrThrow();
  return insertUser(services.db, services, {
    username,
    displayName: username,
    mobile: null,
    passwordHash: template.password_hash,
    role,
    orgId,
  });
}

/** The numeric id of a data table by its key ("people"), as the API's paths take it. */
export async function tableId(services: Services, key: string): Promise<number> {
  const row = await services.db
    .selectFrom("data_tables")
    .select("id")
    .where("key", "=", key)
    .executeTakeFirstOrThrow();
  return Number(row.id);
}
