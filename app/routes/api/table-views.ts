// GET /api/v1/tables/{id}/views — my saved views of a table and those shared with me; POST — save one.
import { endpoint } from "../../api/endpoint.server.ts";
import { viewListOut, viewOut } from "../../api/presenters-query.ts";
import { tableKeyOrId } from "../../api/table-param.server.ts";
import { createView, listViews } from "../../query/views.server.ts";

export const loader = tableKeyOrId(
  endpoint("/tables/{id}/views", {
    GET: async ({ services, caller, id }) => viewListOut(await listViews(services, caller, id)),
  }),
);

export const action = tableKeyOrId(
  endpoint("/tables/{id}/views", {
    POST: async ({ services, caller, id, body }) => viewOut(await createView(services, caller, id, body)),
  }),
);
