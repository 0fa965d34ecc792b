// The names of the saved views and recipient groups a caller's notices may go to, for the labels of the
// notice pages (a notice stores its audience as "view:3"; a view deleted since shows as deleted).
import type { Caller, Services } from "../../core/services.server.ts";
import { listGroups } from "../../notify/groups.server.ts";
import { listViews } from "../../query/views.server.ts";
import type { AudienceNames } from "./status.tsx";

export async function audienceChoices(services: Services, caller: Caller, table = "people") {
  const [views, groups] = await Promise.all([
    // Someone who may not read records has no views to offer.
    listViews(services, caller, table).catch(() => []),
    listGroups(services, caller),
  ]);
  return {
    views: views.map((v) => ({ id: v.id, name: v.name })),
    groups: groups
      .filter((g) => g.table === table)
      .map((g) => ({ id: g.id, name: g.name, members: g.members })),
  };
}

export async function audienceNames(services: Services, caller: Caller): Promise<AudienceNames> {
  const { views, groups } = await audienceChoices(services, caller);
  return {
    views: Object.fromEntries(views.map((v) => [String(v.id), v.name])),
    groups: Object.fromEntries(groups.map((g) => [String(g.id), g.name])),
  };
}
