// The numbers on the staff console's home page, for the caller's scope and role.
import type { OrgKind } from "../../db/types.ts";
import { type AuditEntryView, searchAudit } from "../audit/query.server.ts";
import { authorize } from "../auth/access.server.ts";
import { can } from "../auth/permissions.ts";
import type { Caller, Services } from "../core/services.server.ts";

export interface CommunitySummary {
  id: number;
  name: string;
  grids: number;
  units: number;
  accounts: number;
}

/** Street and community admins: what their subtree holds. */
export interface ScopeOverview {
  kind: "scope";
  scopeName: string;
  counts: { communities: number; grids: number; enterprises: number; merchants: number; accounts: number };
  communities: CommunitySummary[];
}

/** The auditor: how busy the log is and what it says last. */
export interface AuditOverview {
  kind: "audit";
  scopeName: string;
  counts: { today: number; week: number; failedLogins: number; denials: number };
  latest: AuditEntryView[];
}

/** Enterprise and merchant admins: their own unit and the community it belongs to. */
export interface UnitOverview {
  kind: "unit";
  scopeName: string;
  unit: { id: number; name: string; kind: OrgKind };
  community: { id: number; name: string } | null;
}

export type ConsoleOverview = ScopeOverview | AuditOverview | UnitOverview;

export async function consoleOverview(services: Services, caller: Caller): Promise<ConsoleOverview> {
  const role = caller.actor.role;
  if (can(role, "account.read")) return scopeOverview(services, caller);
  if (can(role, "audit.read")) return auditOverview(services, caller);
  return unitOverview(services, caller);
}

export async function scopeOverview(services: Services, caller: Caller): Promise<ScopeOverview> {
  await authorize(services, caller, "org.read");
  await authorize(services, caller, "account.read");
  const { db } = services;
  const scope = `${caller.actor.orgPath}%`;
  const [orgs, accountsByOrg] = await Promise.all([
    db
      .selectFrom("orgs")
      .select(["id", "parent_id", "kind", "name", "path", "sort"])
      .where("path", "like", scope)
      .execute(),
    db
      .selectFrom("users")
      .innerJoin("orgs", "orgs.id", "users.org_id")
      .select(["orgs.path", (eb) => eb.fn.countAll<number>().as("n")])
      .where("orgs.path", "like", scope)
      .groupBy("orgs.path")
      .execute(),
  ]);
  const counts = { communities: 0, grids: 0, enterprises: 0, merchants: 0, accounts: 0 };
  for (const o of orgs) {
    if (o.kind === "community") counts.communities++;
    else if (o.kind === "grid") counts.grids++;
    else if (o.kind === "enterprise") counts.enterprises++;
    else if (o.kind === "merchant") counts.merchants++;
  }
  for (const a of accountsByOrg) counts.accounts += Number(a.n);
  const communities = orgs
    .filter((o) => o.kind === "community")
    .sort((a, b) => Number(a.sort) - Number(b.sort) || a.name.localeCompare(b.name, "zh-CN"))
    .map((c) => {
      const inside = orgs.filter((o) => o.path.startsWith(c.path) && o.path !== c.path);
      return {
        id: Number(c.id),
        name: c.name,
        grids: inside.filter((o) => o.kind === "grid").length,
        units: inside.filter((o) => o.kind === "enterprise" || o.kind === "merchant").length,
        accounts: accountsByOrg
          .filter((a) => a.path.startsWith(c.path))
          .reduce((sum, a) => sum + Number(a.n), 0),
      };
    });
  return { kind: "scope", scopeName: caller.actor.orgName, counts, communities };
}

/** A calendar day in China time as YYYY-MM-DD, `offsetDays` from today. */
function chinaDate(now: number, offsetDays = 0): string {
  return new Date(now + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

export async function auditOverview(
  services: Services,
  caller: Caller,
  now = Date.now(),
): Promise<AuditOverview> {
  await authorize(services, caller, "audit.read");
  const today = chinaDate(now);
  // The week starts on Monday, as calendars in China do.
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const weekStart = chinaDate(now, -weekday);
  const sevenDaysAgo = chinaDate(now, -6);
  const count = async (filter: Record<string, string>) => (await searchAudit(services, caller, filter)).total;
  const [todayCount, week, failedLogins, denials, latest] = await Promise.all([
    count({ from: today }),
    count({ from: weekStart }),
    count({ event: "auth.login_failed", from: sevenDaysAgo }),
    count({ event: "access.denied", from: sevenDaysAgo }),
    searchAudit(services, caller, {}),
  ]);
  return {
    kind: "audit",
    scopeName: caller.actor.orgName,
    counts: { today: todayCount, week, failedLogins, denials },
    latest: latest.entries.slice(0, 10),
  };
}

export async function unitOverview(services: Services, caller: Caller): Promise<UnitOverview> {
  await authorize(services, caller, "org.read");
  const unit = await services.db
    .selectFrom("orgs")
    .select(["id", "name", "kind", "parent_id"])
    .where("id", "=", caller.actor.orgId)
    .executeTakeFirstOrThrow();
  const parent =
    unit.parent_id === null
      ? undefined
      : await services.db
          .selectFrom("orgs")
          .select(["id", "name", "kind"])
          .where("id", "=", unit.parent_id)
          .executeTakeFirst();
  return {
    kind: "unit",
    scopeName: caller.actor.orgName,
    unit: { id: Number(unit.id), name: unit.name, kind: unit.kind },
    community: parent?.kind === "community" ? { id: Number(parent.id), name: parent.name } : null,
  };
}
