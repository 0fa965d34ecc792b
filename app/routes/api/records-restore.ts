// POST /api/v1/records/restore — bring records back from the recycle bin.
import { endpoint } from "../../api/endpoint.server.ts";
import { restoreRecords } from "../../people/records/recycle.server.ts";

export const loader = endpoint("/records/restore", {});

export const action = endpoint("/records/restore", {
  POST: async ({ services, caller, body }) => ({ count: await restoreRecords(services, caller, body) }),
});
