// POST /api/v1/stats/report — an unsaved pivot report, as the report editor previews it.
import { endpoint } from "../../api/endpoint.server.ts";
import { previewReport } from "../../stats/reports.server.ts";

export const loader = endpoint("/stats/report", {});

export const action = endpoint("/stats/report", {
  POST: ({ services, caller, body }) => previewReport(services, caller, body),
});
