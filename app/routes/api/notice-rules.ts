// GET /api/v1/notice-rules — rules and their next run; POST — add one.
import { endpoint } from "../../api/endpoint.server.ts";
import { createRule, listRules } from "../../notify/rules.server.ts";

export const loader = endpoint("/notice-rules", {
  GET: ({ services, caller }) => listRules(services, caller),
});
export const action = endpoint("/notice-rules", {
  POST: ({ services, caller, body }) => createRule(services, caller, body),
});
