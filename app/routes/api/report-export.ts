// GET /api/v1/reports/{id}/export?format=xlsx|pdf&asOf=YYYY-MM-DD — the report as a file.
import { endpoint } from "../../api/endpoint.server.ts";
import { reportFileResponse } from "../../api/stats.server.ts";

export const loader = endpoint("/reports/{id}/export", {
  GET: ({ services, caller, id, query }) => reportFileResponse(services, caller, id, query),
});

export const action = endpoint("/reports/{id}/export", {});
