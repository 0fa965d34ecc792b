// POST /api/v1/tables/{id}/query — a window of grid rows under a query (body: rowWindowSchema), in the
// caller's scope, masked. A POST because a filter may hold an ID or phone number.
import { queryWindow } from "../../../analytics/query/index.server.ts";
import { endpoint } from "../../api/endpoint.server.ts";
import { rowWindowOut } from "../../api/presenters-query.ts";
import { tableKeyOrId } from "../../api/table-param.server.ts";

export const loader = tableKeyOrId(endpoint("/tables/{id}/query", {}));

export const action = tableKeyOrId(
  endpoint("/tables/{id}/query", {
    POST: async ({ services, caller, id, body }) =>
      rowWindowOut(await queryWindow(services, caller, String(id), body)),
  }),
);
