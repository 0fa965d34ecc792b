// POST /api/v1/records/purge — delete binned records for good: a reason, and confirm = the preview's total.
import { endpoint } from "../../api/endpoint.server.ts";
import { purgeRecords } from "../../people/records/recycle.server.ts";

export const loader = endpoint("/records/purge", {});

export const action = endpoint("/records/purge", {
  POST: async ({ services, caller, body }) => ({ count: await purgeRecords(services, caller, body) }),
});
