// POST /api/v1/reports/{id}/result — a saved report's table, live or as of a date.
import { endpoint } from "../../api/endpoint.server.ts";
import { savedReportResult } from "../../stats/reports.server.ts";

export const loader = endpoint("/reports/{id}/result", {});

export const action = endpoint("/reports/{id}/result", {
  POST: ({ services, caller, id, body }) => savedReportResult(services, caller, id, body),
});
