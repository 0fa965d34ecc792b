// The resident's own corner of the platform: where they live (community and grid), and the public facts
// of their community. A resident's scope is their grid, but their community's grid names, enterprises,
// merchants and a count of residents' accounts are theirs to see; no other resident's name leaves here.
import type { OrgKind } from "../../db/types.ts";
import { authorize } from "../auth/access.server.ts";
import { can, type Role } from "../auth/permissions.ts";
import type { Caller, Services } from "../core/services.server.ts";

export interface PlaceNode {
  id: number;
  kind: OrgKind;
  name: string;
}

export interface CommunityUnit {
  id: number;
  name: string;
  kind: "enterprise" | "merchant";
}

export type ResidentHome =
  | {
      kind: "resident";
      displayName: string;
      community: PlaceNode | null;
      grid: PlaceNode | null;
      /** Active residents' accounts in the community (a count, never names). */
      residentAccounts: number;
      grids: PlaceNode[];
      units: CommunityUnit[];
    }
  | {
      /** Staff may open the resident area to see what residents see; there is no home of their own here. */
      kind: "staff";
      displayName: string;
      role: Role;
    };

export interface OwnProfile {
  displayName: string;
  username: string;
  role: Role;
  /** The org nodes from the top of the tree down to the account's own node. */
  trail: PlaceNode[];
}

type TrailNode = PlaceNode & { path: string };

const place = (node: TrailNode): PlaceNode => ({ id: node.id, kind: node.kind, name: node.name });

/** The org nodes on the caller's own path ("/1/5/17/" → street, community, grid), top first. */
async function ownTrail(services: Services, caller: Caller): Promise<TrailNode[]> {
  const ids = caller.actor.orgPath.split("/").filter(Boolean).map(Number);
  if (ids.length === 0) return [];
  const rows = await services.db
    .selectFrom("orgs")
    .select(["id", "kind", "name", "path"])
    .where("id", "in", ids)
    .execute();
  return rows
    .sort((a, b) => a.path.length - b.path.length)
    .map((row) => ({ id: Number(row.id), kind: row.kind as OrgKind, name: row.name, path: row.path }));
}

/** Who the caller is and where they belong: every signed-in account may read its own profile. */
export async function getOwnProfile(services: Services, caller: Caller): Promise<OwnProfile> {
  return {
    displayName: caller.actor.displayName,
    username: caller.actor.username,
    role: caller.actor.role,
    trail: (await ownTrail(services, caller)).map(place),
  };
}

export async function getResidentHome(services: Services, caller: Caller): Promise<ResidentHome> {
  const { actor } = caller;
  services.usage.count("sns.home", actor.orgPath);
  if (!can(actor.role, "resident.home")) {
    return { kind: "staff", displayName: actor.displayName, role: actor.role };
  }
  await authorize(services, caller, "resident.home");

  const trail = await ownTrail(services, caller);
  const community = trail.find((node) => node.kind === "community");
  const grid = trail.find((node) => node.kind === "grid");
  const home = {
    kind: "resident" as const,
    displayName: actor.displayName,
    community: community ? place(community) : null,
    grid: grid ? place(grid) : null,
  };
  if (!community) return { ...home, residentAccounts: 0, grids: [], units: [] };

  const count = await services.db
    .selectFrom("users")
    .innerJoin("orgs", "orgs.id", "users.org_id")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("users.role", "=", "resident")
    .where("users.status", "=", "active")
    .where("orgs.path", "like", `${community.path}%`)
    .executeTakeFirstOrThrow();

  const children = await services.db
    .selectFrom("orgs")
    .select(["id", "kind", "name"])
    .where("parent_id", "=", community.id)
    .where("kind", "in", ["grid", "enterprise", "merchant"])
    .orderBy("sort")
    .orderBy("id")
    .execute();

  return {
    ...home,
    residentAccounts: Number(count.n),
    grids: children
      .filter((row) => row.kind === "grid")
      .map((row) => ({ id: Number(row.id), kind: row.kind, name: row.name })),
    units: children
      .filter((row) => row.kind !== "grid")
      .map((row) => ({ id: Number(row.id), kind: row.kind as CommunityUnit["kind"], name: row.name })),
  };
}
