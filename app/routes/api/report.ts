// GET, PATCH, DELETE /api/v1/reports/{id} — one saved pivot report.
import { endpoint } from "../../api/endpoint.server.ts";
import { reports } from "../../stats/reports.server.ts";

export const loader = endpoint("/reports/{id}", {
  GET: ({ services, caller, id }) => reports.get(services, caller, id),
});

export const action = endpoint("/reports/{id}", {
  PATCH: ({ services, caller, id, body }) => reports.update(services, caller, id, body),
  DELETE: ({ services, caller, id }) => reports.remove(services, caller, id),
});
