// POST /api/v1/jobs/{id}/cancel — stop a running job; answers once it has stopped (409 if it had ended).
import { endpoint } from "../../api/endpoint.server.ts";
import { jobOut } from "../../api/presenters-transfer.ts";
import { cancelJob } from "../../transfer/jobs.server.ts";

export const loader = endpoint("/jobs/{id}/cancel", {});

export const action = endpoint("/jobs/{id}/cancel", {
  POST: async ({ services, caller, id }) => jobOut(await cancelJob(services, caller, id)),
});
