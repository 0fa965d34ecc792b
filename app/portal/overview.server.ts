// Public facts for the portal: the street office, its communities and the enterprises and merchants in
// them. Visitors read this without signing in, so it returns names and counts only — never people,
// accounts or anything else that row scoping protects.
import type { Services } from "../core/services.server.ts";

export type UnitKind = "enterprise" | "merchant";

export interface PortalCommunity {
  id: number;
  name: string;
  grids: number;
  enterprises: number;
  merchants: number;
}

export interface PortalUnit {
  id: number;
  name: string;
  kind: UnitKind;
  community: string;
}

export interface PortalOverview {
  /** The street office the portal speaks for; null on a database with no street yet. */
  street: { name: string } | null;
  communities: PortalCommunity[];
  units: PortalUnit[];
  totals: { communities: number; grids: number; enterprises: number; merchants: number };
}

interface StreetRow {
  id: number;
  name: string;
  path: string;
}

/**
 * The street office the portal represents: the first street node in the tree. A district-wide install
 * with several streets shows the first until the portal gains its own site settings.
 */
async function findStreet(services: Services): Promise<StreetRow | null> {
  const row = await services.db
    .selectFrom("orgs")
    .select(["id", "name", "path"])
    .where("kind", "=", "street")
    .orderBy("sort")
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
  return row ? { id: Number(row.id), name: row.name, path: row.path } : null;
}

/** Just the street's name, for the portal's header and footer. */
export async function getPortalStreet(services: Services): Promise<{ name: string } | null> {
  const street = await findStreet(services);
  return street ? { name: street.name } : null;
}

/** Everything the portal home shows: communities with their counts, and the enterprises and merchants. */
export async function getPortalOverview(services: Services): Promise<PortalOverview> {
  const street = await findStreet(services);
  if (!street) {
    return {
      street: null,
      communities: [],
      units: [],
      totals: { communities: 0, grids: 0, enterprises: 0, merchants: 0 },
    };
  }

  const communityRows = await services.db
    .selectFrom("orgs")
    .select(["id", "name"])
    .where("parent_id", "=", street.id)
    .where("kind", "=", "community")
    .orderBy("sort")
    .orderBy("id")
    .execute();

  const countRows = await services.db
    .selectFrom("orgs")
    .select((eb) => ["parent_id", "kind", eb.fn.countAll().as("n")])
    .where("path", "like", `${street.path}%`)
    .where("kind", "in", ["grid", "enterprise", "merchant"])
    .groupBy(["parent_id", "kind"])
    .execute();

  const unitRows = await services.db
    .selectFrom("orgs as u")
    .innerJoin("orgs as c", "c.id", "u.parent_id")
    .select(["u.id", "u.name", "u.kind", "c.name as community"])
    .where("u.path", "like", `${street.path}%`)
    .where("u.kind", "in", ["enterprise", "merchant"])
    .orderBy("c.sort")
    .orderBy("u.sort")
    .orderBy("u.id")
    .execute();

  const counts = new Map<string, number>();
  for (const row of countRows) counts.set(`${Number(row.parent_id)}:${row.kind}`, Number(row.n));
  const countOf = (id: number, kind: string) => counts.get(`${id}:${kind}`) ?? 0;

  const communities = communityRows.map((row) => {
    const id = Number(row.id);
    return {
      id,
      name: row.name,
      grids: countOf(id, "grid"),
      enterprises: countOf(id, "enterprise"),
      merchants: countOf(id, "merchant"),
    };
  });
  const units = unitRows.map((row) => ({
    id: Number(row.id),
    name: row.name,
    kind: row.kind as UnitKind,
    community: row.community,
  }));

  return {
    street: { name: street.name },
    communities,
    units,
    totals: {
      communities: communities.length,
      grids: communities.reduce((sum, c) => sum + c.grids, 0),
      enterprises: units.filter((u) => u.kind === "enterprise").length,
      merchants: units.filter((u) => u.kind === "merchant").length,
    },
  };
}
