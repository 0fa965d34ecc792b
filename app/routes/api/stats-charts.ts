// POST /api/v1/stats/charts — one chart's numbers, live or as of a date.
import { runChart } from "../../../analytics/stats/chart.server.ts";
import { endpoint } from "../../api/endpoint.server.ts";

export const loader = endpoint("/stats/charts", {});

export const action = endpoint("/stats/charts", {
  POST: ({ services, caller, body }) => runChart(services, caller, body),
});
