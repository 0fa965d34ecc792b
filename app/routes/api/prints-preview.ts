// POST /api/v1/prints/preview — the designer's preview: a template filled with one record, as a PDF.
import { endpoint } from "../../api/endpoint.server.ts";
import { previewResponse } from "../../print/jobs.server.ts";

export const loader = endpoint("/prints/preview", {});
export const action = endpoint("/prints/preview", {
  POST: ({ services, caller, body }) => previewResponse(services, caller, body),
});
