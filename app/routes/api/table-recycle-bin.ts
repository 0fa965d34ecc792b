// GET /api/v1/tables/{id}/recycle-bin — the table's deleted records in the caller's scope, with purge dates.
import { endpoint } from "../../api/endpoint.server.ts";
import { recycleBinOut } from "../../api/presenters-data.ts";
import { listRecycleBin } from "../../people/records/recycle.server.ts";

export const loader = endpoint("/tables/{id}/recycle-bin", {
  GET: async ({ services, caller, id }) => recycleBinOut(await listRecycleBin(services, caller, id)),
});

export const action = endpoint("/tables/{id}/recycle-bin", {});
