// POST /api/v1/dashboards/{id}/data — a saved dashboard's charts, live or as of a date.
import { endpoint } from "../../api/endpoint.server.ts";
import { savedDashboardData } from "../../stats/dashboards.server.ts";

export const loader = endpoint("/dashboards/{id}/data", {});

export const action = endpoint("/dashboards/{id}/data", {
  POST: ({ services, caller, id, body }) => savedDashboardData(services, caller, id, body),
});
