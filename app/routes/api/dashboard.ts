// GET, PATCH, DELETE /api/v1/dashboards/{id} — one saved dashboard.
import { endpoint } from "../../api/endpoint.server.ts";
import { dashboards } from "../../stats/dashboards.server.ts";

export const loader = endpoint("/dashboards/{id}", {
  GET: ({ services, caller, id }) => dashboards.get(services, caller, id),
});

export const action = endpoint("/dashboards/{id}", {
  PATCH: ({ services, caller, id, body }) => dashboards.update(services, caller, id, body),
  DELETE: ({ services, caller, id }) => dashboards.remove(services, caller, id),
});
