// POST /api/v1/stats/dashboard — an unsaved dashboard (the built-in 人口概况, or one being edited).
import { endpoint } from "../../api/endpoint.server.ts";
import { previewDashboard } from "../../stats/dashboards.server.ts";

export const loader = endpoint("/stats/dashboard", {});

export const action = endpoint("/stats/dashboard", {
  POST: ({ services, caller, body }) => previewDashboard(services, caller, body),
});
