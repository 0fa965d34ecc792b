// POST /api/v1/print-templates/import — a template file another office exported, as one's own.
import { endpoint } from "../../api/endpoint.server.ts";
import { importTemplate } from "../../print/templates.server.ts";

export const loader = endpoint("/print-templates/import", {});
export const action = endpoint("/print-templates/import", {
  POST: ({ services, caller, body }) => importTemplate(services, caller, JSON.stringify(body)),
});
