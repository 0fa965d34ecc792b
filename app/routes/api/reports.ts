// GET, POST /api/v1/reports — the pivot reports the caller sees; save a new one.
import { endpoint } from "../../api/endpoint.server.ts";
import { reports } from "../../stats/reports.server.ts";

export const loader = endpoint("/reports", {
  GET: async ({ services, caller }) => ({ items: await reports.list(services, caller) }),
});

export const action = endpoint("/reports", {
  POST: ({ services, caller, body }) => reports.create(services, caller, body),
});
