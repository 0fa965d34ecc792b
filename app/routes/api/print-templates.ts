// GET /api/v1/print-templates — the templates one may print with; POST — design a new one.
import { endpoint } from "../../api/endpoint.server.ts";
import { createTemplate, listTemplates } from "../../print/templates.server.ts";

export const loader = endpoint("/print-templates", {
  GET: ({ services, caller }) => listTemplates(services, caller),
});
export const action = endpoint("/print-templates", {
  POST: ({ services, caller, body }) => createTemplate(services, caller, body),
});
