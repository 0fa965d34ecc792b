// GET /api/v1/print-templates/{id}/file — the template as a .json file for another office to import.
import { endpoint } from "../../api/endpoint.server.ts";
import { templateFileResponse } from "../../print/templates.server.ts";

export const loader = endpoint("/print-templates/{id}/file", {
  GET: ({ services, caller, id }) => templateFileResponse(services, caller, String(id)),
});
export const action = endpoint("/print-templates/{id}/file", {});
