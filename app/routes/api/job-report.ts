// GET /api/v1/jobs/{id}/report — an import's error report (.xlsx of the rows not imported, and why).
import { endpoint } from "../../api/endpoint.server.ts";
import { jobDownload } from "../../api/transfer.server.ts";

export const loader = endpoint("/jobs/{id}/report", {
  GET: ({ services, caller, id }) => jobDownload(services, caller, id, "report"),
});

export const action = endpoint("/jobs/{id}/report", {});
