// GET /api/v1/jobs/{id} — a job's status, progress (done / total), committed prefix and result; the
// wizard polls it while a check or a commit runs.
import { endpoint } from "../../api/endpoint.server.ts";
import { jobOut } from "../../api/presenters-transfer.ts";
import { loadJob } from "../../transfer/jobs.server.ts";

export const loader = endpoint("/jobs/{id}", {
  GET: async ({ services, caller, id }) => jobOut(await loadJob(services, caller, id)),
});

export const action = endpoint("/jobs/{id}", {});
