// POST /api/v1/imports/{id}/check — check the uploaded file again with another sheet, header row,
// column mapping, mode, key or default community (a new dry run; poll GET /jobs/{id}).
import { endpoint } from "../../api/endpoint.server.ts";
import { jobOut } from "../../api/presenters-transfer.ts";
import { checkAgain } from "../../api/transfer.server.ts";

export const loader = endpoint("/imports/{id}/check", {});

export const action = endpoint("/imports/{id}/check", {
  POST: async ({ services, caller, id, body }) => jobOut(await checkAgain(services, caller, id, body)),
});
