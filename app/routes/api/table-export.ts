// POST /api/v1/tables/{id}/export — export a view (its query and columns) of the table as .xlsx or .csv
// in the background; poll GET /jobs/{id}, then download. A POST: the query may hold an ID number.
import { endpoint } from "../../api/endpoint.server.ts";
import { jobOut } from "../../api/presenters-transfer.ts";
import { tableKeyOrId } from "../../api/table-param.server.ts";
import { exportView } from "../../api/transfer.server.ts";

export const loader = tableKeyOrId(endpoint("/tables/{id}/export", {}));

export const action = tableKeyOrId(
  endpoint("/tables/{id}/export", {
    POST: async ({ services, caller, id, body }) => jobOut(await exportView(services, caller, id, body)),
  }),
);
