// GET / PATCH / DELETE /api/v1/print-templates/{id} — one of the stored templates.
import { endpoint } from "../../api/endpoint.server.ts";
import { deleteTemplate, getTemplate, updateTemplate } from "../../print/templates.server.ts";

export const loader = endpoint("/print-templates/{id}", {
  GET: ({ services, caller, id }) => getTemplate(services, caller, String(id)),
});
export const action = endpoint("/print-templates/{id}", {
  PATCH: ({ services, caller, id, body }) => updateTemplate(services, caller, String(id), body),
  DELETE: ({ services, caller, id }) => deleteTemplate(services, caller, String(id)),
});
