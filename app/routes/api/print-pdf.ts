// GET /api/v1/prints/{id}/pdf — a finished print job's PDF, inline for the print dialog or downloaded.
import { endpoint } from "../../api/endpoint.server.ts";
import { printPdfResponse } from "../../print/jobs.server.ts";

export const loader = endpoint("/prints/{id}/pdf", {
  GET: ({ services, caller, id, query }) =>
    printPdfResponse(services, caller, id, query.download === "1" ? "attachment" : "inline"),
});
export const action = endpoint("/prints/{id}/pdf", {});
