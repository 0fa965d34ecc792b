// GET /api/v1/jobs/{id}/download — a finished export's file, streamed under its Chinese name.
import { endpoint } from "../../api/endpoint.server.ts";
import { jobDownload } from "../../api/transfer.server.ts";

export const loader = endpoint("/jobs/{id}/download", {
  GET: ({ services, caller, id }) => jobDownload(services, caller, id, "download"),
});

export const action = endpoint("/jobs/{id}/download", {});
