// Loads the acting account with the org node that anchors its scope.
import type { Kysely } from "kysely";
import type { DB } from "../../db/types.ts";
import type { Actor } from "../core/services.server.ts";
import { isRole } from "./permissions.ts";

function actorQuery(db: Kysely<DB>) {
  return db
    .selectFrom("users")
    .innerJoin("orgs", "orgs.id", "users.org_id")
    .select([
      "users.id",
      "users.username",
      "users.display_name",
      "users.role",
      "users.status",
      "users.org_id",
      "orgs.name as org_name",
      "orgs.kind as org_kind",
      "orgs.path as org_path",
    ]);
}

type ActorRow = Awaited<ReturnType<ReturnType<typeof actorQuery>["executeTakeFirstOrThrow"]>>;

function toActor(row: ActorRow | undefined): Actor | null {
  if (row?.status !== "active" || !isRole(row.role)) return null;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    orgId: row.org_id,
    orgName: row.org_name,
    orgKind: row.org_kind,
    orgPath: row.org_path,
  };
}

/** The active account with this id, or null when it is missing or disabled. */
export async function loadActor(db: Kysely<DB>, userId: number): Promise<Actor | null> {
  return toActor(await actorQuery(db).where("users.id", "=", userId).executeTakeFirst());
}

export async function loadActorByUsername(db: Kysely<DB>, username: string): Promise<Actor | null> {
  return toActor(
    await actorQuery(db).where("users.username", "=", username.toLowerCase()).executeTakeFirst(),
  );
}

/** Whether an account of this name exists at all (loadActorByUsername also answers null when disabled). */
export async function accountExists(db: Kysely<DB>, username: string): Promise<boolean> {
  const row = await db
    .selectFrom("users")
    .select("id")
    .where("username", "=", username.toLowerCase())
    .executeTakeFirst();
  return row !== undefined;
}
