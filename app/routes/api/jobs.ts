// GET /api/v1/jobs — the recent import and export jobs in the caller's scope.
import { endpoint } from "../../api/endpoint.server.ts";
import { jobListOut } from "../../api/presenters-transfer.ts";
import { listJobs } from "../../transfer/jobs.server.ts";

export const loader = endpoint("/jobs", {
  GET: async ({ services, caller }) => jobListOut(await listJobs(services, caller)),
});

export const action = endpoint("/jobs", {});
