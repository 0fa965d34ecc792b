// GET /api/v1/notice-groups — recipient groups; POST — save a selection as one.
import { endpoint } from "../../api/endpoint.server.ts";
import { createGroup, listGroups } from "../../notify/groups.server.ts";

export const loader = endpoint("/notice-groups", {
  GET: ({ services, caller }) => listGroups(services, caller),
});
export const action = endpoint("/notice-groups", {
  POST: ({ services, caller, body }) => createGroup(services, caller, body),
});
