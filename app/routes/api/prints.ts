// POST /api/v1/prints — print a template for the chosen records: one PDF, made in the background.

import { endpoint } from "../../api/endpoint.server.ts";
import { jobOut } from "../../api/presenters-transfer.ts";
import { startPrint } from "../../print/jobs.server.ts";

export const loader = endpoint("/prints", {});
export const action = endpoint("/prints", {
  POST: async ({ services, caller, body }) => jobOut(await startPrint(services, caller, body)),
});
