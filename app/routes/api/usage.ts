// GET /api/v1/usage?period=&from=&to=&features= — how often each platform function was used, by period,
// in the caller's scope (street and community offices).
import { endpoint } from "../../api/endpoint.server.ts";
import { usageStatistics } from "../../stats/usage-query.server.ts";

export const loader = endpoint("/usage", {
  GET: ({ services, caller, query }) => usageStatistics(services, caller, query),
});

export const action = endpoint("/usage", {});
