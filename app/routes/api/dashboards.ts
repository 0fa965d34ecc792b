// GET, POST /api/v1/dashboards — the dashboards the caller sees (and the built-in one); save a new one.
import { endpoint } from "../../api/endpoint.server.ts";
import { dashboards, listDashboards } from "../../stats/dashboards.server.ts";

export const loader = endpoint("/dashboards", {
  GET: ({ services, caller }) => listDashboards(services, caller),
});

export const action = endpoint("/dashboards", {
  POST: ({ services, caller, body }) => dashboards.create(services, caller, body),
});
