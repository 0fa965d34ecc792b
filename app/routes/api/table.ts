// GET /api/v1/tables/{id} — one table with its fields (removed ones apart); PATCH — rename it.
import { endpoint } from "../../api/endpoint.server.ts";
import { tableOut } from "../../api/presenters-data.ts";
import { getTable, renameTable } from "../../schema/edit-tables.server.ts";

export const loader = endpoint("/tables/{id}", {
  GET: async ({ services, caller, id }) => tableOut(await getTable(services, caller, id)),
});

export const action = endpoint("/tables/{id}", {
  PATCH: async ({ services, caller, id, body }) => tableOut(await renameTable(services, caller, id, body)),
});
