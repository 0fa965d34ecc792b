// GET / PATCH (pause, resume) / DELETE /api/v1/notice-rules/{id}.
import { endpoint } from "../../api/endpoint.server.ts";
import { deleteRule, getRule, updateRule } from "../../notify/rules.server.ts";

export const loader = endpoint("/notice-rules/{id}", {
  GET: ({ services, caller, id }) => getRule(services, caller, id),
});
export const action = endpoint("/notice-rules/{id}", {
  PATCH: ({ services, caller, id, body }) => updateRule(services, caller, id, body),
  DELETE: ({ services, caller, id }) => deleteRule(services, caller, id),
});
